package dev.quarry.testkit.tck;

import dev.quarry.DatabaseException;
import dev.quarry.DoesNotExistException;
import dev.quarry.IntegrityException;
import dev.quarry.Manager;
import dev.quarry.MultipleObjectsReturnedException;
import dev.quarry.QuarryException;
import dev.quarry.TransactionException;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Book;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.assertTwinsThrow;
import static dev.quarry.testkit.Async.assertTwinsThrowOrFail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exception types of API.md, their messages and SQLStates, and the async twins failing with the same ones. */
class ExceptionsTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class, Article.class, Book.class);
    }

    private Manager<SimpleModel> simple() {
        return db.objects(SimpleModel.class);
    }

    private Manager<Article> articles() {
        return db.objects(Article.class);
    }

    @Test
    void everyQuarryExceptionIsUncheckedUnderOneRoot() {
        assertTrue(RuntimeException.class.isAssignableFrom(QuarryException.class));
        for (Class<?> type : List.of(DoesNotExistException.class, MultipleObjectsReturnedException.class,
                dev.quarry.FieldException.class, DatabaseException.class, IntegrityException.class, TransactionException.class)) {
            assertTrue(QuarryException.class.isAssignableFrom(type), type + " extends QuarryException");
        }
        assertTrue(DatabaseException.class.isAssignableFrom(IntegrityException.class));
    }

    @Test
    void doesNotExistNamesTheModelInBothTwins() {
        DoesNotExistException e = assertTwinsThrow(DoesNotExistException.class,
                () -> simple().get("field", 1), () -> simple().aget("field", 1));
        assertEquals("SimpleModel matching query does not exist.", e.getMessage());
        DoesNotExistException book = assertTwinsThrow(DoesNotExistException.class,
                () -> db.objects(Book.class).get(), () -> db.objects(Book.class).aget());
        assertEquals("Book matching query does not exist.", book.getMessage());
    }

    @Test
    void multipleObjectsReturnedCountsTheRowsInBothTwins() {
        simple().create(new SimpleModel(1));
        simple().create(new SimpleModel(1));
        MultipleObjectsReturnedException e = assertTwinsThrow(MultipleObjectsReturnedException.class,
                () -> simple().get("field", 1), () -> simple().aget(Map.of("field", 1)));
        assertEquals("get() returned more than one SimpleModel -- it returned 2!", e.getMessage());
    }

    @Test
    void latestAndEarliestOfNothingFailAlikeInBothTwins() {
        assertTwinsThrow(DoesNotExistException.class, () -> simple().latest("created"), () -> simple().alatest("created"));
        assertTwinsThrow(DoesNotExistException.class, () -> simple().earliest("field"), () -> simple().aearliest("field"));
    }

    @Test
    void aUniqueViolationIsAnIntegrityExceptionWithSqlStateAndConstraint() {
        Article first = new Article("one");
        first.setSlug("same");
        articles().create(first);
        Article second = new Article("two");
        second.setSlug("same");
        IntegrityException e = assertThrows(IntegrityException.class, () -> articles().create(second));
        assertEquals("23505", e.sqlState());
        assertNotNull(e.constraint(), "PostgreSQL names the violated constraint");
        assertTrue(e.constraint().contains("slug"), () -> "the constraint of the slug column: " + e.constraint());
        Article third = new Article("three");
        third.setSlug("same");
        assertTwinsThrow(IntegrityException.class, () -> articles().create(third), () -> articles().acreate(third));
        assertEquals(1, articles().count());
    }

    @Test
    void aNotNullViolationIsAnIntegrityException() {
        IntegrityException e = assertThrows(IntegrityException.class, () -> articles().create(new Article()));
        assertEquals("23502", e.sqlState());
        assertTwinsThrow(IntegrityException.class, () -> articles().create(Map.of("views", 1)),
                () -> articles().acreate(Map.of("views", 1)));
    }

    @Test
    void anUpdateViolatingAConstraintFailsAlikeInBothTwins() {
        articles().create(new Article("a"));
        Map<String, Object> nullTitle = new java.util.HashMap<>();
        nullTitle.put("title", null);
        IntegrityException e = assertTwinsThrow(IntegrityException.class, () -> articles().update(nullTitle),
                () -> articles().aupdate(nullTitle));
        assertEquals("23502", e.sqlState());
        assertEquals("a", articles().get().getTitle());
    }

    @Test
    void anSqlErrorIsADatabaseExceptionWithItsSqlState() {
        DatabaseException e = assertTwinsThrow(DatabaseException.class,
                () -> db.raw(SimpleModel.class, "SELEC nonsense").list(),
                () -> db.raw(SimpleModel.class, "SELEC nonsense").alist());
        assertEquals("42601", e.sqlState());
        DatabaseException missing = assertThrows(DatabaseException.class,
                () -> db.raw(SimpleModel.class, "SELECT * FROM no_such_table").list());
        assertEquals("42P01", missing.sqlState());
    }

    @Test
    void aDivisionByZeroInAnUpdateIsADatabaseException() {
        simple().create(new SimpleModel(1));
        DatabaseException e = assertTwinsThrow(DatabaseException.class,
                () -> simple().update(Map.of("field", dev.quarry.F.of("field").div(0))),
                () -> simple().aupdate(Map.of("field", dev.quarry.F.of("field").div(0))));
        assertEquals("22012", e.sqlState());
        assertEquals(1, simple().get().getField());
    }

    @Test
    void theDatabaseIsUsableAfterFailures() {
        assertThrows(DatabaseException.class, () -> db.raw(SimpleModel.class, "SELEC 1").list());
        assertThrows(DoesNotExistException.class, () -> simple().get("field", 5));
        simple().create(new SimpleModel(5));
        assertEquals(5, simple().get("field", 5).getField());
    }

    @Test
    void selectForUpdateOutsideATransactionIsATransactionException() {
        simple().create(new SimpleModel(1));
        assertTwinsThrowOrFail(TransactionException.class, () -> simple().selectForUpdate().list(),
                () -> simple().selectForUpdate().alist());
    }

    @Test
    void getOrCreateAndUpdateOrCreateOnSeveralRowsFailAlikeInBothTwins() {
        simple().create(new SimpleModel(1));
        simple().create(new SimpleModel(1));
        assertTwinsThrow(MultipleObjectsReturnedException.class, () -> simple().getOrCreate(Map.of("field", 1)),
                () -> simple().agetOrCreate(Map.of("field", 1)));
        assertTwinsThrow(MultipleObjectsReturnedException.class,
                () -> simple().updateOrCreate(Map.of("field", 1), Map.of("field", 2)),
                () -> simple().aupdateOrCreate(Map.of("field", 1), Map.of("field", 2)));
        assertEquals(List.of(1, 1), simple().valuesListFlat("field", Integer.class).list());
    }

    @Test
    void aBulkCreateConflictFailsAlikeInBothTwins() {
        Article taken = new Article("taken");
        taken.setSlug("taken");
        articles().create(taken);
        Article clash = new Article("clash");
        clash.setSlug("taken");
        assertTwinsThrow(IntegrityException.class, () -> articles().bulkCreate(List.of(clash)),
                () -> articles().abulkCreate(List.of(clash)));
        assertEquals(1, articles().count());
    }

    @Test
    void badInputFailsAlikeInBothTwinsAtCallTimeOrThroughTheFuture() {
        SimpleModel saved = simple().create(new SimpleModel(1));
        SimpleModel unsaved = new SimpleModel(2);
        assertTwinsThrowOrFail(IllegalArgumentException.class, () -> simple().contains(unsaved),
                () -> simple().acontains(unsaved));
        assertTwinsThrowOrFail(IllegalArgumentException.class, () -> simple().inBulk(List.of(1), "field"),
                () -> simple().ainBulk(List.of(1), "field"));
        assertTwinsThrowOrFail(IllegalArgumentException.class, () -> simple().bulkUpdate(List.of(unsaved), List.of("field")),
                () -> simple().abulkUpdate(List.of(unsaved), List.of("field")));
        assertTwinsThrowOrFail(IllegalArgumentException.class, () -> simple().explain("bogus"),
                () -> simple().aexplain("bogus"));
        assertTwinsThrowOrFail(IllegalArgumentException.class, () -> simple().delete(unsaved),
                () -> simple().adelete(unsaved));
        assertTwinsThrowOrFail(IllegalArgumentException.class, () -> simple().latest(), () -> simple().alatest());
        assertTwinsThrowOrFail(dev.quarry.FieldException.class, () -> simple().save(saved, "nope"),
                () -> simple().asave(saved, "nope"));
        assertTwinsThrowOrFail(dev.quarry.FieldException.class, () -> simple().filter("nope", 1).count(),
                () -> simple().filter("nope", 1).acount());
        assertEquals(1, simple().count());
    }
}
