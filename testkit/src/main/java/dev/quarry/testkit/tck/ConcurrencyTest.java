package dev.quarry.testkit.tck;

import dev.quarry.Created;
import dev.quarry.F;
import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Many callers at once on one Quarry: no lost update, one row per unique key, exact totals under row locks. */
class ConcurrencyTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(Article.class);
    }

    @Override
    protected int poolSize() {
        return 8; // fewer connections than callers: they queue for the pool
    }

    private Manager<Article> articles() {
        return db.objects(Article.class);
    }

    /** Runs every task on its own virtual thread, released together; returns their results in order. */
    private static <T> List<T> runTogether(int n, java.util.function.IntFunction<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.apply(index);
                };
                futures.add(threads.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    @Test
    void concurrentFIncrementsLoseNothing() {
        Article a = articles().create(new Article("counter"));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            runTogether(200, i -> articles().filter("pk", a.getId()).update(Map.of("views", F.of("views").plus(1))));
        });
        assertEquals(200, articles().get("pk", a.getId()).getViews());
    }

    @Test
    void concurrentAsyncFIncrementsLoseNothing() {
        Article a = articles().create(new Article("async counter"));
        List<CompletableFuture<Long>> updates = IntStream.range(0, 200)
                .mapToObj(i -> articles().filter("pk", a.getId()).aupdate(Map.of("likes", F.of("likes").plus(2))))
                .toList();
        updates.forEach(f -> assertEquals(1L, await(f)));
        assertEquals(400, articles().get("pk", a.getId()).getLikes());
    }

    @Test
    void concurrentGetOrCreateOnOneUniqueKeyCreatesExactlyOneRow() throws Exception {
        List<Created<Article>> results = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                runTogether(32, i -> articles().getOrCreate(Map.of("slug", "the-one"), Map.of("title", "by " + i))));
        assertEquals(1, articles().count());
        assertEquals(1, results.stream().filter(Created::created).count(), "exactly one caller created the row");
        assertEquals(1, new HashSet<>(results.stream().map(r -> r.object().getId()).toList()).size(),
                "every caller got the same row");
    }

    @Test
    void concurrentAsyncGetOrCreateOnOneUniqueKeyCreatesExactlyOneRow() {
        List<CompletableFuture<Created<Article>>> futures = IntStream.range(0, 32)
                .mapToObj(i -> articles().agetOrCreate(Map.of("slug", "async-one"), Map.of("title", "by " + i))).toList();
        List<Created<Article>> results = futures.stream().map(f -> await(f)).toList();
        assertEquals(1, articles().count());
        assertEquals(1, results.stream().filter(Created::created).count());
    }

    @Test
    void concurrentSelectForUpdateReadModifyWriteEndsWithTheExactTotal() {
        Article a = articles().create(new Article("locked counter"));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            runTogether(20, i -> db.atomic(tx -> {
                Manager<Article> m = tx.objects(Article.class);
                Article locked = m.selectForUpdate().get("pk", a.getId());
                locked.setViews(locked.getViews() + 5);
                return m.save(locked, "views");
            }));
        });
        assertEquals(100, articles().get("pk", a.getId()).getViews());
    }

    @Test
    void concurrentAsyncTransactionsWithSelectForUpdateEndWithTheExactTotal() {
        Article a = articles().create(new Article("async locked counter"));
        List<CompletableFuture<Article>> blocks = IntStream.range(0, 20).mapToObj(i -> db.aatomic(tx -> {
            Manager<Article> m = tx.objects(Article.class);
            return m.selectForUpdate().aget("pk", a.getId()).thenCompose(locked -> {
                locked.setViews(locked.getViews() + 3);
                return m.asave(locked, "views");
            });
        })).toList();
        blocks.forEach(f -> await(f));
        assertEquals(60, articles().get("pk", a.getId()).getViews());
    }

    @Test
    void manyConcurrentReadersShareThePool() throws Exception {
        articles().create(new Article("read me"));
        List<Long> counts = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                runTogether(100, i -> articles().filter("title", "read me").count()));
        assertEquals(100, counts.stream().filter(c -> c == 1L).count());
    }
}
