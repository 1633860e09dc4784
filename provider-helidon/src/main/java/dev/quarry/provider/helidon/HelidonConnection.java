package dev.quarry.provider.helidon;

import dev.quarry.spi.BlockingConnection;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.RowMapper;
import dev.quarry.spi.Statement;
import dev.quarry.spi.TxOptions;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbResultDml;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import org.postgresql.PGConnection;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
 * <p><b>Cancellation.</b> Each statement of {@link #query}, {@link #update} and {@link #batch} runs as a
 * {@link BlockingConnection.Operation} (an async twin's, or a stand-in that {@link #cancel()} reaches for a
 * blocking one), which keeps the ordering promises: cancelled before the statement is sent, it is never sent;
 * while it runs, {@link #sendCancel} sends pgjdbc's cancel request for the tracked connection, repeatedly while
 * this very operation still runs (PostgreSQL ignores a request that overtakes the statement), and never after:
 * the operation unpublishes itself, and an autocommit connection is untracked before it returns to the pool,
 * under the lock that guards sending a request.
 */
final class HelidonConnection extends BlockingConnection {

    private final HelidonDatabase database;
    /** Held while a cancel request is sent to the physical connection, and while that connection is untracked. */
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

    HelidonConnection(HelidonDatabase database) {
        super(database::execute);
        this.database = database;
    }

    // ---------------------------------------------------------------- statements

    /**
     * A statement that returns no result set gives no rows (pgjdbc runs it, then reports SQLState 02000), as with
     * JDBC's {@code execute()}.
     */
    @Override
    public <T> List<T> query(Statement statement, RowMapper<T> mapper) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(mapper, "mapper");
        return statement(op -> {
            List<T> rows = new ArrayList<>();
            try (Stream<DbRow> result = rowsOf(statement)) {
                op.throwIfCancelled(); // it ran, but nobody will see the rows: skip mapping them
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

    /**
     * The rows of a statement: an {@code INSERT ... RETURNING} runs as Helidon's INSERT with generated keys (4.3+:
     * pgjdbc keeps the statement's own {@code RETURNING} list and hands its rows back as the keys), so Helidon's
     * client services see it as the INSERT it is; anything else runs as a query.
     */
    private Stream<DbRow> rowsOf(Statement statement) {
        if (Statements.isInsert(statement.sql())) {
            DbResultDml result = Statements.dml(execute(), statement.sql(), statement.params()).returnGeneratedKeys()
                    .insert();
            return result.generatedKeys().onClose(() -> {
                try {
                    result.close();
                } catch (Exception e) {
                    throw e instanceof RuntimeException r ? r : new DbClientException(e.getMessage(), e);
                }
            });
        }
        return Statements.query(execute(), statement.sql(), statement.params()).execute();
    }

    @Override
    public long update(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return statement(op -> Statements.dml(execute(), statement.sql(), statement.params()).execute());
    }

    /** Runs the statement once per set, in the current transaction or in one of its own. */
    @Override
    public long[] batch(String sql, List<List<Object>> parameterSets) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(parameterSets, "parameterSets");
        return statement(op -> {
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
                    op.throwIfCancelled();
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
        run(() -> {
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
        run(() -> {
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
        run(() -> {
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
        return new TrackedConnection(this, connection);
    }

    /**
     * Helidon closes {@code connection}: whether to really close it. Not while a transaction that is not ending
     * holds it (Helidon closes it after a failed query; the transaction goes on); otherwise it is untracked first.
     */
    boolean closing(java.sql.Connection connection) {
        if (transactionOpen && !ending && physical == connection) {
            return false;
        }
        untrack(connection);
        return true;
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
     * The {@link BlockingConnection.Canceller} of a running statement: pgjdbc's cancel request for the tracked
     * connection, to be repeated while the statement still runs (PostgreSQL ignores a request that overtakes
     * the statement; before Helidon borrows the connection there is nothing to send yet). Holds
     * {@link #cancelLock}, so a connection going back to the pool is never sent a request meant for this one.
     */
    private boolean sendCancel() throws SQLException {
        cancelLock.lock();
        try {
            java.sql.Connection connection = physical;
            if (connection != null && connection.isWrapperFor(PGConnection.class)) {
                connection.unwrap(PGConnection.class).cancelQuery();
            }
            return true;
        } finally {
            cancelLock.unlock();
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

    // ---------------------------------------------------------------- plumbing

    /**
     * Runs a statement as a {@link BlockingConnection.Operation} (an async twin's, or a stand-in that
     * {@link #cancel()} reaches), with {@link #sendCancel} published to its cancel.
     */
    private <R> R statement(Function<Operation, R> work) {
        return blocking(op -> run(() -> op.executing(this::sendCancel, () -> work.apply(op))));
    }

    /**
     * Runs Helidon calls holding the lock, with this connection as the pool's {@link CapturingPool#OWNER}; a
     * connection Helidon left open outside a transaction goes back afterwards.
     */
    private <R> R run(Supplier<R> work) {
        return locked(() -> {
            if (closed) {
                throw new DriverException("The connection has been closed.", Errors.CONNECTION_DOES_NOT_EXIST, null,
                        null);
            }
            CapturingPool.OWNER.set(this);
            try {
                return work.get();
            } catch (DbClientException e) {
                throw Errors.translate(e);
            } finally {
                CapturingPool.OWNER.remove();
                closeUntracked();
            }
        });
    }

    @Override
    public String toString() {
        return "HelidonConnection[" + (transaction != null ? "in transaction" : "autocommit") + "]";
    }
}
