package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.TransactionException;
import dev.quarry.testkit.Async;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What keeps a transaction ending exactly as the user was told: raw SQL cannot end, start or rearrange it (however
 * the command is disguised); work issued on an outer Transaction while a nested block is open fails instead of
 * landing in the savepoint; a cancelled aatomic never calls the work; a failed rollback is reported.
 */
class TransactionGuardsTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class);
    }

    @Override
    protected int poolSize() {
        return 2;
    }

    private long countThroughJdbc() throws SQLException {
        return ((Number) sqlValue("SELECT count(*) FROM simple_model")).longValue();
    }

    @TestFactory
    Stream<DynamicTest> rawSqlCannotEndOrRearrangeTheTransaction() {
        return Stream.of(
            "COMMIT", "commit", "  \n\tCommit", "/* a comment */ COMMIT", "-- a comment\nCOMMIT",
            "/* nested /* comments */ still */ COMMIT", "END", "end transaction", "ABORT", "ROLLBACK",
            "ROLLBACK TO SAVEPOINT quarry_sp_1", "RELEASE SAVEPOINT quarry_sp_1", "SAVEPOINT mine", "BEGIN",
            "START TRANSACTION", "PREPARE TRANSACTION 'x'", "COMMIT PREPARED 'x'",
            "SELECT 1 AS id, 1 AS field; COMMIT", "SELECT ';' AS id; COMMIT", "SELECT $$;$$ AS id;commit",
            "SELECT 1 AS id /* ; */ ; /**/END")
                .map(sql -> DynamicTest.dynamicTest(sql, () -> refused(sql)));
    }

    private void refused(String sql) throws SQLException {
        assertThrows(TransactionException.class, () -> db.atomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            return tx.raw(SimpleModel.class, sql).list();
        }));
        assertEquals(0, countThroughJdbc(), "nothing was committed by hand");
        assertThrows(TransactionException.class, () -> db.raw(SimpleModel.class, sql),
                "nor outside a transaction, where a BEGIN would leave a pooled connection in a transaction");
    }

    @TestFactory
    Stream<DynamicTest> rawSqlMentioningTheWordsInsideStringsOrCommentsStillRuns() {
        return Stream.of(
            "SELECT id, field FROM simple_model WHERE field = 1 -- COMMIT",
            "SELECT id, field FROM simple_model /* ; COMMIT */",
            "SELECT id, 'x; COMMIT' AS created FROM simple_model",
            "SELECT id, $tag$ ; COMMIT $tag$ AS created FROM simple_model",
            "SELECT id, \"field\" FROM simple_model WHERE 'begin' <> 'end'")
                .map(sql -> DynamicTest.dynamicTest(sql, () -> runs(sql)));
    }

    private void runs(String sql) {
        assertEquals(List.of(), db.atomic(tx -> tx.raw(SimpleModel.class, sql).list()));
    }

    @Test
    void workOnTheOuterTransactionWhileANestedBlockIsOpenFails() throws SQLException {
        db.atomic(tx -> {
            TransactionException e = assertThrows(TransactionException.class, () -> tx.atomic(inner -> {
                inner.objects(SimpleModel.class).create(new SimpleModel(1));
                return tx.objects(SimpleModel.class).create(new SimpleModel(2));   // the outer handle
            }));
            assertTrue(e.getMessage().contains("nested atomic block is open"), e.getMessage());
            tx.objects(SimpleModel.class).create(new SimpleModel(3));   // after the nested block: fine
            return null;
        });
        assertEquals(List.of(3), db.objects(SimpleModel.class).valuesListFlat("field", Integer.class).list(),
                "the nested block rolled back; nothing landed silently in its savepoint");
    }

    @Test
    void asyncWorkOnTheOuterTransactionWhileANestedBlockIsOpenFails() throws SQLException {
        await(db.aatomic(tx -> {
            Manager<SimpleModel> outer = tx.objects(SimpleModel.class);
            CompletableFuture<SimpleModel> nested = tx.aatomic(inner -> inner.objects(SimpleModel.class)
                    .acreate(new SimpleModel(1)));
            Throwable refused = Async.failureOfCallOrFuture(() -> outer.acreate(new SimpleModel(2)));
            assertInstanceOf(TransactionException.class, refused);
            return nested.thenCompose(x -> outer.acreate(new SimpleModel(3)));
        }));
        assertEquals(List.of(1, 3), db.objects(SimpleModel.class).orderBy("field").valuesListFlat("field", Integer.class).list());
    }

    @Test
    void aCancelledAatomicNeverCallsTheWork() throws Exception {
        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch letGo = new CountDownLatch(1);
        List<Thread> holders = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {   // both pooled connections busy: the aatomic waits for one
            holders.add(Thread.ofVirtual().start(() -> db.atomic(tx -> {
                tx.objects(SimpleModel.class).count();
                holding.countDown();
                try {
                    return letGo.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            })));
        }
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        AtomicBoolean called = new AtomicBoolean();
        CompletableFuture<SimpleModel> f = db.aatomic(tx -> {
            called.set(true);
            return tx.objects(SimpleModel.class).acreate(new SimpleModel(1));
        });
        assertTrue(f.cancel(true));
        letGo.countDown();
        for (Thread t : holders) {
            t.join();
        }
        assertThrows(CancellationException.class, f::join);
        // Both pooled connections free again: the cancelled transaction gave its connection back.
        assertEquals(0L, (long) db.atomic(tx -> db.atomic(tx2 -> tx2.objects(SimpleModel.class).count())));
        Thread.sleep(100);
        assertFalse(called.get(), "the work of a transaction cancelled before it began was called");
        assertEquals(0, countThroughJdbc());
    }

    @Test
    void aFailedRollbackIsAddedAsSuppressedInBothTwins() throws SQLException {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException sync = assertThrows(IllegalStateException.class, () -> db.atomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            killBackend(tx.raw(SimpleModel.class, "SELECT pg_backend_pid()::bigint AS id, 0 AS field").list());
            throw boom;
        }));
        assertSame(boom, sync);
        assertTrue(sync.getSuppressed().length >= 1, "the sync twin reports the failed rollback");

        IllegalStateException boom2 = new IllegalStateException("boom2");
        Throwable async = Async.failureOf(() -> db.aatomic(tx -> tx.objects(SimpleModel.class).acreate(new SimpleModel(1))
                .thenCompose(x -> tx.raw(SimpleModel.class, "SELECT pg_backend_pid()::bigint AS id, 0 AS field").alist())
                .thenApply(pid -> {
                    killBackend(pid);
                    throw boom2;
                })));
        assertSame(boom2, async);
        assertTrue(async.getSuppressed().length >= 1, "the async twin reports the failed rollback too");
        assertEquals(0, countThroughJdbc());
    }

    private void killBackend(List<SimpleModel> pid) {
        try {
            sql("SELECT pg_terminate_backend(" + pid.getFirst().getId() + ")");
            Thread.sleep(100);
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
