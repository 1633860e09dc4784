package dev.quarry.testkit.tck;

import dev.quarry.DatabaseException;
import dev.quarry.IntegrityException;
import dev.quarry.Isolation;
import dev.quarry.Manager;
import dev.quarry.Savepoint;
import dev.quarry.Transaction;
import dev.quarry.TransactionException;
import dev.quarry.TransactionOptions;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Book;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** db.atomic: commit, rollback, nested savepoints, onCommit, misuse, options, selectForUpdate. */
class TransactionTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class, Article.class, Book.class);
    }

    private Manager<SimpleModel> simple() {
        return db.objects(SimpleModel.class);
    }

    private long countThroughJdbc() throws SQLException {
        return ((Number) sqlValue("SELECT count(*) FROM simple_model")).longValue();
    }

    @Test
    void atomicCommitsWhenTheWorkReturnsAndReturnsItsValue() {
        Long id = db.atomic(tx -> tx.objects(SimpleModel.class).create(new SimpleModel(1)).getId());
        assertEquals(1, simple().get("pk", id).getField());
    }

    @Test
    void workInsideIsInvisibleToOthersUntilCommit() throws Exception {
        long seenInside = db.atomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            assertEquals(1, tx.objects(SimpleModel.class).count(), "the transaction sees its own rows");
            try {
                return countThroughJdbc();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(0, seenInside);
        assertEquals(1, countThroughJdbc());
    }

    @Test
    void atomicRollsBackAndRethrowsTheSameException() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.atomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            tx.objects(SimpleModel.class).update(java.util.Map.of("field", 2));
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(0, simple().count());
    }

    @Test
    void aDatabaseErrorRollsBackTheWholeBlock() {
        Article one = new Article("one");
        one.setSlug("dup");
        db.objects(Article.class).create(one);
        assertThrows(IntegrityException.class, () -> db.atomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            Article two = new Article("two");
            two.setSlug("dup");
            return tx.objects(Article.class).create(two);
        }));
        assertEquals(0, simple().count());
    }

    @Test
    void aFailedNestedBlockRollsBackToItsSavepointOnly() {
        db.atomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            assertThrows(IllegalStateException.class, () -> tx.atomic(inner -> {
                inner.objects(SimpleModel.class).create(new SimpleModel(2));
                throw new IllegalStateException("inner");
            }));
            tx.objects(SimpleModel.class).create(new SimpleModel(3));
            return null;
        });
        assertEquals(List.of(1, 3), simple().orderBy("field").valuesListFlat("field", Integer.class).list());
    }

    @Test
    void aNestedBlockRecoversFromADatabaseError() {
        Article one = new Article("one");
        one.setSlug("dup");
        db.objects(Article.class).create(one);
        db.atomic(tx -> {
            assertThrows(IntegrityException.class, () -> tx.atomic(inner -> {
                Article two = new Article("two");
                two.setSlug("dup");
                return inner.objects(Article.class).create(two);
            }));
            return tx.objects(SimpleModel.class).create(new SimpleModel(7));
        });
        assertEquals(7, simple().get().getField());
    }

    @Test
    void aNestedBlockCommitsWithItsParent() {
        assertThrows(IllegalStateException.class, () -> db.atomic(tx -> {
            tx.atomic(inner -> inner.objects(SimpleModel.class).create(new SimpleModel(1)));
            throw new IllegalStateException("outer fails");
        }));
        assertEquals(0, simple().count(), "the nested block's work is rolled back with the outer block");
    }

    @Test
    void savepointsCanBeRolledBackToAndReleased() {
        db.atomic(tx -> {
            Manager<SimpleModel> m = tx.objects(SimpleModel.class);
            m.create(new SimpleModel(1));
            Savepoint sp = tx.savepoint();
            m.create(new SimpleModel(2));
            tx.rollbackTo(sp);
            m.create(new SimpleModel(3));
            tx.rollbackTo(sp);
            m.create(new SimpleModel(4));
            tx.release(sp);
            return null;
        });
        assertEquals(List.of(1, 4), simple().orderBy("field").valuesListFlat("field", Integer.class).list());
    }

    @Test
    void onCommitRunsAfterCommitInRegistrationOrder() {
        List<String> calls = new CopyOnWriteArrayList<>();
        db.atomic(tx -> {
            tx.onCommit(() -> calls.add("first"));
            tx.atomic(inner -> {
                inner.onCommit(() -> calls.add("nested"));
                return null;
            });
            tx.onCommit(() -> calls.add("second"));
            assertEquals(List.of(), calls, "nothing runs before the commit");
            return null;
        });
        assertEquals(List.of("first", "nested", "second"), calls);
    }

    @Test
    void onCommitNeverRunsOnRollback() {
        List<String> calls = new CopyOnWriteArrayList<>();
        assertThrows(IllegalStateException.class, () -> db.atomic(tx -> {
            tx.onCommit(() -> calls.add("never"));
            throw new IllegalStateException("rollback");
        }));
        db.atomic(tx -> {
            assertThrows(IllegalStateException.class, () -> tx.atomic(inner -> {
                inner.onCommit(() -> calls.add("discarded with its savepoint"));
                throw new IllegalStateException("inner");
            }));
            tx.onCommit(() -> calls.add("kept"));
            return null;
        });
        assertEquals(List.of("kept"), calls);
    }

    @Test
    void aFailingOnCommitCallbackDoesNotUndoTheCommit() {
        List<String> calls = new CopyOnWriteArrayList<>();
        db.atomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            tx.onCommit(() -> {
                throw new IllegalStateException("callback fails");
            });
            tx.onCommit(() -> calls.add("next still runs"));
            return null;
        });
        assertEquals(1, simple().count());
        assertEquals(List.of("next still runs"), calls);
    }

    @Test
    void usingATransactionAfterItsBlockThrowsTransactionException() {
        AtomicReference<Transaction> leaked = new AtomicReference<>();
        db.atomic(tx -> {
            assertTrue(tx.isActive());
            leaked.set(tx);
            return null;
        });
        Transaction tx = leaked.get();
        assertFalse(tx.isActive());
        assertThrows(TransactionException.class, () -> tx.objects(SimpleModel.class).count());
        assertThrows(TransactionException.class, () -> tx.objects(SimpleModel.class).create(new SimpleModel(1)));
        assertThrows(TransactionException.class, tx::savepoint);
        assertThrows(TransactionException.class, () -> tx.onCommit(() -> { }));
        assertThrows(TransactionException.class, () -> tx.raw(SimpleModel.class, "SELECT * FROM simple_model").list());
        assertEquals(0, simple().count());
    }

    @Test
    void rawQueriesRunInsideTheTransaction() {
        db.atomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(5));
            assertEquals(1, tx.raw(SimpleModel.class, "SELECT * FROM simple_model WHERE field = ?", 5).list().size());
            return null;
        });
    }

    @Test
    void isolationLevelIsApplied() {
        String level = db.atomic(TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE),
                tx -> tx.raw(Book.class, "SELECT 1 AS id, current_setting('transaction_isolation') AS title")
                        .list().getFirst().getTitle());
        assertEquals("serializable", level);
    }

    @Test
    void aReadOnlyTransactionRefusesWrites() {
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.atomic(
                TransactionOptions.defaults().readOnly(true), tx -> tx.objects(SimpleModel.class).create(new SimpleModel(1))));
        assertEquals("25006", e.sqlState());
        assertEquals(0, simple().count());
    }

    @Test
    void aTimeoutCancelsAStatementThatRunsTooLong() {
        assumeFeature(f -> f.statementTimeout(), "statement timeouts");
        long start = System.nanoTime();
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.atomic(
                TransactionOptions.defaults().timeout(Duration.ofMillis(300)),
                tx -> tx.raw(SimpleModel.class, "SELECT 1::bigint AS id, 1 AS field FROM pg_sleep(10)").list()));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "the statement was cut short");
        assertEquals("57014", e.sqlState());
        assertEquals(0, simple().count());
        assertEquals(0L, (long) db.atomic(tx -> tx.objects(SimpleModel.class).count()), "the pool still works");
    }

    @Test
    void selectForUpdateLocksTheRowsUntilTheEnd() throws Exception {
        SimpleModel row = simple().create(new SimpleModel(1));
        db.atomic(tx -> {
            SimpleModel locked = tx.objects(SimpleModel.class).selectForUpdate().get("pk", row.getId());
            assertEquals(1, locked.getField());
            try (Connection c = database.jdbc(); java.sql.Statement s = c.createStatement()) {
                SQLException e = assertThrows(SQLException.class,
                        () -> s.execute("SELECT * FROM simple_model WHERE id = " + row.getId() + " FOR UPDATE NOWAIT"));
                assertEquals("55P03", e.getSQLState(), "another session cannot lock the row");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        sql("SELECT * FROM simple_model WHERE id = " + row.getId() + " FOR UPDATE NOWAIT"); // released at commit
    }

    @Test
    void selectForUpdateOutsideATransactionIsRefused() {
        assertThrows(TransactionException.class, () -> simple().selectForUpdate().list());
        assertThrows(TransactionException.class, () -> simple().selectForUpdate().get("field", 1));
    }

    @Test
    void selectForUpdateSkipLockedSkipsRowsLockedElsewhere() throws Exception {
        assumeFeature(f -> f.skipLocked(), "SKIP LOCKED");
        SimpleModel a = simple().create(new SimpleModel(1));
        simple().create(new SimpleModel(2));
        try (Connection c = database.jdbc()) {
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SELECT * FROM simple_model WHERE id = " + a.getId() + " FOR UPDATE");
                List<Integer> free = db.atomic(tx -> tx.objects(SimpleModel.class).selectForUpdate(false, true)
                        .orderBy("field").valuesListFlat("field", Integer.class).list());
                assertEquals(List.of(2), free);
                assertThrows(DatabaseException.class, () -> db.atomic(tx -> tx.objects(SimpleModel.class)
                        .selectForUpdate(true, false).filter("pk", a.getId()).list()));
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void nowaitAndSkipLockedExcludeEachOther() {
        assertThrows(IllegalArgumentException.class, () -> db.atomic(tx ->
                tx.objects(SimpleModel.class).selectForUpdate(true, true).list()));
    }
}
