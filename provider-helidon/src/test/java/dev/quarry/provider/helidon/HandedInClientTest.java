package dev.quarry.provider.helidon;

import dev.quarry.IntegrityException;
import dev.quarry.Quarry;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user's own {@link DbClient}, handed to {@code Quarry.builder().client(dbClient)}. */
class HandedInClientTest extends TckBase {

    private static final String NONCE = Long.toString(System.nanoTime(), 36);
    private static final String TAG = "user-" + NONCE;

    private DbClient userClient;
    private Quarry q;

    @Override
    protected List<Class<?>> models() {
        return List.of(Article.class);
    }

    @BeforeAll
    void openTheUsersClient() {
        // Helidon 4.5 has no HikariCP pool module here (see HikariConnections): the user builds the client by hand
        Config db = HelidonConfigs.db(database, 3, "quarry-user-" + NONCE, TAG).get("db");
        userClient = JdbcClientBuilder.create()
                .connectionPool(HikariConnections.builder().config(db.get("connection")).build())
                .addService(new RecordingService(TAG))
                .build();
        q = Quarry.builder().url(database.url()).client(userClient).poolSize(3).build();
    }

    @AfterAll
    void closeTheUsersClient() {
        if (q != null) {
            q.close();
        }
        if (userClient != null) {
            userClient.close();
        }
    }

    @Test
    void quarrysStatementsGoThroughTheClientsServices() {
        assertEquals("helidon", q.features().provider());
        Article a = q.objects(Article.class).create(new Article("handed in"));
        assertEquals(a, q.objects(Article.class).get("title", "handed in"));
        List<String> names = RecordingService.names(TAG);
        assertTrue(names.contains("quarry-insert") && names.contains("quarry-select"), names::toString);
    }

    @Test
    void theUsersConnectionsGetTheSessionTimeZoneAndStatementTimeout() {
        try (Quarry tokyo = Quarry.builder().url(database.url()).client(userClient).poolSize(1)
                .timeZone(java.time.ZoneId.of("Asia/Tokyo")).statementTimeout(java.time.Duration.ofSeconds(7)).build()) {
            String settings = tokyo.atomic(tx -> tx.raw(Article.class, "SELECT 1::bigint AS id, "
                    + "current_setting('TimeZone') || ' ' || current_setting('statement_timeout') AS title").list()
                    .getFirst().getTitle());
            assertEquals("Asia/Tokyo 7s", settings);
            String outside = tokyo.raw(Article.class, "SELECT 1::bigint AS id, current_setting('TimeZone') AS title")
                    .list().getFirst().getTitle();
            assertEquals("Asia/Tokyo", outside, "autocommit statements too");
        }
    }

    @Test
    void closingQuarryLeavesTheUsersClientOpen() {
        q.objects(Article.class).create(new Article("kept"));
        try (Quarry other = Quarry.builder().url(database.url()).client(userClient).poolSize(1).build()) {
            assertEquals(1, other.objects(Article.class).count());
        }
        long n = userClient.execute().query("SELECT count(*) AS n FROM tck_article")
                .map(row -> row.column("n").get(Long.class)).findFirst().orElseThrow();
        assertEquals(1, n);
        assertEquals(1, q.objects(Article.class).count());
    }

    @Test
    void aFailedInsertReturningInASavepointLeavesTheTransactionUsable() {
        Article first = new Article("first");
        first.setSlug("same");
        long seen = q.atomic(tx -> {
            tx.objects(Article.class).create(first);
            Article duplicate = new Article("duplicate");
            duplicate.setSlug("same");
            // a failed statement makes Helidon close a DbTransaction's connection; the provider keeps it open
            assertThrows(IntegrityException.class, () -> tx.atomic(inner -> inner.objects(Article.class).create(duplicate)));
            tx.objects(Article.class).create(new Article("after"));
            return tx.objects(Article.class).count();
        });
        assertEquals(2, seen);
        assertEquals(2, q.objects(Article.class).count(), "both inserts outside the savepoint were committed");
    }

    @Test
    void cancellingAStatementStopsItOnTheServer() throws Exception {
        assertTrue(q.features().cancellation());
        String mark = "helidon_slow_" + NONCE;
        q.objects(Article.class).create(new Article("before"));
        CompletableFuture<List<Article>> slow = q.raw(Article.class,
                "SELECT 1::bigint AS id, 'slow' AS title /* " + mark + " */ FROM pg_sleep(10)").alist();
        String running = "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%" + mark
                + "%' AND pid <> pg_backend_pid()";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (((Number) sqlValue(running)).longValue() == 0) {
            assertTrue(System.nanoTime() < deadline, "the slow statement never started");
            Thread.sleep(20);
        }
        assertTrue(slow.cancel(true));
        assertThrows(CancellationException.class, slow::join);
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (((Number) sqlValue(running)).longValue() > 0) {
            assertTrue(System.nanoTime() < deadline, "the cancelled statement still runs after 3 s");
            Thread.sleep(50);
        }
        assertEquals(1, q.objects(Article.class).count(), "the pool still works");
    }
}
