package dev.quarry.provider.vertx;

import dev.quarry.Quarry;
import dev.quarry.spi.Connection;
import dev.quarry.spi.ConnectionConfig;
import dev.quarry.spi.Database;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.Statement;
import dev.quarry.testkit.TestDatabase;
import dev.quarry.testkit.models.SimpleModel;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Selection by URL, the builder's settings applied to every session, and loud refusals of what is not understood. */
class ConfigurationTest {

    private static ConnectionConfig config(String url, ZoneId zone, Duration timeout, Map<String, String> properties,
                                           Object client) {
        TestDatabase db = Pg.database();
        return new ConnectionConfig(url, db.user(), db.password(), 2, Duration.ofSeconds(10), properties, client, zone,
                timeout);
    }

    /** The test database's URL in libpq's form, this provider's own scheme. */
    private static String ownUrl() {
        return Pg.database().url().substring("jdbc:".length());
    }

    @Test
    void itsOwnSchemeSelectsItAndAJdbcUrlAloneDoesNot() {
        VertxProvider provider = new VertxProvider();
        assertTrue(provider.accepts(config(ownUrl(), null, null, Map.of(), null)));
        assertTrue(provider.accepts(config("postgres://h/db", null, null, Map.of(), null)));
        assertFalse(provider.accepts(config(Pg.database().url(), null, null, Map.of(), null)),
                "a jdbc: URL stays with jdbc-virtual unless the provider is named");
        try (Quarry db = Quarry.builder().url(ownUrl()).user(Pg.database().user()).password(Pg.database().password())
                .build()) {
            assertEquals("vertx", db.features().provider());
        }
    }

    @Test
    void theSessionTimeZoneIsTheConfiguredOne() {
        for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Asia/Kolkata"), ZoneOffset.ofHoursMinutes(5, 30),
                ZoneOffset.ofHours(-3))) {
            try (Database db = new VertxProvider().open(config(Pg.database().url(), zone, null, Map.of(), null))) {
                Connection c = db.acquire();
                long offset = c.query(Statement.of("SELECT extract(timezone FROM now())::bigint"), Pg::firstLong).getFirst();
                c.close();
                long expected = zone.getRules().getOffset(java.time.Instant.now()).getTotalSeconds();
                assertEquals(expected, offset, () -> "session offset for " + zone);
            }
        }
    }

    @Test
    void theStatementTimeoutBoundsEveryStatement() {
        try (Database db = new VertxProvider().open(config(Pg.database().url(), null, Duration.ofMillis(200), Map.of(),
                null))) {
            Connection c = db.acquire();
            try {
                long start = System.nanoTime();
                DriverException e = assertThrows(DriverException.class,
                        () -> c.query(Statement.of("SELECT 1::bigint FROM pg_sleep(5)"), Pg::firstLong));
                assertEquals("57014", e.sqlState());
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
                assertEquals(List.of(1L), c.query(Statement.of("SELECT 1::bigint"), Pg::firstLong));
            } finally {
                c.close();
            }
        }
    }

    @Test
    void unknownUrlParametersAndPropertiesFailNamingTheValidOnes() {
        VertxProvider provider = new VertxProvider();
        IllegalArgumentException url = assertThrows(IllegalArgumentException.class,
                () -> provider.open(config(ownUrl() + "&prepareThreshold=3", null, null, Map.of(), null)));
        assertTrue(url.getMessage().contains("prepareThreshold") && url.getMessage().contains("currentSchema"),
                url.getMessage());
        IllegalArgumentException property = assertThrows(IllegalArgumentException.class,
                () -> provider.open(config(ownUrl(), null, null, Map.of("vertx.eventLoop", "4"), null)));
        assertTrue(property.getMessage().contains("vertx.eventLoops"), property.getMessage());
    }

    @Test
    void aWrongPasswordFailsAtOpenWithPostgresSqlState() {
        TestDatabase db = Pg.database();
        DriverException e = assertThrows(DriverException.class, () -> new VertxProvider().open(new ConnectionConfig(
                ownUrl(), "no_such_user_" + System.nanoTime(), "wrong", 1, Duration.ofSeconds(5), Map.of(), null)));
        assertTrue(e.sqlState() != null && e.sqlState().startsWith("28"), () -> e.sqlState() + " " + e.getMessage());
        assertFalse(e.getMessage().contains("wrong"), "the password is not in the message");
        assertTrue(db.url() != null);
    }

    @Test
    void aHandedInVertxIsUsedAndLeftOpen() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            TestDatabase db = Pg.database();
            try (Quarry quarry = Quarry.builder().url(db.url()).user(db.user()).password(db.password()).client(vertx)
                    .build()) {
                assertEquals("vertx", quarry.features().provider());
                List<SimpleModel> rows = quarry.raw(SimpleModel.class, "SELECT 7::bigint AS id, 1 AS field").alist()
                        .get(10, TimeUnit.SECONDS);
                assertEquals(7L, (long) rows.getFirst().getId());
            }
            CompletableFuture<Long> timer = new CompletableFuture<>();
            vertx.setTimer(1, timer::complete);
            assertTrue(timer.get(5, TimeUnit.SECONDS) >= 0, "the handed-in Vertx still runs after Quarry closed");
        } finally {
            vertx.close();
        }
    }

    @Test
    void aBlockingTwinOnAnEventLoopFailsInsteadOfBlockingIt() throws Exception {
        try (Database db = new VertxProvider().open(config(Pg.database().url(), null, null, Map.of(), null))) {
            Connection c = db.acquireAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
            try {
                CompletableFuture<Throwable> seen = c.queryAsync(Statement.of("SELECT 1::bigint"), Pg::firstLong)
                        .toCompletableFuture().thenApply(rows -> {
                            try {
                                c.query(Statement.of("SELECT 2::bigint"), Pg::firstLong);
                                return null;
                            } catch (RuntimeException e) {
                                return e;
                            }
                        });
                assertInstanceOf(IllegalStateException.class, seen.get(10, TimeUnit.SECONDS));
            } finally {
                c.closeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }
    }
}
