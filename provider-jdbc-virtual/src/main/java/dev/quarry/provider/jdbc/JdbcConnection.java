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

/**
 * One pooled JDBC connection. Every operation holds the connection's lock ({@link #locked}), prepares its
 * statement ({@code prepareStatement}, so pgjdbc switches to a server-prepared statement after
 * {@code prepareThreshold} uses of the same SQL), binds the parameters by type and maps the rows through one
 * {@link JdbcRow} per result.
 *
 * <p><b>Cancellation.</b> {@link #query}, {@link #update} and {@link #batch} run as a
 * {@link BlockingConnection.Operation} (their async twins are {@link BlockingConnection}'s), which keeps the
 * ordering promises: cancelled before it starts, an operation never runs; before its statement is sent, it fails
 * with SQLState 57014 without sending it; while executing, the statement's canceller ({@link #sendCancel}) is
 * called, repeatedly while the statement still runs, never after. The cancelled operation finishes before the
 * next one starts, so the connection stays usable: in autocommit mode at once, in a transaction after the
 * caller's rollback. Work queued behind it on the connection (the caller's rollback, typically) is untouched.
 */
final class JdbcConnection extends BlockingConnection {

    private final JdbcDatabase database;
    private final java.sql.Connection jdbc;

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
        return blocking(op -> run(() -> {
            try (PreparedStatement ps = jdbc.prepareStatement(statement.sql())) {
                Parameters.bind(ps, statement.params());
                if (!op.executing(() -> sendCancel(ps), ps::execute)) {
                    return new ArrayList<>(0);
                }
                op.throwIfCancelled(); // it ran, but nobody will see the rows: skip mapping them
                try (ResultSet rs = ps.getResultSet()) {
                    JdbcRow row = new JdbcRow(rs);
                    List<T> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(mapper.map(row));
                    }
                    return rows;
                }
            }
        }));
    }

    @Override
    public long update(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return blocking(op -> run(() -> {
            try (PreparedStatement ps = jdbc.prepareStatement(statement.sql())) {
                Parameters.bind(ps, statement.params());
                return op.executing(() -> sendCancel(ps), () -> largeUpdate(ps));
            }
        }));
    }

    @Override
    public long[] batch(String sql, List<List<Object>> parameterSets) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(parameterSets, "parameterSets");
        return blocking(op -> run(() -> {
            if (parameterSets.isEmpty()) {
                return new long[0];
            }
            try (PreparedStatement ps = jdbc.prepareStatement(sql)) {
                for (List<Object> parameters : parameterSets) {
                    ps.clearParameters(); // a short set must fail, not reuse the previous set's values
                    Parameters.bind(ps, parameters);
                    ps.addBatch();
                }
                return op.executing(() -> sendCancel(ps), () -> largeBatch(ps));
            }
        }));
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
     * The {@link BlockingConnection.Canceller} of an executing statement: one cancel request, to be repeated
     * while the statement still runs (PostgreSQL ignores a request that overtakes the statement). pgjdbc's
     * {@link PGConnection#cancelQuery()} can be repeated, unlike its {@code Statement.cancel()}, which sends at
     * most one request per execution; other drivers get {@code Statement.cancel()}.
     */
    private boolean sendCancel(java.sql.Statement statement) throws SQLException {
        if (jdbc.isWrapperFor(PGConnection.class)) {
            jdbc.unwrap(PGConnection.class).cancelQuery();
        } else {
            statement.cancel();
        }
        return true;
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
}
