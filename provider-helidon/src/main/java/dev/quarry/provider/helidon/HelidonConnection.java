package dev.quarry.provider.helidon;

import dev.quarry.spi.BlockingConnection;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.RowMapper;
import dev.quarry.spi.Statement;
import dev.quarry.spi.TxOptions;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import org.postgresql.PGConnection;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A logical Quarry connection over a Helidon client. Outside a transaction each statement runs through
 * {@code client.execute()}, on a connection Helidon borrows from the pool for that statement. {@link #begin}
 * opens a Helidon {@link DbTransaction}, which holds one connection from its first statement to its commit or
 * rollback, so that everything Quarry runs inside (savepoints, {@code SET LOCAL}, {@code DECLARE}/{@code FETCH}
 * of a cursor) shares it.
 *
 * <p><b>The physical connection.</b> Each statement runs with this connection recorded in
 * {@link CapturingPool#OWNER}, so the connection Helidon borrows for it is {@linkplain #track tracked}: this
 * connection knows it (for cancellation) and sees it closed. That also fixes a Helidon 4.1 behaviour: a query
 * that fails inside a {@code DbTransaction} makes Helidon close the transaction's connection (which rolls the
 * whole transaction back and leaves the {@code DbTransaction} unusable); the tracked connection ignores that
 * close until the transaction ends, so the transaction goes on, as PostgreSQL allows after
 * {@code ROLLBACK TO SAVEPOINT}.
 *
 * <p><b>Cancellation.</b> Each statement of {@link #query}, {@link #update} and {@link #batch} runs as an
 * {@link Op}: the future of an async twin, or a stand-in that {@link #cancel()} reaches for a blocking one (Quarry's
 * one-task async path). Cancelling it before the statement is sent keeps it from being sent; while it runs, a
 * virtual thread sends pgjdbc's cancel request for the tracked connection, repeating it while this very operation
 * still runs (PostgreSQL ignores a request that overtakes the statement), and never after: the operation
 * unpublishes itself, and an autocommit connection is untracked before it returns to the pool, under the same lock
 * that guards sending a request.
 */
final class HelidonConnection extends BlockingConnection {

    /** How many cancel requests are sent while the statement still runs, spread over ~7 s. */
    private static final int CANCEL_ATTEMPTS = 40;

    private final HelidonDatabase database;
    /** Held while a cancel request is sent, and while an operation or a connection is unpublished. */
    private final ReentrantLock cancelLock = new ReentrantLock();

    // Guarded by the (BlockingConnection) lock.
    private boolean closed;
    private DbTransaction transaction;

    // Written under the lock, read by cancelling threads and by the tracked connection's close.
    /** The physical connection the current statement or transaction runs on, or {@code null}. */
    private volatile java.sql.Connection physical;
    /** A transaction is open: its connection's close is ignored unless {@link #ending}. */
    private volatile boolean transactionOpen;
    /** The transaction is being committed or rolled back: its connection may close. */
    private volatile boolean ending;
    /** The async operation whose statement runs now, or {@code null}. */
    private volatile Op<?> running;
    /** The operation standing for the blocking statement running now, for {@link #cancel()}, or {@code null}. */
    private volatile Op<?> runningBlocking;

    HelidonConnection(HelidonDatabase database) {
        super(database::execute);
        this.database = database;
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

    /** Runs the statement once per set, in the current transaction or in one of its own. */
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

    /**
     * A statement that returns no result set gives no rows (pgjdbc runs it, then reports SQLState 02000), as with
     * JDBC's {@code execute()}.
     *
     * @param async the async operation this runs for, or {@code null} for a sync twin
     */
    private <T> List<T> query(Statement statement, RowMapper<T> mapper, Op<?> async) {
        return statement(async, op -> {
            List<T> rows = new ArrayList<>();
            try (Stream<DbRow> result = Statements.query(execute(), statement.sql(), statement.params()).execute()) {
                if (op.cancelRequested) {
                    throw Errors.cancelled(); // it ran, but nobody will see the rows: skip mapping them
                }
                HelidonRow row = new HelidonRow();
                for (Iterator<DbRow> it = result.iterator(); it.hasNext(); ) {
                    rows.add(mapper.map(row.at(it.next())));
                }
            } catch (DbClientException e) {
                if (!Errors.NO_DATA.equals(sqlState(e))) {
                    throw e;
                }
            }
            return rows;
        });
    }

    private long update(Statement statement, Op<?> async) {
        return statement(async, op -> Statements.dml(execute(), statement.sql(), statement.params()).execute());
    }

    private long[] batch(String sql, List<List<Object>> parameterSets, Op<?> async) {
        return statement(async, op -> {
            if (parameterSets.isEmpty()) {
                return new long[0];
            }
            boolean own = transaction == null;
            if (own) {
                open();
            }
            try {
                long[] counts = new long[parameterSets.size()];
                for (int i = 0; i < counts.length; i++) {
                    if (op.cancelRequested) {
                        throw Errors.cancelled();
                    }
                    counts[i] = Statements.dml(transaction, sql, parameterSets.get(i)).execute();
                }
                if (own) {
                    end(true);
                }
                return counts;
            } catch (RuntimeException e) {
                if (own && transaction != null) {
                    try {
                        end(false);
                    } catch (RuntimeException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                }
                throw e;
            }
        });
    }

    /** Where the next statement goes: the open transaction, or a new autocommit execution. */
    private DbExecute execute() {
        return transaction != null ? transaction : database.client().execute();
    }

    private static String sqlState(DbClientException e) {
        SQLException sql = Errors.sqlException(e);
        return sql == null ? null : sql.getSQLState();
    }

    // ---------------------------------------------------------------- transactions

    /**
     * Opens a Helidon transaction. It takes its connection with its first statement; a non-default isolation
     * level or read-only mode is that first statement ({@code SET TRANSACTION ...}), since Helidon has no API for
     * either.
     */
    @Override
    public void begin(TxOptions options) {
        TxOptions tx = options == null ? TxOptions.DEFAULT : options;
        String characteristics = characteristics(tx);
        run(null, () -> {
            if (transaction != null) {
                throw new DriverException("A transaction is already active on this connection.",
                        Errors.ACTIVE_SQL_TRANSACTION, null, null);
            }
            open();
            if (characteristics != null) {
                try {
                    transaction.createNamedDmlStatement("quarry-set", characteristics).execute();
                } catch (RuntimeException e) {
                    try {
                        end(false);
                    } catch (RuntimeException rollbackFailure) {
                        e.addSuppressed(rollbackFailure);
                    }
                    throw e;
                }
            }
            return null;
        });
    }

    @Override
    public void commit() {
        run(null, () -> {
            if (transaction == null) {
                throw new DriverException("No transaction is active on this connection.",
                        Errors.NO_ACTIVE_SQL_TRANSACTION, null, null);
            }
            end(true);
            return null;
        });
    }

    /** Rolls back the transaction; without one, does nothing (like PostgreSQL's ROLLBACK, minus the warning). */
    @Override
    public void rollback() {
        run(null, () -> {
            if (transaction != null) {
                end(false);
            }
            return null;
        });
    }

    private void open() {
        transaction = database.client().transaction();
        transactionOpen = true;
    }

    /**
     * Commits or rolls back through Helidon, which then closes (returns) the connection. A transaction that ran
     * no statement holds no connection and is simply dropped (Helidon would log a warning).
     */
    private void end(boolean commit) {
        DbTransaction tx = transaction;
        transaction = null;
        try {
            if (physical != null) {
                ending = true;
                if (commit) {
                    tx.commit();
                } else {
                    tx.rollback();
                }
            }
        } finally {
            ending = false;
            transactionOpen = false;
            closeUntracked(); // in case Helidon failed before closing it
        }
    }

    /** {@code SET TRANSACTION ...} for non-default options, or {@code null}. */
    static String characteristics(TxOptions tx) {
        List<String> modes = new ArrayList<>(2);
        if (tx.isolation() != null) {
            modes.add("ISOLATION LEVEL " + isolationLevel(tx.isolation()));
        }
        if (tx.readOnly()) {
            modes.add("READ ONLY");
        }
        return modes.isEmpty() ? null : "SET TRANSACTION " + String.join(", ", modes);
    }

    /** The isolation level's SQL name, checked against the four the standard knows. */
    static String isolationLevel(String name) {
        String normalized = String.join(" ", name.trim().replace('_', ' ').toUpperCase(Locale.ROOT).split("\\s+"));
        return switch (normalized) {
            case "READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE" -> normalized;
            default -> throw new IllegalArgumentException("Unknown isolation level '" + name
                    + "'; expected READ UNCOMMITTED, READ COMMITTED, REPEATABLE READ or SERIALIZABLE.");
        };
    }

    // ---------------------------------------------------------------- the physical connection

    /**
     * Called by {@link CapturingPool} when Helidon borrows a connection for a statement of this connection:
     * records it and returns it wrapped, so that its {@code close()} untracks it first, and is ignored while a
     * transaction that is not ending holds it.
     */
    java.sql.Connection track(java.sql.Connection connection) {
        physical = connection;
        return (java.sql.Connection) Proxy.newProxyInstance(HelidonConnection.class.getClassLoader(),
                new Class<?>[] {java.sql.Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (transactionOpen && !ending && physical == connection) {
                            return null; // Helidon closes it after a failed query; the transaction goes on
                        }
                        untrack(connection);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void untrack(java.sql.Connection connection) {
        cancelLock.lock();
        try {
            if (physical == connection) {
                physical = null;
            }
        } finally {
            cancelLock.unlock();
        }
    }

    /** Outside a transaction, returns a connection Helidon left open (it does when binding a query fails). */
    private void closeUntracked() {
        java.sql.Connection left = physical;
        if (left != null && !transactionOpen) {
            untrack(left);
            try {
                left.close();
            } catch (SQLException | RuntimeException ignored) {
                // the pool discards what it cannot take back
            }
        }
    }

    // ---------------------------------------------------------------- cancellation

    /**
     * Statements are cancelled through their own {@link Op}; what remains on {@link BlockingConnection}'s
     * executor ({@code begin}, {@code commit}, {@code rollback}) has no statement worth cancelling.
     */
    @Override
    protected void cancelRunning() {
    }

    /**
     * Cancels the statement of the blocking {@link #query}, {@link #update} or {@link #batch} running now (Quarry's
     * one-task async path, see {@link HelidonDatabase#blockingExecutor()}): it then fails with SQLState 57014.
     */
    @Override
    public void cancel() {
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

    /** Sends cancel requests while {@code op}'s statement runs, with a growing pause. */
    private void cancelWhileRunning(Op<?> op) {
        long pause = 2;
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            cancelLock.lock();
            try {
                if (running != op) {
                    return;
                }
                java.sql.Connection connection = physical;
                if (connection != null && connection.isWrapperFor(PGConnection.class)) {
                    connection.unwrap(PGConnection.class).cancelQuery();
                }
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

    // ---------------------------------------------------------------- closing

    /**
     * Waits for the running operation, rolls back an open transaction and gives the handle's permit back.
     * Idempotent; never throws.
     */
    @Override
    public void close() {
        locked(() -> {
            if (closed) {
                return null;
            }
            closed = true;
            try {
                if (transaction != null) {
                    CapturingPool.OWNER.set(this);
                    try {
                        end(false);
                    } catch (RuntimeException ignored) {
                        // Helidon closed the connection whatever happened; the pool rolls back what is left
                    } finally {
                        CapturingPool.OWNER.remove();
                    }
                }
                closeUntracked();
            } finally {
                database.release();
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

    /**
     * Runs a statement: for an async twin as its {@link Op}; for a blocking twin as a stand-in {@link Op} published
     * in {@link #runningBlocking}, so that {@link #cancel()} reaches it the same way.
     */
    private <R> R statement(Op<?> async, Function<Op<?>, R> work) {
        if (async != null) {
            return run(async, () -> work.apply(async));
        }
        Op<Void> blocking = new Op<>(null);
        runningBlocking = blocking;
        try {
            return run(blocking, () -> work.apply(blocking));
        } finally {
            runningBlocking = null;
        }
    }

    /**
     * Runs Helidon calls holding the lock, with this connection as the pool's {@link CapturingPool#OWNER} and,
     * for an async operation, published as {@link #running}: the operation writes {@link #running} then reads
     * {@link Op#cancelRequested}, a cancel writes that flag then reads {@link #running} (all volatile), so either
     * the statement is never sent or the cancel sees it running.
     */
    private <R> R run(Op<?> op, Supplier<R> work) {
        return locked(() -> {
            if (closed) {
                throw new DriverException("The connection has been closed.", Errors.CONNECTION_DOES_NOT_EXIST, null,
                        null);
            }
            CapturingPool.OWNER.set(this);
            running = op;
            try {
                if (op != null && op.cancelRequested) {
                    throw Errors.cancelled();
                }
                return work.get();
            } catch (DbClientException e) {
                throw Errors.translate(e);
            } finally {
                CapturingPool.OWNER.remove();
                if (op != null) {
                    cancelLock.lock();
                    try {
                        running = null;
                    } finally {
                        cancelLock.unlock();
                    }
                }
                closeUntracked();
            }
        });
    }

    @Override
    public String toString() {
        return "HelidonConnection[" + (transaction != null ? "in transaction" : "autocommit") + "]";
    }

    /**
     * The future of one async statement: it runs on its own virtual thread and, when cancelled, cancels its own
     * statement on the server (if it is running) or keeps it from being sent (if it is not yet).
     */
    private final class Op<R> extends CompletableFuture<R> implements Runnable {

        private final Function<Op<R>, R> work;
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
         * Starts sending the cancel request before completing the stage: completing it runs its callbacks on this
         * thread, and one of them may wait for this connection. Never blocks.
         */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (isDone()) {
                return isCancelled();
            }
            cancelRequested = true;
            if (running == this) {
                database.execute(() -> cancelWhileRunning(this));
            }
            return super.cancel(mayInterruptIfRunning);
        }
    }
}
