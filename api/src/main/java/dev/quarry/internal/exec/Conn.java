package dev.quarry.internal.exec;

import dev.quarry.QueryEvent;
import dev.quarry.spi.Connection;
import dev.quarry.spi.Dialect;
import dev.quarry.spi.RowMapper;
import dev.quarry.spi.Statement;
import dev.quarry.spi.TxOptions;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A borrowed connection as Quarry's operations see it. Every operation returns a future: in sync mode it
 * runs on the caller's thread and the future is already complete; in async mode it runs through the
 * provider's async twin, tracked by the {@link CancelScope}. Operations are written once, as future
 * compositions, and serve both twins.
 */
public final class Conn {

    private static final AtomicLong SAVEPOINTS = new AtomicLong();

    private final Connection connection;
    private final boolean async;
    private final Errors errors;
    private final Dialect dialect;
    private final CancelScope scope;
    private final TxState tx;
    private final StatementLog log;

    /** Whether a transaction is open on a connection, shared by the Conns of one borrowing. */
    public static final class TxState {
        volatile boolean open;

        /** @param open whether the connection starts inside a transaction */
        public TxState(boolean open) {
            this.open = open;
        }
    }

    /**
     * @param connection the provider's connection
     * @param async      async mode (else sync, on the caller's thread)
     * @param tx         whether a transaction is open (shared state)
     * @param log        where every statement run through this Conn is reported
     */
    public Conn(Connection connection, boolean async, Errors errors, Dialect dialect, CancelScope scope, TxState tx,
                StatementLog log) {
        this.log = log;
        this.connection = connection;
        this.async = async;
        this.errors = errors;
        this.dialect = dialect;
        this.scope = scope;
        this.tx = tx;
    }

    /** The provider's connection. */
    Connection connection() {
        return connection;
    }

    /** Whether operations run asynchronously. */
    public boolean isAsync() {
        return async;
    }

    /** The dialect. */
    public Dialect dialect() {
        return dialect;
    }

    /** Whether a transaction is open on this connection. */
    public boolean inTransaction() {
        return tx.open;
    }

    /** Runs a query and maps its rows. */
    public <T> CompletableFuture<List<T>> query(Statement statement, RowMapper<T> mapper) {
        long start = log.start();
        var outcome = call(() -> connection.query(statement, mapper), () -> connection.queryAsync(statement, mapper));
        return start == StatementLog.OFF ? outcome
                : log.report(outcome, start, QueryEvent.Kind.QUERY, statement.sql(), List.of(statement.params()), List::size);
    }

    /** Runs a statement; the number of rows it changed. */
    public CompletableFuture<Long> update(Statement statement) {
        long start = log.start();
        var outcome = call(() -> connection.update(statement), () -> connection.updateAsync(statement));
        return start == StatementLog.OFF ? outcome
                : log.report(outcome, start, QueryEvent.Kind.UPDATE, statement.sql(), List.of(statement.params()), n -> n);
    }

    /** Runs a statement without parameters, ignoring its count. */
    public CompletableFuture<Void> execute(String sql) {
        return update(Statement.of(sql)).thenApply(n -> null);
    }

    /** Runs a batch. */
    public CompletableFuture<long[]> batch(String sql, List<List<Object>> parameterSets) {
        long start = log.start();
        var outcome = call(() -> connection.batch(sql, parameterSets), () -> connection.batchAsync(sql, parameterSets));
        return start == StatementLog.OFF ? outcome
                : log.report(outcome, start, QueryEvent.Kind.BATCH, sql, parameterSets, Conn::changed);
    }

    /** Begins a transaction. */
    public CompletableFuture<Void> begin(TxOptions options) {
        long start = log.start();
        CompletableFuture<Void> outcome = call(() -> {
            connection.begin(options);
            return null;
        }, () -> connection.beginAsync(options));
        return control(outcome, start, "BEGIN").thenApply(v -> {
            tx.open = true;
            return null;
        });
    }

    /** Commits. */
    public CompletableFuture<Void> commit() {
        long start = log.start();
        CompletableFuture<Void> outcome = call(() -> {
            connection.commit();
            return null;
        }, connection::commitAsync);
        return control(outcome, start, "COMMIT").whenComplete((v, e) -> tx.open = false);
    }

    /** Rolls back. */
    public CompletableFuture<Void> rollback() {
        long start = log.start();
        CompletableFuture<Void> outcome = call(() -> {
            connection.rollback();
            return null;
        }, connection::rollbackAsync);
        return control(outcome, start, "ROLLBACK").whenComplete((v, e) -> tx.open = false);
    }

    /**
     * Runs {@code work} atomically: in a new transaction on this connection, or in a savepoint when one is
     * open already (Django's {@code transaction.atomic}). On failure, rolls back and fails with the same
     * exception.
     */
    public <R> CompletableFuture<R> atomic(Function<Conn, CompletableFuture<R>> work) {
        if (!tx.open) {
            return begin(dev.quarry.spi.TxOptions.DEFAULT).thenCompose(v -> Futures.guard(() -> work.apply(this))
                    .handle((r, e) -> e == null
                            ? commit().thenApply(x -> r)
                            : rollback().handle((x, e2) -> CompletableFuture.<R>failedFuture(Futures.unwrap(e))).thenCompose(f -> f))
                    .thenCompose(f -> f));
        }
        String name = newSavepointName();
        return execute(dialect.savepoint(name)).thenCompose(v -> Futures.guard(() -> work.apply(this))
                .handle((r, e) -> e == null
                        ? execute(dialect.releaseSavepoint(name)).thenApply(x -> r)
                        : execute(dialect.rollbackToSavepoint(name))
                        .thenCompose(x -> execute(dialect.releaseSavepoint(name)))
                        .handle((x, e2) -> CompletableFuture.<R>failedFuture(Futures.unwrap(e))).thenCompose(f -> f))
                .thenCompose(f -> f));
    }

    /** Reports a BEGIN, COMMIT or ROLLBACK (run through the provider's transaction calls, not as SQL text). */
    private CompletableFuture<Void> control(CompletableFuture<Void> outcome, long start, String command) {
        return start == StatementLog.OFF ? outcome
                : log.report(outcome, start, QueryEvent.Kind.TRANSACTION, command, List.of(), v -> 0);
    }

    /** The rows a batch changed, leaving out the driver's "unknown" counts. */
    private static long changed(long[] counts) {
        long sum = 0;
        for (long c : counts) {
            sum += Math.max(0, c);
        }
        return sum;
    }

    /** A new savepoint name, unique in this JVM. */
    public static String newSavepointName() {
        return "quarry_sp_" + SAVEPOINTS.incrementAndGet();
    }

    private <R> CompletableFuture<R> call(Supplier<R> blocking, Supplier<? extends CompletionStage<R>> nonBlocking) {
        try {
            scope.check();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!async) {
            try {
                return CompletableFuture.completedFuture(blocking.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(errors.translate(e));
            }
        }
        CompletableFuture<R> stage;
        try {
            stage = nonBlocking.get().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(errors.translate(e));
        }
        scope.track(stage);
        return stage.handle((r, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(r);
            }
            return CompletableFuture.<R>failedFuture(errors.translate(e));
        }).thenCompose(f -> f);
    }
}
