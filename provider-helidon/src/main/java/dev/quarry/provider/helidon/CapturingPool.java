package dev.quarry.provider.helidon;

import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.CloseableJdbcConnectionPool;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The connection pool under Quarry's Helidon client: it hands out the connections of another pool (HikariCP,
 * or a user's {@code DbClient}'s), and tells the {@link HelidonConnection} whose statement asked for one
 * (recorded in {@link #OWNER} by the thread running it) which physical connection its statement runs on.
 * That is what lets a statement be cancelled, and keeps a transaction's connection open when Helidon would
 * close it after a failed query (see {@link HelidonConnection}).
 */
final class CapturingPool implements CloseableJdbcConnectionPool {

    /** The Quarry connection whose statement the current thread is running through Helidon, if any. */
    static final ThreadLocal<HelidonConnection> OWNER = new ThreadLocal<>();

    private final JdbcConnectionPool delegate;
    private final boolean owned;
    private final String sessionSetup;
    /** The physical connections {@link #sessionSetup} ran on (weakly: the pool may discard them). */
    private final Map<Object, Boolean> setUp = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param delegate     where connections come from
     * @param owned        whether closing this pool closes {@code delegate} (not when it belongs to the user)
     * @param sessionSetup SQL to run once on each physical connection before its first use (the session time
     *                     zone and statement timeout, for a pool whose own init Quarry does not control), or
     *                     {@code null}
     */
    CapturingPool(JdbcConnectionPool delegate, boolean owned, String sessionSetup) {
        this.delegate = delegate;
        this.owned = owned;
        this.sessionSetup = sessionSetup;
    }

    @Override
    public Connection connection() {
        Connection connection = delegate.connection();
        if (sessionSetup != null) {
            setUp(connection);
        }
        HelidonConnection owner = OWNER.get();
        return owner == null ? connection : owner.track(connection);
    }

    /** Runs {@link #sessionSetup} on the physical connection under {@code connection}, the first time only. */
    private void setUp(Connection connection) {
        try {
            Object physical = connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : connection;
            if (setUp.containsKey(physical)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(sessionSetup);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            setUp.put(physical, Boolean.TRUE);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // failing already
            }
            throw new DbClientException("Cannot set the session time zone and statement timeout (" + sessionSetup + ")", e);
        }
    }

    @Override
    public String dbType() {
        return delegate.dbType();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String type() {
        return delegate.type();
    }

    /** Closes the pool under it if it is Quarry's own (never a user's client's). */
    @Override
    public void close() {
        if (owned && delegate instanceof CloseableJdbcConnectionPool closeable) {
            try {
                closeable.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new DbClientException("Failed to close the connection pool " + delegate.name(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "CapturingPool[" + delegate.name() + "]";
    }
}
