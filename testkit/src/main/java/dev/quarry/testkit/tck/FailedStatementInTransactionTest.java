package dev.quarry.testkit.tck;

import dev.quarry.IntegrityException;
import dev.quarry.Manager;
import dev.quarry.Savepoint;
import dev.quarry.TransactionException;
import dev.quarry.testkit.Async;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Django's {@code needs_rollback}: after a statement fails inside an atomic block (PostgreSQL has aborted the
 * transaction), the next statement in the block fails with TransactionException, and the block itself fails with
 * TransactionException instead of returning as if committed; onCommit callbacks never run. A nested atomic block
 * (a savepoint) rolling back is the way to survive a failure.
 */
class FailedStatementInTransactionTest extends TckBase {

    private static final String DJANGO_MESSAGE = "An error occurred in the current transaction. You can't execute "
            + "queries until the end of the 'atomic' block.";

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class, Article.class);
    }

    @BeforeEach
    void oneArticleWithSlugDup() {
        Article one = new Article("one");
        one.setSlug("dup");
        db.objects(Article.class).create(one);
    }

    private static Article duplicate() {
        Article two = new Article("two");
        two.setSlug("dup");
        return two;
    }

    private long countThroughJdbc() throws SQLException {
        return ((Number) sqlValue("SELECT count(*) FROM simple_model")).longValue();
    }

    @Test
    void theNextStatementAfterACaughtFailureIsRefused() throws SQLException {
        List<String> calls = new CopyOnWriteArrayList<>();
        TransactionException blockFailure = assertThrows(TransactionException.class, () -> db.atomic(tx -> {
            tx.onCommit(() -> calls.add("onCommit"));
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            assertThrows(IntegrityException.class, () -> tx.objects(Article.class).create(duplicate()));
            TransactionException next = assertThrows(TransactionException.class,
                    () -> tx.objects(SimpleModel.class).count());
            assertEquals(DJANGO_MESSAGE, next.getMessage());
            assertInstanceOf(IntegrityException.class, next.getCause(), "the refusal names the failure");
            return "returned as if all went well";
        }));
        assertInstanceOf(IntegrityException.class, blockFailure.getCause());
        assertTrue(blockFailure.getMessage().contains("rolled back"), blockFailure.getMessage());
        assertEquals(List.of(), calls, "onCommit never runs for a rolled-back transaction");
        assertEquals(0, countThroughJdbc());
    }

    @Test
    void aBlockThatCatchesAFailureAndReturnsFailsInsteadOfReportingACommit() throws SQLException {
        assertThrows(TransactionException.class, () -> db.atomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            try {
                tx.objects(Article.class).create(duplicate());
            } catch (IntegrityException expected) {
                // swallowed: the block returns normally
            }
            return null;
        }));
        assertEquals(0, countThroughJdbc(), "nothing is committed");
        assertEquals(1, db.objects(Article.class).count(), "the pool's connections are fine afterwards");
    }

    @Test
    void aNestedBlockSurvivesTheFailureAndTheTransactionCommits() throws SQLException {
        List<String> calls = new CopyOnWriteArrayList<>();
        db.atomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            assertThrows(IntegrityException.class, () -> tx.atomic(inner -> inner.objects(Article.class).create(duplicate())));
            tx.objects(SimpleModel.class).create(new SimpleModel(2));
            tx.onCommit(() -> calls.add("onCommit"));
            return null;
        });
        assertEquals(2, countThroughJdbc());
        assertEquals(List.of("onCommit"), calls);
    }

    @Test
    void aNestedBlockThatCatchesAFailureIsRolledBackToItsSavepointAndFails() throws SQLException {
        db.atomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            TransactionException e = assertThrows(TransactionException.class, () -> tx.atomic(inner -> {
                inner.objects(SimpleModel.class).create(new SimpleModel(2));
                try {
                    inner.objects(Article.class).create(duplicate());
                } catch (IntegrityException swallowed) {
                    // the nested block returns normally
                }
                return null;
            }));
            assertInstanceOf(IntegrityException.class, e.getCause());
            tx.objects(SimpleModel.class).create(new SimpleModel(3));   // the outer block goes on
            return null;
        });
        assertEquals(List.of(1, 3), db.objects(SimpleModel.class).orderBy("field").valuesListFlat("field", Integer.class).list());
        assertEquals(2, countThroughJdbc());
    }

    @Test
    void rollingBackToASavepointClearsTheFailure() throws SQLException {
        db.atomic(tx -> {
            Manager<SimpleModel> m = tx.objects(SimpleModel.class);
            m.create(new SimpleModel(1));
            Savepoint sp = tx.savepoint();
            assertThrows(IntegrityException.class, () -> tx.objects(Article.class).create(duplicate()));
            assertThrows(TransactionException.class, () -> m.create(new SimpleModel(2)));
            tx.rollbackTo(sp);
            m.create(new SimpleModel(3));
            return null;
        });
        assertEquals(List.of(1, 3), db.objects(SimpleModel.class).orderBy("field").valuesListFlat("field", Integer.class).list());
    }

    @Test
    void asyncTheNextStatementIsRefusedAndTheBlockFails() throws SQLException {
        List<String> calls = new CopyOnWriteArrayList<>();
        Throwable failure = Async.failureOf(() -> db.aatomic(tx -> {
            tx.onCommit(() -> calls.add("onCommit"));
            return tx.objects(SimpleModel.class).acreate(new SimpleModel(1))
                    .thenCompose(x -> tx.objects(Article.class).acreate(duplicate())
                            .handle((a, e) -> {
                                assertInstanceOf(IntegrityException.class, Async.unwrap(e));
                                return null;
                            }))
                    .thenCompose(x -> tx.objects(SimpleModel.class).acount()
                            .handle((n, e) -> {
                                assertInstanceOf(TransactionException.class, Async.unwrap(e));
                                assertEquals(DJANGO_MESSAGE, Async.unwrap(e).getMessage());
                                return "returned as if all went well";
                            }));
        }));
        assertInstanceOf(TransactionException.class, failure);
        assertInstanceOf(IntegrityException.class, failure.getCause());
        assertEquals(List.of(), calls);
        assertEquals(0, countThroughJdbc());
    }

    @Test
    void asyncANestedBlockSurvivesTheFailure() throws SQLException {
        await(db.aatomic(tx -> tx.objects(SimpleModel.class).acreate(new SimpleModel(1))
                .thenCompose(x -> tx.aatomic(inner -> inner.objects(Article.class).acreate(duplicate()))
                        .handle((a, e) -> {
                            assertInstanceOf(IntegrityException.class, Async.unwrap(e));
                            return null;
                        }))
                .thenCompose(x -> tx.objects(SimpleModel.class).acreate(new SimpleModel(2)))));
        assertEquals(2, countThroughJdbc());
    }

    @Test
    void asyncANestedBlockThatSwallowsAFailureFails() throws SQLException {
        await(db.aatomic(tx -> tx.objects(SimpleModel.class).acreate(new SimpleModel(1))
                .thenCompose(x -> tx.aatomic(inner -> inner.objects(Article.class).acreate(duplicate())
                                .handle((a, e) -> "swallowed"))
                        .handle((a, e) -> {
                            assertInstanceOf(TransactionException.class, Async.unwrap(e));
                            return null;
                        }))
                .thenCompose(x -> tx.objects(SimpleModel.class).acreate(new SimpleModel(2)))
                .thenApply(x -> (Object) x)));
        assertEquals(2, countThroughJdbc());
    }

    @Test
    void outsideATransactionAFailureDoesNotPoisonTheNextStatement() {
        assertThrows(IntegrityException.class, () -> db.objects(Article.class).create(duplicate()));
        assertEquals(1, db.objects(Article.class).count());
        assertEquals(1L, (long) await(db.objects(Article.class).acount()));
    }
}
