package dev.quarry.provider.jdbc;

import dev.quarry.spi.Connection;
import dev.quarry.spi.Database;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.Statement;
import dev.quarry.spi.TxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancelling an async stage cancels its statement on the server, promptly, and leaves the connection usable.
 * Each test sleeps 10 s on the server unless the cancel works, so a broken cancel fails the timeouts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CancellationTest {

    private static final String TABLE = "jdbcvt_cancel";
    private static final Statement SLEEP = Statement.of("SELECT 1 FROM pg_sleep(10)");
    private static final String APPLICATION = "jdbcvt_cancel_" + ProcessHandle.current().pid();

    private Database database;

    @BeforeAll
    void open() throws SQLException {
        Pg.jdbc("DROP TABLE IF EXISTS " + TABLE, "CREATE TABLE " + TABLE + " (id integer PRIMARY KEY)");
        database = Pg.provider().open(Pg.config(2, Map.of("ApplicationName", APPLICATION)));
    }

    @AfterAll
    void close() throws SQLException {
        database.close();
        Pg.jdbc("DROP TABLE IF EXISTS " + TABLE);
    }

    private static List<Integer> selectOne(Connection c) {
        return c.query(Statement.of("SELECT 1"), r -> r.get(1, Integer.class));
    }

    /** How many of this test's backends run a statement containing {@code text} right now. */
    private static long activeBackends(String text) throws SQLException {
        return (Long) Pg.jdbcValue("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                + " AND query LIKE '%" + text + "%' AND application_name = '" + APPLICATION + "'");
    }

    private static long sleepingBackends() throws SQLException {
        return activeBackends("pg_sleep(10)");
    }

    private static void awaitActive(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (activeBackends(text) == 0) {
            assertTrue(System.nanoTime() < deadline, text + " never started");
            Thread.sleep(20);
        }
    }

    private static void awaitSleeping() throws Exception {
        awaitActive("pg_sleep(10)");
    }

    @Test
    void aBlockingCancelThatComesBeforeTheStatementStartsIsNotLost() {
        Connection connection = database.acquire();
        try {
            connection.cancel();   // nothing runs yet: Quarry abandoned the operation just before its statement
            DriverException e = assertThrows(DriverException.class,
                    () -> connection.query(Pg.sql("SELECT pg_sleep(10)"), row -> 1));
            assertEquals(DriverException.QUERY_CANCELED, e.sqlState());
        } finally {
            connection.close();
        }
        Connection next = database.acquire();
        try {
            assertEquals(List.of(1), next.query(Pg.sql("SELECT 1"), row -> row.get(1, Integer.class)),
                    "the cancel belonged to the abandoned borrowing only");
        } finally {
            next.close();
        }
    }

    @Test
    void cancellingARunningQueryStopsItOnTheServerAndTheConnectionIsReusable() throws Exception {
        Connection connection = database.acquire();
        try {
            long start = System.nanoTime();
            CompletableFuture<List<Integer>> sleeping = connection.queryAsync(SLEEP, r -> r.get(1, Integer.class))
                    .toCompletableFuture();
            awaitSleeping();

            assertTrue(sleeping.cancel(true));

            assertTrue(sleeping.isCancelled());
            assertThrows(CancellationException.class, sleeping::join);
            assertEquals(List.of(1), selectOne(connection)); // waits for the cancelled statement, then runs
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "took " + elapsed);
            assertEquals(0, sleepingBackends());
        } finally {
            connection.close();
        }
    }

    @Test
    void cancellingRightAfterSubmittingNeverLetsTheStatementRunItsCourse() throws Exception {
        Connection connection = database.acquire();
        try {
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                CompletableFuture<Long> sleeping = connection.updateAsync(SLEEP).toCompletableFuture();
                if (i % 2 == 1) {
                    Thread.onSpinWait();
                }
                sleeping.cancel(true);

                assertEquals(List.of(1), selectOne(connection));
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "attempt " + i + " took " + elapsed);
            }
            assertEquals(0, sleepingBackends());
        } finally {
            connection.close();
        }
    }

    @Test
    void aCancelledStatementInATransactionLeavesItForTheCallerToRollBack() throws Exception {
        Connection connection = database.acquire();
        try {
            connection.begin(TxOptions.DEFAULT);
            connection.update(Pg.sql("INSERT INTO " + TABLE + " VALUES (?)", 1));
            CompletableFuture<Long> sleeping = connection.updateAsync(SLEEP).toCompletableFuture();
            awaitSleeping();
            sleeping.cancel(true);

            DriverException aborted = assertThrows(DriverException.class, () -> selectOne(connection));
            connection.rollback();

            assertEquals("25P02", aborted.sqlState());
            assertEquals(List.of(1), selectOne(connection));
            assertEquals(0, Pg.count(connection, TABLE));
        } finally {
            connection.close();
        }
    }

    @Test
    void aCallbackThatQueuesMoreWorkWhenTheStageIsCancelledDoesNotSaveTheCancelledStatement() throws Exception {
        // Cancelling completes the stage first, which runs its callbacks at once (a caller's rollback, typically):
        // the cancel must still reach the cancelled statement, not the work queued behind it.
        Connection connection = database.acquire();
        try {
            CompletableFuture<List<Integer>> sleeping = connection.queryAsync(SLEEP, r -> r.get(1, Integer.class))
                    .toCompletableFuture();
            CompletableFuture<List<Integer>> next = sleeping.handle((rows, failure) -> failure)
                    .thenCompose(failure -> connection.queryAsync(Statement.of("SELECT 2"), r -> r.get(1, Integer.class))
                            .toCompletableFuture());
            awaitSleeping();
            long start = System.nanoTime();

            assertTrue(sleeping.cancel(true));

            assertEquals(List.of(2), next.get(5, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
            assertEquals(0, sleepingBackends());
        } finally {
            connection.close();
        }
    }

    @Test
    void aCallbackThatWaitsForTheConnectionWhenTheStageIsCancelledDoesNotHoldUpTheCancel() throws Exception {
        Connection connection = database.acquire();
        try {
            CompletableFuture<List<Integer>> sleeping = connection.queryAsync(SLEEP, r -> r.get(1, Integer.class))
                    .toCompletableFuture();
            AtomicReference<List<Integer>> fromCallback = new AtomicReference<>();
            sleeping.whenComplete((rows, failure) -> fromCallback.set(
                    connection.query(Statement.of("SELECT 5"), r -> r.get(1, Integer.class)))); // sync, on our thread
            awaitSleeping();
            long start = System.nanoTime();

            assertTrue(sleeping.cancel(true)); // runs the callback, which waits until the sleep is cancelled

            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "took " + elapsed);
            assertEquals(List.of(5), fromCallback.get());
        } finally {
            connection.close();
        }
    }

    @Test
    void cancellingQueuedWorkLeavesTheRunningStatementAlone() throws Exception {
        Connection connection = database.acquire();
        try {
            long start = System.nanoTime();
            CompletableFuture<List<Integer>> running = connection.queryAsync(
                    Statement.of("SELECT 3 FROM pg_sleep(1)"), r -> r.get(1, Integer.class)).toCompletableFuture();
            awaitActive("pg_sleep(1)");
            CompletableFuture<List<Integer>> queued = connection.queryAsync(Statement.of("SELECT 4"),
                    r -> r.get(1, Integer.class)).toCompletableFuture(); // waits for the connection
            Thread.sleep(50);

            assertTrue(queued.cancel(true));

            assertEquals(List.of(3), running.get(5, TimeUnit.SECONDS)); // ran its full second
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(990));
            assertEquals(List.of(1), selectOne(connection));
        } finally {
            connection.close();
        }
    }

    @Test
    void cancellingAStageThatAlreadyCompletedDoesNotTouchTheNextStatement() throws Exception {
        Connection connection = database.acquire();
        try {
            CompletableFuture<List<Integer>> done = connection.queryAsync(Statement.of("SELECT 1"),
                    r -> r.get(1, Integer.class)).toCompletableFuture();
            assertEquals(List.of(1), done.get(10, TimeUnit.SECONDS));
            assertTrue(!done.cancel(true));

            List<Integer> slow = connection.query(Statement.of("SELECT 2 FROM pg_sleep(0.3)"),
                    r -> r.get(1, Integer.class));

            assertEquals(List.of(2), slow);
        } finally {
            connection.close();
        }
    }

    @Test
    void aCancelledConnectionGoesBackToThePoolInWorkingOrder() throws Exception {
        Connection connection = database.acquire();
        CompletableFuture<List<Integer>> sleeping = connection.queryAsync(SLEEP, r -> r.get(1, Integer.class))
                .toCompletableFuture();
        awaitSleeping();
        sleeping.cancel(true);
        connection.closeAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);

        Connection a = database.acquire();
        Connection b = database.acquire();
        try {
            assertEquals(List.of(1), selectOne(a));
            assertEquals(List.of(1), selectOne(b));
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void aConnectionAcquiredForACancelledStageGoesBackToThePool() throws Exception {
        int won = 0;
        for (int i = 0; i < 50; i++) {
            CompletableFuture<Connection> acquiring = database.acquireAsync().toCompletableFuture();
            if (i % 2 == 1) {
                Thread.sleep(1);
            }
            if (acquiring.cancel(true)) {
                won++;
            } else {
                acquiring.join().close(); // it completed first: the connection is ours to give back
            }
        }

        // Both pooled connections are free again, whatever the cancels met.
        Connection a = database.acquireAsync().toCompletableFuture().get(5, TimeUnit.SECONDS);
        Connection b = database.acquireAsync().toCompletableFuture().get(5, TimeUnit.SECONDS);
        a.close();
        b.close();
        assertTrue(won > 0, "no cancel won the race");
    }
}
