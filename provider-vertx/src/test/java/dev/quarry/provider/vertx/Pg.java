package dev.quarry.provider.vertx;

import dev.quarry.spi.ConnectionConfig;
import dev.quarry.spi.Database;
import dev.quarry.spi.QuarryProvider;
import dev.quarry.spi.Row;
import dev.quarry.spi.Statement;
import dev.quarry.testkit.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The provider under test, reached only through the SPI (found by {@link ServiceLoader} by its name), on the
 * JVM's {@link TestDatabase}; plus plain-JDBC helpers for checks made beside the provider.
 */
final class Pg {

    private Pg() {
    }

    static TestDatabase database() {
        return TestDatabase.instance();
    }

    static QuarryProvider provider() {
        return ServiceLoader.load(QuarryProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("vertx"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("vertx is not registered with ServiceLoader"));
    }

    static ConnectionConfig config(int poolSize, Map<String, String> properties) {
        TestDatabase db = database();
        return new ConnectionConfig(db.url(), db.user(), db.password(), poolSize, Duration.ofSeconds(10), properties,
                null);
    }

    static Database open(int poolSize) {
        return provider().open(config(poolSize, Map.of()));
    }

    static Statement sql(String sql, Object... params) {
        return new Statement(sql, Arrays.asList(params));
    }

    /** One value read through plain JDBC, beside the provider. */
    static Object jdbcValue(String query) throws SQLException {
        try (Connection c = database().jdbc(); java.sql.Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    /** Maps column 1 as a Long. */
    static Long firstLong(Row row) {
        return row.get(1, Long.class);
    }
}
