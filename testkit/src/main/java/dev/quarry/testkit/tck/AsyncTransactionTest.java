package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.Transaction;
import dev.quarry.TransactionException;
import dev.quarry.TransactionOptions;
import dev.quarry.testkit.Async;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** db.aatomic: commit when the stage completes, rollback when it fails, nesting, ordering of concurrent work. */
class AsyncTransactionTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class);
    }

    private Manager<SimpleModel> simple() {
        return db.objects(SimpleModel.class);
    }

    private List<Integer> fields() {
        return simple().orderBy("field").valuesListFlat("field", Integer.class).list();
    }

    @Test
    void aatomicCommitsWhenTheStageCompletes() {
        long count = await(db.aatomic(tx -> tx.objects(SimpleModel.class).acreate(new SimpleModel(1))
                .thenCompose(created -> tx.objects(SimpleModel.class).filter("pk", created.getId()).acount())));
        assertEquals(1, count);
        assertEquals(List.of(1), fields());
    }

    @Test
    void aatomicRollsBackWhenTheStageFailsAndFailsWithTheSameException() {
        IllegalStateException boom = new IllegalStateException("boom");
        Throwable failure = Async.failureOf(() -> db.aatomic(tx -> tx.objects(SimpleModel.class)
                .acreate(new SimpleModel(1))
                .thenCompose(created -> CompletableFuture.failedFuture(boom))));
        assertSame(boom, failure);
        assertEquals(List.of(), fields());
    }

    @Test
    void aatomicRollsBackWhenTheWorkThrows() {
        IllegalStateException boom = new IllegalStateException("thrown by work");
        Throwable failure = Async.failureOf(() -> db.<Object>aatomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            throw boom;
        }));
        assertSame(boom, failure);
        assertEquals(List.of(), fields());
    }

    @Test
    void aatomicWaitsForAStageThatCompletesLater() {
        await(db.aatomic(tx -> tx.objects(SimpleModel.class).acreate(new SimpleModel(1))
                .thenComposeAsync(created -> tx.objects(SimpleModel.class).acreate(new SimpleModel(2)),
                        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))));
        assertEquals(List.of(1, 2), fields());
    }

    @Test
    void concurrentWorkOnOneTransactionRunsInIssueOrder() {
        List<Long> ids = await(db.aatomic(tx -> {
            Manager<SimpleModel> m = tx.objects(SimpleModel.class);
            List<CompletableFuture<SimpleModel>> creates = IntStream.range(0, 20)
                    .mapToObj(i -> m.acreate(new SimpleModel(i))).toList();
            return CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new))
                    .thenApply(ignored -> creates.stream().map(f -> f.join().getId()).toList());
        }));
        List<Long> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids, "identity values were drawn in issue order");
        assertEquals(IntStream.range(0, 20).boxed().toList(), fields());
    }

    @Test
    void concurrentReadsAndWritesOnOneTransactionSeeEarlierWrites() {
        long seen = await(db.aatomic(tx -> {
            Manager<SimpleModel> m = tx.objects(SimpleModel.class);
            m.acreate(new SimpleModel(1));
            m.acreate(new SimpleModel(2));
            return m.acount(); // issued last, so it runs after both inserts
        }));
        assertEquals(2, seen);
    }

    @Test
    void aFailedNestedAatomicRollsBackToItsSavepoint() {
        await(db.aatomic(tx -> tx.objects(SimpleModel.class).acreate(new SimpleModel(1))
                .thenCompose(a -> tx.aatomic(inner -> inner.objects(SimpleModel.class).acreate(new SimpleModel(2))
                                .thenCompose(b -> CompletableFuture.<SimpleModel>failedFuture(new IllegalStateException("inner"))))
                        .exceptionally(e -> null))
                .thenCompose(ignored -> tx.objects(SimpleModel.class).acreate(new SimpleModel(3)))));
        assertEquals(List.of(1, 3), fields());
    }

    @Test
    void asyncSavepoints() {
        await(db.aatomic(tx -> {
            Manager<SimpleModel> m = tx.objects(SimpleModel.class);
            return m.acreate(new SimpleModel(1))
                    .thenCompose(a -> tx.asavepoint())
                    .thenCompose(sp -> m.acreate(new SimpleModel(2))
                            .thenCompose(b -> tx.arollbackTo(sp))
                            .thenCompose(v -> tx.arelease(sp)))
                    .thenCompose(v -> m.acreate(new SimpleModel(3)));
        }));
        assertEquals(List.of(1, 3), fields());
    }

    @Test
    void onCommitRunsOnlyAfterAnAsyncCommit() {
        List<String> calls = new CopyOnWriteArrayList<>();
        await(db.aatomic(tx -> {
            tx.onCommit(() -> calls.add("committed"));
            return tx.objects(SimpleModel.class).acreate(new SimpleModel(1));
        }));
        assertEquals(List.of("committed"), calls);
        Async.failureOf(() -> db.aatomic(tx -> {
            tx.onCommit(() -> calls.add("never"));
            return CompletableFuture.failedFuture(new IllegalStateException("rollback"));
        }));
        assertEquals(List.of("committed"), calls);
    }

    @Test
    void usingAnAsyncTransactionAfterItEndedThrowsTransactionException() {
        AtomicReference<Transaction> leaked = new AtomicReference<>();
        await(db.aatomic(tx -> {
            leaked.set(tx);
            return tx.objects(SimpleModel.class).acount();
        }));
        Transaction tx = leaked.get();
        assertFalse(tx.isActive());
        Throwable failure = Async.failureOfCallOrFuture(() -> tx.objects(SimpleModel.class).acount());
        assertInstanceOf(TransactionException.class, failure);
    }

    @Test
    void aatomicWithATimeoutFailsASlowStatement() {
        assumeFeature(f -> f.statementTimeout(), "statement timeouts");
        Throwable failure = Async.failureOf(() -> db.aatomic(
                TransactionOptions.defaults().timeout(java.time.Duration.ofMillis(300)),
                tx -> tx.raw(SimpleModel.class, "SELECT 1::bigint AS id, 1 AS field FROM pg_sleep(10)").alist()));
        assertInstanceOf(dev.quarry.DatabaseException.class, failure);
        assertEquals("57014", ((dev.quarry.DatabaseException) failure).sqlState());
    }

    @Test
    void theFutureOfAatomicReturnsAtOnce() {
        long start = System.nanoTime();
        CompletableFuture<List<SimpleModel>> slow = db.aatomic(tx ->
                tx.raw(SimpleModel.class, "SELECT 1::bigint AS id, 1 AS field FROM pg_sleep(1)").alist());
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMillis < 500, "aatomic blocked its caller for " + elapsedMillis + " ms");
        try {
            assertEquals(1, await(slow).size());
        } catch (RuntimeException e) {
            fail(e);
        }
    }
}
