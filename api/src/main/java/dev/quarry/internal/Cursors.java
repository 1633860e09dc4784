package dev.quarry.internal;

import dev.quarry.internal.exec.CancelScope;
import dev.quarry.internal.exec.Futures;
import dev.quarry.internal.exec.SerialSession;
import dev.quarry.internal.exec.Session;
import dev.quarry.internal.query.Query;
import dev.quarry.internal.query.Selected;
import dev.quarry.internal.query.Shape;
import dev.quarry.spi.Dialect;
import dev.quarry.spi.RowMapper;
import dev.quarry.spi.Statement;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams a query through a server-side cursor ({@code DECLARE ... CURSOR}, {@code FETCH n}): a blocking
 * {@link Stream} for {@code iterator()}, a back-pressured {@link Flow.Publisher} for {@code aiterator()}.
 * Outside a transaction the cursor gets a connection and a transaction of its own, finished when the
 * stream is exhausted, closed or cancelled.
 *
 * @param <T> the row type
 */
final class Cursors<T> {

    private static final AtomicLong NAMES = new AtomicLong();

    /**
     * Stable cursor names per SELECT text, so that a cursor alone on its connection is always named the same
     * for the same query: its FETCH text repeats and the driver reuses the prepared statement. A name must
     * never be shared by queries of different columns (a driver caches the FETCH's result shape), hence
     * one name per SQL text. Bounded: past the bound, names are unique again.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Long> STABLE_NAMES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_STABLE_NAMES = 4096;

    private static String stableName(String sql) {
        Long id = STABLE_NAMES.get(sql);
        if (id == null && STABLE_NAMES.size() < MAX_STABLE_NAMES) {
            id = STABLE_NAMES.computeIfAbsent(sql, k -> NAMES.incrementAndGet());
        }
        return "quarry_cursor_" + (id != null ? "s" + id : NAMES.incrementAndGet());
    }

    private final QueryContext ctx;
    private final Statement select;
    private final RowMapper<T> mapper;
    private final Prefetcher prefetcher;

    /**
     * @param select     the query to stream, or {@code null} when it matches nothing
     * @param prefetcher prefetches into each chunk, or {@code null}
     */
    Cursors(QueryContext ctx, Statement select, RowMapper<T> mapper, Prefetcher prefetcher) {
        this.ctx = ctx;
        this.select = select;
        this.mapper = mapper;
        this.prefetcher = prefetcher;
    }

    /** The cursors of a QuerySet. */
    static <T> Cursors<T> of(QueryContext ctx, Query query, Shape<T> shape) {
        if (query.isEmpty()) {
            return new Cursors<>(ctx, null, null, null);
        }
        List<Selected> columns = shape.columns(query);
        return new Cursors<>(ctx, ctx.compiler().select(query, columns), shape.mapper(query, columns),
                shape.isModel() ? Prefetcher.of(ctx.compiler(), query) : null);
    }

    static void checkChunkSize(int chunkSize) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("Chunk size must be strictly positive.");
        }
    }

    /**
     * One open cursor: its statements and the pinned session they run on. Alone on its connection, the cursor
     * owns that connection and its transaction, which it commits and gives back when it closes. Inside a user's
     * transaction it owns neither: its statements go through the transaction level it was opened on (so they
     * follow that level's rules), and closing it sends {@code CLOSE} only; the transaction goes on.
     */
    final class Cursor {
        final Dialect dialect = ctx.compiler().dialect();
        final int chunkSize;
        String name;
        Statement fetch;
        volatile SerialSession session;
        /** Where DECLARE and FETCH run: the pinned session, or the user's transaction level. */
        private volatile Session runner;
        private CompletableFuture<Void> opened;
        private volatile boolean closed;

        Cursor(int chunkSize) {
            this.chunkSize = chunkSize;
        }

        synchronized CompletableFuture<Void> open(boolean async) {
            opened = Futures.guard(() -> ctx.session().pin(async)).thenCompose(s -> {
                session = s;
                runner = s.isCursorsOwn() ? s : ctx.session();
                // Alone on its connection a cursor gets its query's stable name; inside a user's transaction,
                // where several may be open at once, a unique one.
                name = s.isCursorsOwn() ? stableName(select.sql()) : "quarry_cursor_" + NAMES.incrementAndGet();
                fetch = Statement.of(dialect.fetchCursor(name, chunkSize));
                Statement declare = new Statement(dialect.declareCursor(name, select.sql()), select.params());
                return Futures.guard(() -> runner.run(async, CancelScope.NONE, conn -> conn.update(declare)))
                        .thenApply(n -> (Void) null);
            });
            return opened;
        }

        CompletableFuture<List<T>> next(boolean async) {
            return Futures.guard(() -> prefetcher == null
                    ? runner.run(async, CancelScope.NONE, conn -> conn.query(fetch, mapper))
                    : runner.run(async, CancelScope.NONE, conn -> conn.query(fetch, mapper)
                            .thenCompose(rows -> prefetcher.apply(conn, rows))));
        }

        /** Whether the cursor still holds a connection of its own (a user's transaction closes its cursors itself). */
        boolean holdsConnection() {
            SerialSession s = session;
            return !closed && (s == null ? opened != null : s.isCursorsOwn());
        }

        /** Closes the cursor and, when it had its own connection, ends its transaction and returns it. */
        synchronized CompletableFuture<Void> close(boolean async, boolean failed) {
            if (closed || opened == null) {
                closed = true;
                return CompletableFuture.completedFuture(null);
            }
            closed = true;
            return opened.handle((v, e) -> session).thenCompose(s -> s == null
                    ? CompletableFuture.completedFuture(null) : finish(s, async, failed || opened.isCompletedExceptionally()));
        }

        private CompletableFuture<Void> finish(SerialSession s, boolean async, boolean failed) {
            if (!s.isCursorsOwn()) {
                // In the user's transaction: CLOSE only (on the connection itself, whatever level is open now),
                // never COMMIT, never giving the connection back. A transaction that ended has closed it already.
                if (s.isEnded() || !s.transactionOpen()) {
                    return CompletableFuture.completedFuture(null);
                }
                return Futures.guard(() -> s.run(async, CancelScope.NONE, conn -> conn.inTransaction()
                        ? conn.execute(dialect.closeCursor(name)) : CompletableFuture.<Void>completedFuture(null)))
                        .handle((v, e) -> null);
            }
            CompletableFuture<Void> closing = failed ? CompletableFuture.completedFuture(null)
                    : Futures.guard(() -> s.run(async, CancelScope.NONE, conn -> conn.execute(dialect.closeCursor(name))));
            return closing.handle((v, e) -> e == null && !failed)
                    .thenCompose(ok -> s.run(async, CancelScope.NONE, conn -> ok ? conn.commit() : conn.rollback()))
                    .handle((v, e) -> null)
                    .thenCompose(v -> s.release(async));
        }
    }

    /**
     * The blocking stream of {@code iterator(chunkSize)}. The cursor closes when the stream is exhausted, fails,
     * or is closed; a stream abandoned before any of these (say short-circuited by {@code findFirst()} outside a
     * try-with-resources) is reclaimed once unreachable, with a warning naming where it was opened.
     */
    Stream<T> stream(int chunkSize) {
        checkChunkSize(chunkSize);
        if (select == null) {
            return Stream.empty();
        }
        Cursor cursor = new Cursor(chunkSize);
        Iterator<T> rows = new Iterator<>() {
            private Iterator<T> page;
            private boolean exhausted;

            @Override
            public boolean hasNext() {
                while ((page == null || !page.hasNext()) && !exhausted) {
                    try {
                        if (cursor.session == null) {
                            Futures.await(cursor.open(false));
                        }
                        List<T> next = Futures.await(cursor.next(false));
                        exhausted = next.size() < chunkSize;
                        page = next.iterator();
                    } catch (RuntimeException e) {
                        exhausted = true;
                        cursor.close(false, true);
                        throw e;
                    }
                    if (exhausted) {
                        Futures.await(cursor.close(false, false));
                    }
                }
                return page != null && page.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        Stream<T> stream = StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED | Spliterator.NONNULL), false);
        CursorLeaks.Watch watch = CursorLeaks.watch(stream, cursor::holdsConnection, () -> cursor.close(true, true));
        return stream.onClose(() -> {
            try {
                Futures.await(cursor.close(false, false));
            } finally {
                watch.closed();   // after closing: nothing is held any more, so nothing is reported
            }
        });
    }

    /** The publisher of {@code aiterator(chunkSize)}. */
    Flow.Publisher<T> publisher(int chunkSize) {
        checkChunkSize(chunkSize);
        return subscriber -> {
            java.util.Objects.requireNonNull(subscriber, "subscriber");
            CursorSubscription<T> subscription = new CursorSubscription<>(subscriber, select == null ? null : new Cursor(chunkSize), chunkSize);
            try {
                subscriber.onSubscribe(subscription);
            } catch (Throwable t) {
                subscription.subscriberFailed("onSubscribe", t);   // rule 2.13: as if it had cancelled
            }
        };
    }
}
