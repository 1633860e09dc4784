package dev.quarry.testkit.tck;

import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancelling a future cancels its statement on the server, quickly, and leaves the pool usable. */
class CancellationTest extends TckBase {

    /** A marker that tells this JVM's slow statements from anyone else's in pg_stat_activity. */
    private static final String MARK = "tck_slow_" + Long.toString(System.nanoTime(), 36);
    private static final String SLOW = "SELECT 1::bigint AS id, 1 AS field /* " + MARK + " */ FROM pg_sleep(10)";

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class);
    }

    @Override
    protected int poolSize() {
        return 2;
    }

    @BeforeEach
    void requireCancellation() {
        assumeFeature(f -> f.cancellation(), "cancellation");
    }

    private long slowStatementsRunning() throws SQLException {
        return ((Number) sqlValue("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                + "AND query LIKE '%" + MARK + "%' AND pid <> pg_backend_pid()")).longValue();
    }

    private void awaitServerSideEnd() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (slowStatementsRunning() > 0) {
            assertTrue(System.nanoTime() < deadline, "the cancelled statement still runs on the server after 3 s");
            Thread.sleep(50);
        }
    }

    private void awaitServerSideStart() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (slowStatementsRunning() == 0) {
            assertTrue(System.nanoTime() < deadline, "the slow statement never started");
            Thread.sleep(20);
        }
    }

    @Test
    void cancellingARawQueryFutureStopsItOnTheServer() throws Exception {
        CompletableFuture<List<SimpleModel>> slow = db.raw(SimpleModel.class, SLOW).alist();
        awaitServerSideStart();
        long start = System.nanoTime();
        assertTrue(slow.cancel(true));
        assertTrue(slow.isCancelled());
        assertThrows(CancellationException.class, slow::join);
        awaitServerSideEnd();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
    }

    @Test
    void thePoolStillWorksAfterCancellations() throws Exception {
        for (int i = 0; i < 4; i++) { // twice the pool size: a leaked connection would block the next query
            CompletableFuture<List<SimpleModel>> slow = db.raw(SimpleModel.class, SLOW).alist();
            awaitServerSideStart();
            slow.cancel(true);
            awaitServerSideEnd();
        }
        db.objects(SimpleModel.class).create(new SimpleModel(1));
        assertEquals(1L, await(db.objects(SimpleModel.class).acount()));
        assertEquals(1, db.objects(SimpleModel.class).count());
    }

    @Test
    void cancellingAnAsyncTransactionCancelsItsRunningStatement() throws Exception {
        CompletableFuture<List<SimpleModel>> direct = db.aatomic(tx -> tx.raw(SimpleModel.class, SLOW).alist());
        awaitServerSideStart();
        assertTrue(direct.cancel(true));
        awaitServerSideEnd();
        CompletableFuture<List<SimpleModel>> chained = db.aatomic(tx -> tx.objects(SimpleModel.class).acount()
                .thenCompose(n -> tx.raw(SimpleModel.class, SLOW).alist()));
        awaitServerSideStart();
        assertTrue(chained.cancel(true));
        awaitServerSideEnd();
    }

    @Test
    void cancellingAnAsyncTransactionRollsItBack() throws Exception {
        CompletableFuture<List<SimpleModel>> block = db.aatomic(tx -> tx.objects(SimpleModel.class)
                .acreate(new SimpleModel(1))
                .thenCompose(created -> tx.raw(SimpleModel.class, SLOW).alist()));
        awaitServerSideStart();
        block.cancel(true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (slowStatementsRunning() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100); // however long the statement runs on, the block must end in a rollback
        }
        Thread.sleep(500); // time for a wrong commit to land
        assertEquals(0, db.objects(SimpleModel.class).count(), "the cancelled block's insert was rolled back");
        assertEquals(0L, (long) db.atomic(tx -> tx.objects(SimpleModel.class).count()), "the pool still works");
    }

    @Test
    void aFutureCancelledBeforeItRunsNeverRuns() throws Exception {
        CompletableFuture<List<SimpleModel>> first = db.raw(SimpleModel.class, SLOW).alist();
        CompletableFuture<List<SimpleModel>> second = db.raw(SimpleModel.class, SLOW).alist();
        CompletableFuture<List<SimpleModel>> third = db.raw(SimpleModel.class, SLOW).alist(); // waits for the pool of 2
        third.cancel(true);
        first.cancel(true);
        second.cancel(true);
        awaitServerSideEnd();
        Thread.sleep(300);
        assertEquals(0, slowStatementsRunning(), "the statement of a future cancelled while queued never started");
    }
}
