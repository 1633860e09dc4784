package dev.quarry.provider.jdbc;

import dev.quarry.spi.Capabilities;
import dev.quarry.spi.Connection;
import dev.quarry.spi.ConnectionConfig;
import dev.quarry.spi.Database;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.QuarryProvider;
import dev.quarry.spi.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which URLs the provider takes, opening and closing the pool, borrowing and returning connections. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LifecycleTest {

    private static ConnectionConfig configFor(String url) {
        return new ConnectionConfig(url, null, null, 1, Duration.ofSeconds(1), Map.of(), null);
    }

    private static long backends(String application) throws SQLException {
        return (Long) Pg.jdbcValue("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + application + "'");
    }

    private static long awaitBackends(String application, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long count;
        while ((count = backends(application)) != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return count;
    }

    @Test
    void theProviderIsNamedJdbcVirtualAndTakesJdbcUrlsItHasADriverFor() {
        QuarryProvider provider = Pg.provider();

        assertEquals("jdbc-virtual", provider.name());
        assertTrue(provider.accepts(configFor("jdbc:postgresql://localhost:5432/app?user=app")));
        assertTrue(provider.accepts(configFor(Pg.database().url())));
        assertFalse(provider.accepts(configFor("postgresql://localhost:5432/app")));
        assertFalse(provider.accepts(configFor("jdbc:nosuchdriver://localhost/app")));
        assertFalse(provider.accepts(configFor("r2dbc:postgresql://localhost/app")));
    }

    @Test
    void aHandedInClientObjectIsLeftToTheProviderThatKnowsIt() {
        ConnectionConfig withClient = new ConnectionConfig("jdbc:postgresql://localhost:5432/app", null, null, 1,
                Duration.ofSeconds(1), Map.of(), new Object());
        assertFalse(Pg.provider().accepts(withClient));
    }

    @Test
    void everyCapabilityIsSupported() {
        try (Database database = Pg.open(1)) {
            assertEquals(new Capabilities(true, true, true, true), database.capabilities());
        }
    }

    @Test
    void openingAnUnreachableDatabaseFailsFastWithADriverException() {
        ConnectionConfig config = new ConnectionConfig("jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret",
                null, null, 2, Duration.ofSeconds(1), Map.of(), null);

        DriverException e = assertThrows(DriverException.class, () -> Pg.provider().open(config));

        assertEquals("08001", e.sqlState());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void closingTheDatabaseReleasesEveryServerConnectionAndIsIdempotent() throws Exception {
        String application = "jdbcvt_life_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        Database database = Pg.provider().open(Pg.config(3, Map.of("ApplicationName", application)));
        Connection borrowed = database.acquire();
        assertEquals(List.of(application), borrowed.query(Statement.of("SHOW application_name"),
                r -> r.get(1, String.class)));
        assertEquals(3, awaitBackends(application, 3)); // HikariCP fills the pool to its size

        database.close();
        database.close();

        assertEquals(0, awaitBackends(application, 0));
        assertThrows(DriverException.class, () -> borrowed.query(Statement.of("SELECT 1"), r -> 1));
        borrowed.close(); // never throws, even on an aborted connection
    }

    @Test
    void aClosedDatabaseRefusesToLendConnections() {
        Database database = Pg.open(1);
        database.close();

        DriverException sync = assertThrows(DriverException.class, database::acquire);
        CompletableFuture<Connection> async = database.acquireAsync().toCompletableFuture();
        ExecutionException e = assertThrows(ExecutionException.class, () -> async.get(5, TimeUnit.SECONDS));

        assertEquals("08003", sync.sqlState());
        assertEquals("08003", assertInstanceOf(DriverException.class, e.getCause()).sqlState());
    }

    @Test
    void aClosedConnectionRefusesWorkAndClosingItAgainDoesNothing() throws Exception {
        try (Database database = Pg.open(1)) {
            Connection connection = database.acquire();
            connection.close();
            connection.close();
            connection.closeAsync().toCompletableFuture().get(5, TimeUnit.SECONDS);

            DriverException e = assertThrows(DriverException.class, () -> connection.update(Statement.of("SELECT 1")));

            assertEquals("08003", e.sqlState());
            Connection again = database.acquire(); // the single pooled connection is back
            assertEquals(List.of(1), again.query(Statement.of("SELECT 1"), r -> r.get(1, Integer.class)));
            again.close();
        }
    }

    @Test
    void acquiringFromAnExhaustedPoolTimesOutAfterTheConnectTimeout() {
        ConnectionConfig config = new ConnectionConfig(Pg.database().url(), Pg.database().user(),
                Pg.database().password(), 1, Duration.ofMillis(300), Map.of(), null);
        try (Database database = Pg.provider().open(config)) {
            Connection only = database.acquire();
            long start = System.nanoTime();

            assertThrows(DriverException.class, database::acquire);

            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(waited.compareTo(Duration.ofMillis(250)) >= 0 && waited.compareTo(Duration.ofSeconds(5)) < 0,
                    "waited " + waited);
            only.close();
        }
    }

    @Test
    void acquireAsyncLendsAConnectionWithoutBlockingTheCaller() throws Exception {
        try (Database database = Pg.open(2)) {
            Connection connection = database.acquireAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try {
                assertEquals(List.of(5L), connection.query(Pg.sql("SELECT ?::bigint", 5L), Pg::firstLong));
            } finally {
                connection.close();
            }
        }
    }

    @Test
    void hikariSettingsArePassedWithTheirPrefix() throws Exception {
        String application = "jdbcvt_hikari_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        Map<String, String> properties = Map.of("ApplicationName", application, "hikari.minimumIdle", "1");
        Database database = Pg.provider().open(Pg.config(4, properties));
        try {
            Thread.sleep(500);
            assertEquals(1, backends(application)); // a fixed pool would have opened 4
        } finally {
            database.close();
        }
    }
}
