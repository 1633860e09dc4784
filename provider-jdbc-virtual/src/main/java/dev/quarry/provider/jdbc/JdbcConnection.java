package dev.quarry.provider.jdbc;

import dev.quarry.spi.BlockingConnection;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.RowMapper;
import dev.quarry.spi.Statement;
import dev.quarry.spi.TxOptions;
import org.postgresql.PGConnection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One pooled JDBC connection. Every operation holds the connection's lock ({@link #locked}), prepares its
 * statement ({@code prepareStatement}, so pgjdbc switches to a server-prepared statement after
 * {@code prepareThreshold} uses of the same SQL), binds the parameters by type and maps the rows through one
 * {@link JdbcRow} per result.
 *
 * <p><b>Cancellation.</b> The async twins of {@link #query}, {@link #update} and {@link #batch} return an
 * {@link Op}, a future that knows the statement it runs. Cancelling it cancels that operation and no other,
 * wherever it is: not yet started (it never runs), waiting for the lock or about to send its statement (it
 * fails with SQLState 57014 without sending it), or executing (a virtual thread sends the server a cancel
 * request, repeating it while the statement still runs, since PostgreSQL ignores a request that overtakes the
 * statement). No request outlives the statement it was meant for, and the cancelled operation finishes before
 * the next one starts, so the connection stays usable: in autocommit mode at once, in a transaction after the
 * caller's rollback. Work queued behind it on the connection (the caller's rollback, typically) is untouched.
 */
final class JdbcConnection extends BlockingConnection {

    /** How many cancel requests are sent while the statement still runs, spread over ~7 s. */
    private static final int CANCEL_ATTEMPTS = 40;

    private final JdbcDatabase database;
    private final java.sql.Connection jdbc;
    /** Held while a cancel request is sent, and while an operation unpublishes its finished statement. */
    private final ReentrantLock cancelLock = new ReentrantLock();

    // Guarded by the lock.
    private boolean closed;
    private boolean inTransaction;
    private int restoreIsolation = -1;
    private boolean restoreReadOnly;
    private boolean broken;

    JdbcConnection(JdbcDatabase database, java.sql.Connection jdbc) {
        super(database::execute);
        this.database = database;
        this.jdbc = jdbc;
    }

    // ---------------------------------------------------------------- statements

    @Override
    public <T> List<T> query(Statement statement, RowMapper<T> mapper) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(mapper, "mapper");
        return query(statement, mapper, null);
    }

    @Override
    public <T> CompletionStage<List<T>> queryAsync(Statement statement, RowMapper<T> mapper) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(mapper, "mapper");
        return submit(op -> query(statement, mapper, op));
    }

    @Override
    public long update(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return update(statement, null);
    }

    @Override
    public CompletionStage<Long> updateAsync(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return submit(op -> update(statement, op));
    }

    @Override
    public long[] batch(String sql, List<List<Object>> parameterSets) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(parameterSets, "parameterSets");
        return batch(sql, parameterSets, null);
    }

    @Override
    public CompletionStage<long[]> batchAsync(String sql, List<List<Object>> parameterSets) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(parameterSets, "parameterSets");
        return submit(op -> batch(sql, parameterSets, op));
    }

    /** @param op the async operation this runs for, or {@code null} for a sync twin */
    private <T> List<T> query(Statement statement, RowMapper<T> mapper, Op<?> op) {
        return run(() -> {
            try (PreparedStatement ps = jdbc.prepareStatement(statement.sql())) {
                Parameters.bind(ps, statement.params());
                if (!executing(op, ps, ps::execute)) {
                    return new ArrayList<>(0);
                }
                if (op != null && op.cancelRequested) {
                    throw Errors.cancelled(); // it ran, but nobody will see the rows: skip mapping them
                }
                try (ResultSet rs = ps.getResultSet()) {
                    JdbcRow row = new JdbcRow(rs);
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(row));
                    }
                    return rows;
                }
            }
        });
    }

    private long update(Statement statement, Op<?> op) {
        return run(() -> {
            try (PreparedStatement ps = jdbc.prepareStatement(statement.sql())) {
                Parameters.bind(ps, statement.params());
                return executing(op, ps, () -> largeUpdate(ps));
            }
        });
    }

    private long[] batch(String sql, List<List<Object>> parameterSets, Op<?> op) {
        return run(() -> {
            if (parameterSets.isEmpty()) {
                return new long[0];
            }
            try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
                for (List<Object> parameters : parameterSets) {
                    ps.clearParameters(); // a short set must fail, not reuse the previous set's values
                    Parameters.bind(ps, parameters);
                    ps.addBatch();
                }
                return executing(op, ps, () -> largeBatch(ps));
            }
        });
    }

    private static long largeUpdate(PreparedStatement ps) throws SQLException {
        try {
            return ps.executeLargeUpdate();
        } catch (UnsupportedOperationException | SQLFeatureNotSupportedException e) {
            return ps.executeUpdate();
        }
    }

    private static long[] largeBatch(PreparedStatement ps) throws SQLException {
        try {
            return ps.executeLargeBatch();
        } catch (UnsupportedOperationException | SQLFeatureNotSupportedException e) {
            int[] counts = ps.executeBatch();
            long[] result = new long[counts.length];
            for (int i = 0; i < counts.length; i++) {
                result[i] = counts[i];
            }
            return result;
        }
    }

    /**
     * Executes; for an async operation, with its statement published to {@link Op#cancel}. The operation writes
     * its statement then reads {@link Op#cancelRequested}, a cancel writes that flag then reads the statement (all
     * volatile), so either the statement is never sent or the cancel sees it. Unpublishing waits for a cancel
     * request in flight, so a request meant for this statement never reaches the next one.
     */
    private <R> R executing(Op<?> op, java.sql.Statement statement, SqlWork<R> execution) throws SQLException {
        if (op == null) {
            Op<Void> blocking = new Op<>(null);   // a blocking twin's statement, cancellable through cancel()
            runningBlocking = blocking;           // publish, then look for a cancel that came before: see cancel()
            if (cancelPending) {
                runningBlocking = null;
                throw Errors.cancelled();
            }
            try {
                return executing(blocking, statement, execution);
            } finally {
                runningBlocking = null;
            }
        }
        op.statement = statement;
        try {
            if (op.cancelRequested) {
                throw Errors.cancelled();
            }
            return execution.run();
        } finally {
            cancelLock.lock();
            try {
                op.statement = null;
            } finally {
                cancelLock.unlock();
            }
        }
    }

    /** The statement of the blocking operation executing now, for {@link #cancel()}. */
    private volatile Op<?> runningBlocking;

    /** Set by a cancel that found no statement running: the next blocking statement of this borrow fails. */
    private volatile boolean cancelPending;

    /**
     * Cancels the blocking operation's statement executing now (Quarry's one-task async path). A cancel that
     * comes just before the statement starts is not lost: it is recorded first, then the running statement is
     * looked up, while {@code executing} publishes its statement first, then looks for the record, so one of
     * the two always sees the other. Quarry calls this only for an operation it is abandoning, and a borrowed
     * JdbcConnection is never reused after {@link #close()}, so the record cannot reach another operation.
     */
    @Override
    public void cancel() {
        cancelPending = true;
        Op<?> op = runningBlocking;
        if (op != null) {
            op.cancel(true);
        }
    }

    private <R> CompletableFuture<R> submit(Function<Op<R>, R> work) {
        Op<R> op = new Op<>(work);
        database.execute(op);
        return op;
    }

    /**
     * Statements are cancelled through their own {@link Op}; what remains on {@link BlockingConnection}'s
     * executor ({@code begin}, {@code commit}, {@code rollback}) has no statement worth cancelling, so this does
     * nothing. (It could not know which operation's stage was cancelled anyway.)
     */
    @Override
    protected void cancelRunning() {
    }

    /**
     * Sends cancel requests until the statement stops. One is not always enough: PostgreSQL ignores a cancel
     * that reaches the backend before the statement does, so the request is repeated, with a growing pause,
     * for as long as this very statement is still executing.
     */
    private void cancelWhileRunning(Op<?> op, java.sql.Statement statement) {
        long pause = 2;
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            cancelLock.lock();
            try {
                if (op.statement != statement) {
                    return;
                }
                sendCancel(statement);
            } catch (SQLException | RuntimeException e) {
                return; // closed meanwhile: nothing left to cancel
            } finally {
                cancelLock.unlock();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = Math.min(pause * 2, 200);
        }
    }

    /**
     * pgjdbc's {@link PGConnection#cancelQuery()} can be repeated, unlike its {@code Statement.cancel()}, which
     * sends at most one request per execution; other drivers get {@code Statement.cancel()}.
     */
    private void sendCancel(java.sql.Statement statement) throws SQLException {
        if (jdbc.isWrapperFor(PGConnection.class)) {
            jdbc.unwrap(PGConnection.class).cancelQuery();
        } else {
            statement.cancel();
        }
    }

    // ---------------------------------------------------------------- transactions

    @Override
    public void begin(TxOptions options) {
        TxOptions tx = options == null ? TxOptions.DEFAULT : options;
        int level = tx.isolation() == null ? -1 : isolationLevel(tx.isolation());
        run(() -> {
            if (inTransaction) {
                throw new DriverException("A transaction is already active on this connection.",
                        Errors.ACTIVE_SQL_TRANSACTION, null, null);
            }
            try {
                if (level >= 0) {
                    int previous = database.defaultIsolation(jdbc);
                    if (level != previous) {
                        restoreIsolation = previous;
                        jdbc.setTransactionIsolation(level);
                    }
                }
                if (tx.readOnly()) {
                    restoreReadOnly = true;
                    jdbc.setReadOnly(true);
                }
                jdbc.setAutoCommit(false); // pgjdbc sends BEGIN with the first statement
                inTransaction = true;
                return null;
            } catch (SQLException | RuntimeException e) {
                restoreSession();
                throw e;
            }
        });
    }

    @Override
    public void commit() {
        run(() -> {
            if (!inTransaction) {
                throw new DriverException("No transaction is active on this connection.",
                        Errors.NO_ACTIVE_SQL_TRANSACTION, null, null);
            }
            try {
                jdbc.commit();
            } finally {
                endTransaction();
            }
            return null;
        });
    }

    /** Rolls back the transaction; without one, does nothing (like PostgreSQL's ROLLBACK, minus the warning). */
    @Override
    public void rollback() {
        run(() -> {
            if (!inTransaction) {
                return null;
            }
            try {
                jdbc.rollback();
            } finally {
                endTransaction();
            }
            return null;
        });
    }

    private void endTransaction() {
        inTransaction = false;
        restoreSession();
    }

    /** Back to autocommit, read-write and the pool's isolation level; a failure marks the connection broken. */
    private void restoreSession() {
        try {
            jdbc.setAutoCommit(true);
            if (restoreReadOnly) {
                restoreReadOnly = false;
                jdbc.setReadOnly(false);
            }
            if (restoreIsolation >= 0) {
                int level = restoreIsolation;
                restoreIsolation = -1;
                jdbc.setTransactionIsolation(level);
            }
        } catch (SQLException | RuntimeException e) {
            broken = true;
        }
    }

    static int isolationLevel(String name) {
        String normalized = String.join(" ", name.trim().replace('_', ' ').toUpperCase(Locale.ROOT).split("\\s+"));
        return switch (normalized) {
            case "READ UNCOMMITTED" -> java.sql.Connection.TRANSACTION_READ_UNCOMMITTED;
            case "READ COMMITTED" -> java.sql.Connection.TRANSACTION_READ_COMMITTED;
            case "REPEATABLE READ" -> java.sql.Connection.TRANSACTION_REPEATABLE_READ;
            case "SERIALIZABLE" -> java.sql.Connection.TRANSACTION_SERIALIZABLE;
            default -> throw new IllegalArgumentException("Unknown isolation level '" + name
                    + "'; expected READ UNCOMMITTED, READ COMMITTED, REPEATABLE READ or SERIALIZABLE.");
        };
    }

    // ---------------------------------------------------------------- closing

    /**
     * Waits for the running operation (a cancelled one included), rolls back an open transaction and returns
     * the connection to the pool, or evicts it if its session could not be restored. Idempotent; never throws.
     */
    @Override
    public void close() {
        locked(() -> {
            if (closed) {
                return null;
            }
            closed = true;
            if (inTransaction) {
                try {
                    jdbc.rollback();
                } catch (SQLException | RuntimeException e) {
                    broken = true;
                }
                endTransaction();
            }
            try {
                if (broken && !database.isClosed()) {
                    database.evict(jdbc);
                } else {
                    jdbc.close();
                }
            } catch (SQLException | RuntimeException ignored) {
                // Nothing useful to report: the pool has the connection back or has discarded it.
            }
            return null;
        });
    }

    /** Closes even if the returned stage is cancelled: a borrowed connection must always go back. */
    @Override
    public CompletionStage<Void> closeAsync() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        database.execute(() -> {
            try {
                close();
            } finally {
                done.complete(null);
            }
        });
        return done;
    }

    // ---------------------------------------------------------------- plumbing

    private <R> R run(SqlWork<R> work) {
        return locked(() -> {
            if (closed) {
                throw new DriverException("The connection has been closed.", Errors.CONNECTION_DOES_NOT_EXIST, null,
                        null);
            }
            try {
                return work.run();
            } catch (SQLException e) {
                throw Errors.translate(e);
            }
        });
    }

    @Override
    public String toString() {
        return "JdbcConnection[" + jdbc + "]";
    }

    /** A JDBC call. */
    @FunctionalInterface
    private interface SqlWork<R> {
        R run() throws SQLException;
    }

    /**
     * The future of one async statement: it runs on its own virtual thread and, when cancelled, cancels its own
     * statement on the server (if it is executing) or keeps it from being sent (if it is not yet).
     */
    private final class Op<R> extends CompletableFuture<R> implements Runnable {

        private final Function<Op<R>, R> work;
        /** The statement this operation is executing, or {@code null}. */
        volatile java.sql.Statement statement;
        /** Set by {@link #cancel} before the future completes, so the statement stops even if callbacks block. */
        volatile boolean cancelRequested;

        Op(Function<Op<R>, R> work) {
            this.work = work;
        }

        @Override
        public void run() {
            if (isDone()) {
                return; // cancelled before it started: never runs
            }
            R result;
            try {
                result = work.apply(this);
            } catch (Throwable t) {
                if (!endCancelled()) {
                    completeExceptionally(t);
                }
                return;
            }
            if (!endCancelled()) {
                complete(result);
            }
        }

        /** A cancel came while it ran: the stage ends cancelled (not failed with 57014), whatever the statement did. */
        private boolean endCancelled() {
            if (!cancelRequested) {
                return false;
            }
            super.cancel(false);
            return true;
        }

        /**
         * Sends the cancel request before completing the stage: completing it runs its callbacks on this thread,
         * and one of them may wait for this connection. Never blocks: a virtual thread sends the request, which
         * opens a connection to the server.
         */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (isDone()) {
                return isCancelled();
            }
            cancelRequested = true;
            java.sql.Statement executing = statement;
            if (executing != null) {
                database.execute(() -> cancelWhileRunning(this, executing));
            }
            return super.cancel(mayInterruptIfRunning);
        }
    }
}
