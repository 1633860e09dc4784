package dev.quarry.provider.jdbc;

import dev.quarry.spi.ConnectionConfig;
import dev.quarry.spi.Database;
import dev.quarry.spi.QuarryProvider;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The {@code jdbc-virtual} transport: JDBC behind a HikariCP pool, async twins on virtual threads.
 *
 * <p>It accepts every {@code jdbc:} URL for which a JDBC driver is registered ({@code jdbc:postgresql:} always,
 * since pgjdbc ships with it). Settings in {@link ConnectionConfig#properties()} are handed to the driver as
 * connection properties, except keys starting with {@code hikari.}, which configure the pool itself:
 * {@snippet :
 * Map<String, String> properties = Map.of(
 *         "ApplicationName", "blog",        // a pgjdbc connection property
 *         "hikari.minimumIdle", "2");       // HikariConfig.setMinimumIdle(2)
 * }
 * The pool size, the connection timeout and the credentials always come from the {@link ConnectionConfig}.
 */
public final class JdbcVirtualProvider implements QuarryProvider {

    /** The name users select this provider by. */
    public static final String NAME = "jdbc-virtual";

    /** Called by {@link java.util.ServiceLoader}. */
    public JdbcVirtualProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Accepts a {@code jdbc:} URL that a registered JDBC driver understands. */
    @Override
    public boolean accepts(ConnectionConfig config) {
        String url = config.url();
        if (config.native_() != null || !url.startsWith("jdbc:")) {
            // a handed-in client (a Helidon DbClient, say) belongs to the provider that knows it
            return false;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return true;
        }
        try {
            return DriverManager.getDriver(url) != null;
        } catch (SQLException noDriver) {
            return false;
        }
    }

    /**
     * Opens the pool; fails with a {@link dev.quarry.spi.DriverException} when the first connection cannot be
     * made.
     */
    @Override
    public Database open(ConnectionConfig config) {
        return new JdbcDatabase(config);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
