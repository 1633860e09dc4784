package dev.quarry.provider.helidon;

import dev.quarry.Quarry;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.SimpleModel;
import io.helidon.common.context.Context;
import io.helidon.common.context.Contexts;
import io.helidon.config.Config;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Helidon config's {@code db} section, handed to {@code Quarry.builder().client(config)}, sets everything up. */
class HelidonConfigTest extends TckBase {

    private static final String NONCE = Long.toString(System.nanoTime(), 36);

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class);
    }

    private long connectionsOf(String applicationName) throws Exception {
        return ((Number) sqlValue("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                + applicationName + "'")).longValue();
    }

    @Test
    void aHelidonConfigSelectsTheProviderWithoutItsName() {
        Config config = HelidonConfigs.db(database, 2, "quarry-select-" + NONCE, "select-" + NONCE);
        try (Quarry q = Quarry.builder().url(database.url()).client(config).build()) {
            assertEquals("helidon", q.features().provider());
            q.objects(SimpleModel.class).create(new SimpleModel(7));
            assertEquals(1, q.objects(SimpleModel.class).filter("field", 7).count());
        }
    }

    @Test
    void theConnectionSectionMakesThePoolAndItsSizeBoundsQuarry() throws Exception {
        String app = "quarry-pool-" + NONCE;
        Config config = HelidonConfigs.db(database, 3, app, "pool-" + NONCE);
        try (Quarry q = Quarry.builder().url(database.url()).client(config.get("db")).poolSize(50).build()) {
            List<CompletableFuture<List<SimpleModel>>> sleepers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sleepers.add(q.raw(SimpleModel.class, "SELECT 1 AS id, 1 AS field FROM pg_sleep(0.2)").alist());
            }
            long most = 0;
            while (!sleepers.stream().allMatch(CompletableFuture::isDone)) {
                most = Math.max(most, ((Number) sqlValue("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                        + app + "' AND state = 'active'")).longValue());
                Thread.sleep(20);
            }
            sleepers.forEach(f -> assertEquals(1, f.join().size()));
            assertTrue(most >= 1 && most <= 3, "at most maximumPoolSize statements ran at once: " + most);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (connectionsOf(app) != 3 && System.nanoTime() < deadline) {
                Thread.sleep(50); // HikariCP fills its idle connections in the background
            }
            assertEquals(3, connectionsOf(app), "the pool is the config's: its name, size and driver properties");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (connectionsOf(app) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, connectionsOf(app), "closing Quarry closes the pool it built from the config");
    }

    @Test
    void theServicesSectionSeesEveryStatementByItsKeyword() {
        String tag = "services-" + NONCE;
        Config config = HelidonConfigs.db(database, 2, "quarry-services-" + NONCE, tag);
        try (Quarry q = Quarry.builder().url(database.url()).client(config).build()) {
            SimpleModel created = q.objects(SimpleModel.class).create(new SimpleModel(1));
            q.objects(SimpleModel.class).filter("pk", created.getId()).update(java.util.Map.of("field", 2));
            q.atomic(tx -> tx.objects(SimpleModel.class).count());
            q.objects(SimpleModel.class).delete(created);
        }
        List<String> names = RecordingService.names(tag);
        assertTrue(names.containsAll(List.of("quarry-insert", "quarry-update", "quarry-select", "quarry-delete")),
                names::toString);
        assertTrue(RecordingService.SEEN.stream().filter(s -> s.tag().equals(tag) && s.name().equals("quarry-update"))
                .allMatch(s -> s.type().equals("UPDATE")), "DML is typed after its keyword, for tracing");
        assertTrue(RecordingService.SEEN.stream().filter(s -> s.tag().equals(tag) && s.name().equals("quarry-insert"))
                .allMatch(s -> s.type().equals("INSERT")), "INSERT ... RETURNING runs as an INSERT with generated keys");
    }

    @Test
    void asyncStatementsRunInTheCallersHelidonContext() {
        String tag = "context-" + NONCE;
        Config config = HelidonConfigs.db(database, 2, "quarry-context-" + NONCE, tag);
        Context request = Context.create();
        try (Quarry q = Quarry.builder().url(database.url()).client(config).build()) {
            long n = Contexts.runInContext(request, () -> q.objects(SimpleModel.class).acount()).join();
            assertEquals(0, n);
            Contexts.runInContext(request, () -> q.aatomic(tx -> tx.objects(SimpleModel.class)
                    .acreate(new SimpleModel(3)))).join();
        }
        List<RecordingService.Seen> seen = RecordingService.SEEN.stream().filter(s -> s.tag().equals(tag)).toList();
        assertEquals(2, seen.size(), seen::toString);
        assertTrue(seen.stream().allMatch(s -> s.contextId().equals(request.id())),
                () -> "tracing would nest these spans under the request's: " + seen);
    }
}
