package dev.quarry.provider.vertx;

import dev.quarry.spi.Connection;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.RowMapper;
import dev.quarry.spi.Statement;
import dev.quarry.spi.TxOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One connection borrowed from the Vert.x pool. The async twins are the real operations: each sends its
 * statement at once (prepared and cached by the client, parameters bound by {@link Parameters}) and maps the rows
 * on the event loop when they arrive, with no thread of its own. The blocking twins wait for them, which is meant
 * for virtual threads; called on an event-loop thread they fail instead of blocking it.
 *
 * <p>Operations run one after the other, in the order they were issued: each {@link Operation} starts when the one
 * before has {@linkplain Operation#ended() ended}, its cancel requests included. A cancelled statement therefore
 * finishes on the server before the next one (typically the caller's rollback, or the return to the pool) is sent.
 *
 * <p>Transactions are PostgreSQL's {@code BEGIN}/{@code COMMIT}/{@code ROLLBACK}, sent as simple queries (the
 * client's own {@code Transaction} would roll back by itself after a failed statement, where Quarry rolls back to
 * a savepoint and goes on). The isolation level is one of four fixed names, never the caller's text.
 */
final class VertxConnection implements Connection {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final VertxDatabase database;
    private final PgConnection pg;
    private final Object order = new Object();

    /** The end of the operation issued last. Guarded by {@link #order}. */
    private CompletableFuture<Void> last = DONE;
    /** The operation issued last, for {@link #cancel()}. Guarded by {@link #order}. */
    private Operation<?> current;

    // Touched only by operations, which run one after the other (each starts in the callback of its predecessor's end).
    private volatile boolean inTransaction;
    private volatile boolean closed;

    VertxConnection(VertxDatabase database, PgConnection pg) {
        this.database = database;
        this.pg = pg;
    }

    // ---------------------------------------------------------------- statements

    @Override
    public <T> CompletionStage<List<T>> queryAsync(Statement statement, RowMapper<T> mapper) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(mapper, "mapper");
        String sql = database.numbered(statement.sql());
        Tuple params = Parameters.tuple(statement.params());
        return submit(op -> execute(sql, params).map(rows -> map(rows, params.size() > 0, mapper, op)));
    }

    private <T> List<T> map(RowSet<Row> rows, boolean binary, RowMapper<T> mapper, Operation<?> op) {
        if (op.cancelRequested()) {
            return List.of(); // nobody will see them
        }
        List<T> result = new ArrayList<>(rows.size());
        VertxRow row = new VertxRow(rows, binary, database.sessionZone());
        for (Row r : rows) {
            result.add(mapper.map(row.at(r)));
        }
        return result;
    }

    @Override
    public CompletionStage<Long> updateAsync(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        String sql = database.numbered(statement.sql());
        Tuple params = Parameters.tuple(statement.params());
        return submit(op -> execute(sql, params).map(rows -> (long) rows.rowCount()));
    }

    /**
     * Sends a statement: with parameters, prepared (the client caches the prepared statement per SQL text) and
     * read in binary; without, as a simple query read in text, which also reads the types whose binary form the
     * client leaves undecoded (it reads an {@code xml} column as NULL in binary).
     */
    private Future<RowSet<Row>> execute(String sql, Tuple params) {
        return params.size() == 0 ? pg.query(sql).execute() : pg.preparedQuery(sql).execute(params);
    }

    @Override
    public CompletionStage<long[]> batchAsync(String sql, List<List<Object>> parameterSets) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(parameterSets, "parameterSets");
        if (parameterSets.isEmpty()) {
            return submit(op -> Future.succeededFuture(new long[0]));
        }
        String numbered = database.numbered(sql);
        List<Tuple> batch = new ArrayList<>(parameterSets.size());
        for (List<Object> parameters : parameterSets) {
            batch.add(Parameters.tuple(parameters));
        }
        return submit(op -> pg.preparedQuery(numbered).executeBatch(batch).map(first -> {
            long[] counts = new long[batch.size()];
            int i = 0;
            for (RowSet<Row> r = first; r != null && i < counts.length; r = r.next()) {
                counts[i++] = r.rowCount();
            }
            return counts;
        }));
    }

    // ---------------------------------------------------------------- transactions

    /**
     * Begins a transaction. Its stage completes on a virtual thread of its own, not on the event loop, so the work
     * that Quarry's {@code aatomic} starts from it may use the blocking twins (one thread hop per transaction).
     */
    @Override
    public CompletionStage<Void> beginAsync(TxOptions options) {
        String begin = beginStatement(options == null ? TxOptions.DEFAULT : options);
        return database.offEventLoop(submit(op -> {
            if (inTransaction) {
                return Future.failedFuture(new DriverException("A transaction is already active on this connection.",
                        Errors.ACTIVE_SQL_TRANSACTION, null, null));
            }
            return pg.query(begin).execute().map(r -> {
                inTransaction = true;
                return null;
            });
        }));
    }

    @Override
    public CompletionStage<Void> commitAsync() {
        return submit(op -> {
            if (!inTransaction) {
                return Future.failedFuture(new DriverException("No transaction is active on this connection.",
                        Errors.NO_ACTIVE_SQL_TRANSACTION, null, null));
            }
            return endTransaction("COMMIT");
        });
    }

    /** Rolls back; without a transaction, does nothing. Runs even when the returned stage is cancelled. */
    @Override
    public CompletionStage<Void> rollbackAsync() {
        return uncancellable(submit(false, op -> inTransaction ? endTransaction("ROLLBACK") : Future.succeededFuture()));
    }

    private Future<Void> endTransaction(String sql) {
        return pg.query(sql).execute().<Void>mapEmpty().andThen(ar -> inTransaction = false);
    }

    /**
     * {@code BEGIN} with the options: the isolation is checked against PostgreSQL's four levels (else an
     * IllegalArgumentException naming them), so no caller's text reaches the SQL.
     */
    static String beginStatement(TxOptions options) {
        StringBuilder sql = new StringBuilder("BEGIN");
        if (options.isolation() != null) {
            String normalized = String.join(" ", options.isolation().trim().replace('_', ' ')
                    .toUpperCase(Locale.ROOT).split("\\s+"));
            switch (normalized) {
                case "READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE" ->
                        sql.append(" ISOLATION LEVEL ").append(normalized);
                default -> throw new IllegalArgumentException("Unknown isolation level '" + options.isolation()
                        + "'; expected READ UNCOMMITTED, READ COMMITTED, REPEATABLE READ or SERIALIZABLE.");
            }
        }
        if (options.readOnly()) {
            sql.append(" READ ONLY");
        }
        return sql.toString();
    }

    // ---------------------------------------------------------------- closing and cancelling

    /**
     * Waits for the operations issued before (a cancelled statement's end included), rolls back a transaction
     * left open and gives the connection back to the pool. Idempotent; never fails; runs even when the returned
     * stage is cancelled.
     */
    @Override
    public CompletionStage<Void> closeAsync() {
        Operation<Void> op = new Operation<>(database.vertx(), pg, database.cancelRequests(), false);
        enqueue(op, () -> null, () -> {
            if (closed) {
                return Future.succeededFuture();
            }
            closed = true;
            Future<Void> rolledBack = inTransaction ? endTransaction("ROLLBACK").otherwiseEmpty() : Future.succeededFuture();
            return rolledBack.transform(ar -> pg.close()).otherwiseEmpty();
        });
        return uncancellable(op);
    }

    /** Cancels the operation running now, if any: its blocking twin then fails with SQLState 57014. */
    @Override
    public void cancel() {
        Operation<?> op;
        synchronized (order) {
            op = current;
        }
        if (op != null) {
            op.cancel(true);
        }
    }

    // ---------------------------------------------------------------- blocking twins

    @Override
    public <T> List<T> query(Statement statement, RowMapper<T> mapper) {
        return await(queryAsync(statement, mapper));
    }

    @Override
    public long update(Statement statement) {
        return await(updateAsync(statement));
    }

    @Override
    public long[] batch(String sql, List<List<Object>> parameterSets) {
        return await(batchAsync(sql, parameterSets));
    }

    @Override
    public void begin(TxOptions options) {
        await(beginAsync(options));
    }

    @Override
    public void commit() {
        await(commitAsync());
    }

    @Override
    public void rollback() {
        await(rollbackAsync());
    }

    /**
     * Issues {@link #closeAsync()} and returns without waiting for it: the rollback (if any) and the return to the
     * pool run after this connection's earlier operations, and the pool lends the connection again only once they
     * are done, so nothing can observe the difference, and a sync twin ({@code get}, {@code count}) saves a
     * round of thread hops (event loop to caller) per statement. Never fails, even on an event-loop thread.
     */
    @Override
    public void close() {
        closeAsync();
    }

    /**
     * Waits for an async twin: the blocking twins are for (virtual) threads of the caller's own; on a Vert.x event
     * loop the wait would block the very thread that completes it.
     */
    static <R> R await(CompletionStage<R> stage) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("A blocking Quarry call (a sync twin) was made on a Vert.x event-loop thread, "
                    + "which it would block: use the async twin (aget, alist, acount...) there, or call it from a "
                    + "virtual thread.");
        }
        try {
            return stage.toCompletableFuture().join();
        } catch (CancellationException e) {
            throw DriverException.cancelled();
        } catch (CompletionException e) {
            throw Errors.translate(e.getCause() == null ? e : e.getCause());
        }
    }

    // ---------------------------------------------------------------- plumbing

    /** Issues an operation after the ones issued before; refused on a closed connection. */
    private <R> Operation<R> submit(java.util.function.Function<Operation<R>, Future<R>> statement) {
        return submit(true, statement);
    }

    private <R> Operation<R> submit(boolean cancellable, java.util.function.Function<Operation<R>, Future<R>> statement) {
        Operation<R> op = new Operation<>(database.vertx(), pg, database.cancelRequests(), cancellable);
        enqueue(op, () -> closed ? Errors.closedConnection() : null, () -> statement.apply(op));
        return op;
    }

    private <R> void enqueue(Operation<R> op, Supplier<RuntimeException> refusal, Supplier<Future<R>> statement) {
        CompletableFuture<Void> previous;
        synchronized (order) {
            previous = last;
            last = op.ended();
            current = op;
        }
        if (previous.isDone()) {
            op.start(refusal, statement);
        } else {
            previous.whenComplete((v, e) -> op.start(refusal, statement));
        }
    }

    /** A copy of {@code stage} whose cancellation never reaches it: a rollback or a return to the pool must happen. */
    private static <R> CompletableFuture<R> uncancellable(CompletableFuture<R> stage) {
        return stage.thenApply(v -> v);
    }

    @Override
    public String toString() {
        return "VertxConnection[pid " + pg.processId() + (closed ? ", closed]" : "]");
    }
}
