package dev.quarry.provider.vertx;

import dev.quarry.spi.Connection;
import dev.quarry.spi.Database;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.Statement;
import dev.quarry.spi.TxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancellation never leaks: many cancels at every moment of a statement's life (before it is sent, while it is
 * on its way, while it runs), then the pool must be whole, every connection clean, and no cancel request may
 * reach a later statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancellationStressTest {

    private static final int POOL = 4;
    private static final String MARK = "vertx_stress_" + Long.toString(System.nanoTime(), 36);
    private Database db;

    @BeforeAll
    void open() {
        db = Pg.open(POOL);
    }

    @AfterAll
    void close() {
        db.close();
    }

    private long running() throws Exception {
        return ((Number) Pg.jdbcValue("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%"
                + MARK + "%' AND pid <> pg_backend_pid()")).longValue();
    }

    private static Statement slow() {
        return Statement.of("SELECT pg_sleep(10) /* " + MARK + " */");
    }

    @Test
    void manyCancelsInALoopLeaveThePoolWholeAndClean() throws Exception {
        List<CompletableFuture<Void>> returned = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Connection c = db.acquireAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);
            boolean inTransaction = i % 3 == 0;
            if (inTransaction) {
                c.beginAsync(TxOptions.DEFAULT).toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            CompletableFuture<List<Long>> query = c.queryAsync(slow(), Pg::firstLong).toCompletableFuture();
            int delay = ThreadLocalRandom.current().nextInt(0, 4) * (i % 2 == 0 ? 1 : 15);
            if (delay > 0) {
                Thread.sleep(delay); // 0 ms: cancelled before or while it is sent; up to 45 ms: while it runs
            }
            int round = i;
            assertTrue(query.cancel(true), () -> "round " + round + ": the statement ended before its cancel: "
                    + query.handle((r, e) -> e == null ? r : e).join());
            assertThrows(CancellationException.class, query::join);
            CompletableFuture<Void> back = inTransaction
                    ? c.rollbackAsync().toCompletableFuture().thenCompose(v -> c.closeAsync())
                    : c.closeAsync().toCompletableFuture();
            returned.add(back);
        }
        CompletableFuture.allOf(returned.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (running() > 0) {
            assertTrue(System.nanoTime() < deadline, "a cancelled statement still runs on the server");
            Thread.sleep(20);
        }

        // The pool is whole: all its connections can be borrowed at once, and each is clean (autocommit, no
        // aborted transaction).
        List<Connection> all = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            all.add(db.acquireAsync().toCompletableFuture().get(5, TimeUnit.SECONDS));
        }
        for (Connection c : all) {
            assertEquals(List.of(0L), c.query(Statement.of("SELECT count(*) FROM pg_prepared_xacts WHERE false"),
                    Pg::firstLong));
            assertEquals(List.of("IDLE"), c.query(Statement.of(
                    "SELECT CASE WHEN now() = statement_timestamp() THEN 'IDLE' ELSE 'IN TRANSACTION' END"),
                    r -> r.get(1, String.class)), "the connection came back outside any transaction");
            c.close();
        }

        // No cancel request reaches a later statement: many quick statements on the same connections all succeed.
        List<CompletableFuture<Long>> quick = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long n = i;
            quick.add(db.acquireAsync().toCompletableFuture().thenCompose(c -> c.queryAsync(
                    Pg.sql("SELECT ?::bigint FROM pg_sleep(0.001)", n), Pg::firstLong).toCompletableFuture()
                    .whenComplete((r, e) -> c.closeAsync()).thenApply(List::getFirst)));
        }
        for (int i = 0; i < quick.size(); i++) {
            assertEquals(i, quick.get(i).get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aCancelledStatementFinishesBeforeTheRollbackThatFollowsIt() throws Exception {
        Connection c = db.acquire();
        try {
            c.begin(TxOptions.DEFAULT);
            c.update(Statement.of("CREATE TEMP TABLE stress_t (x int) ON COMMIT DROP"));
            CompletableFuture<List<Long>> query = c.queryAsync(slow(), Pg::firstLong).toCompletableFuture();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (running() == 0) {
                assertTrue(System.nanoTime() < deadline, "the slow statement never started");
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            query.cancel(true);
            c.rollback(); // queued behind the cancelled statement: waits for its end, then rolls back
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "the statement was cancelled on the server");
            assertEquals(0, running());
            assertEquals(List.of(1L), c.query(Statement.of("SELECT 1::bigint"), Pg::firstLong), "the connection works");
        } finally {
            c.close();
        }
    }

    @Test
    void theBlockingTwinOfACancelledStatementFailsWithQueryCanceled() throws Exception {
        Connection c = db.acquire();
        try {
            Thread.ofVirtual().start(() -> {
                try {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (running() == 0 && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                c.cancel();
            });
            DriverException e = assertThrows(DriverException.class, () -> c.query(slow(), Pg::firstLong));
            assertEquals("57014", e.sqlState());
            assertEquals(List.of(1L), c.query(Statement.of("SELECT 1::bigint"), Pg::firstLong));
        } finally {
            c.close();
        }
    }
}
