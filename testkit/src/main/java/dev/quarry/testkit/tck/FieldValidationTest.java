package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.Manager;
import dev.quarry.Q;
import dev.quarry.testkit.Async;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unknown fields and lookups, including hostile ones, raise {@link FieldException} whose message lists the valid
 * choices, whatever method receives them; nothing reaches the database and the table stays intact.
 */
class FieldValidationTest extends TckBase {

    private static final List<String> HOSTILE = List.of("id; DROP TABLE tck_article", "title\" --",
            "title') OR 1=1 --", "views/**/", "nope", "ti tle", "", "scratch");

    private Manager<Article> articles;

    @Override
    protected List<Class<?>> models() {
        return List.of(Article.class);
    }

    @BeforeEach
    void createArticle() {
        articles = db.objects(Article.class);
        articles.create(new Article("survivor"));
    }

    /** Runs {@code call} (building or evaluating), expects FieldException listing the fields, checks the table. */
    private void assertRejected(String what, Executable call) throws Exception {
        FieldException e = assertThrows(FieldException.class, call, what);
        String message = e.getMessage();
        assertTrue(message != null && message.contains("title") && message.contains("views"),
                () -> what + ": the message lists the valid fields: " + message);
        assertTrue(tableExists("tck_article"), what + " left the table in place");
        assertEquals(1L, ((Number) sqlValue("SELECT count(*) FROM tck_article")).longValue(), what + " changed no row");
    }

    @Test
    void unknownAndHostileFieldNamesInFilterAreRejected() throws Exception {
        for (String field : HOSTILE) {
            assertRejected("filter(" + field + ")", () -> articles.filter(field, 1).count());
            assertRejected("exclude(" + field + ")", () -> articles.exclude(field, 1).list());
            assertRejected("Q(" + field + ")", () -> articles.filter(Q.of(field, 1).or(Q.of("views", 1))).exists());
            assertRejected("get(" + field + ")", () -> articles.get(field, 1));
        }
    }

    @Test
    void unknownLookupsAreRejectedListingTheLookups() throws Exception {
        for (String lookup : List.of("title__bogus", "title__exact; DROP TABLE tck_article", "views__gt\"")) {
            FieldException e = assertThrows(FieldException.class, () -> articles.filter(lookup, 1).count(), lookup);
            assertTrue(e.getMessage().contains("exact") && e.getMessage().contains("icontains"),
                    () -> lookup + ": the message lists the lookups: " + e.getMessage());
        }
        assertTrue(tableExists("tck_article"));
    }

    @Test
    void aTransientFieldIsNotQueryable() throws Exception {
        assertRejected("filter(scratch)", () -> articles.filter("scratch", "x").count());
        assertRejected("orderBy(scratch)", () -> articles.orderBy("scratch").list());
    }

    @Test
    void hostileNamesInOrderingAreRejected() throws Exception {
        for (String field : HOSTILE) {
            String descending = "-" + field;
            assertRejected("orderBy(" + field + ")", () -> articles.orderBy(field).list());
            assertRejected("orderBy(" + descending + ")", () -> articles.orderBy(descending).list());
        }
    }

    @Test
    void hostileNamesInValuesOnlyAndDeferAreRejected() throws Exception {
        for (String field : HOSTILE) {
            assertRejected("values(" + field + ")", () -> articles.values("title", field).list());
            assertRejected("valuesList(" + field + ")", () -> articles.valuesList(field).list());
            assertRejected("valuesListFlat(" + field + ")", () -> articles.valuesListFlat(field, Object.class).list());
            assertRejected("only(" + field + ")", () -> articles.only(field).list());
            assertRejected("defer(" + field + ")", () -> articles.defer(field).list());
        }
    }

    @Test
    void hostileNamesInWritesAreRejected() throws Exception {
        for (String field : HOSTILE) {
            assertRejected("update(" + field + ")", () -> articles.update(Map.of(field, 1)));
            assertRejected("update F(" + field + ")", () -> articles.update(Map.of("views", F.of(field))));
            assertRejected("create(" + field + ")", () -> articles.create(Map.of("title", "x", field, 1)));
            assertRejected("getOrCreate(" + field + ")", () -> articles.getOrCreate(Map.of(field, 1)));
            Article a = articles.get("title", "survivor");
            assertRejected("bulkUpdate(" + field + ")", () -> articles.bulkUpdate(List.of(a), List.of(field)));
        }
    }

    @Test
    void hostileNamesInExpressionsAreRejected() throws Exception {
        for (String field : HOSTILE) {
            assertRejected("filter F(" + field + ")", () -> articles.filter("views", F.of(field)).count());
            assertRejected("aggregate(" + field + ")", () -> articles.aggregate(Map.of("x", Aggregate.sum(field))));
            assertRejected("annotate(" + field + ")", () -> articles.annotate("x", F.of(field)).list());
            assertRejected("latest(" + field + ")", () -> articles.latest(field));
        }
    }

    @Test
    void hostileAnnotationAliasesAreRejectedOrQuoted() {
        for (String alias : List.of("x\" FROM tck_article; DROP TABLE tck_article; --", "x; DROP TABLE tck_article")) {
            try {
                List<Map<String, Object>> rows = articles.annotate(alias, F.of("views")).values("title", alias).list();
                assertEquals(1, rows.size());
            } catch (IllegalArgumentException | FieldException expected) {
                // rejecting the alias is as good as quoting it
            }
        }
        assertEquals(1, articles.count());
    }

    @Test
    void asyncTwinsRejectUnknownFieldsWithTheSameException() {
        FieldException sync = assertThrows(FieldException.class, () -> articles.filter("nope", 1).count());
        FieldException async = assertThrows(FieldException.class, () -> Async.await(articles.filter("nope", 1).acount()));
        assertEquals(sync.getMessage(), async.getMessage());
        assertThrows(FieldException.class, () -> Async.await(articles.aupdate(Map.of("nope", 1))));
        assertThrows(FieldException.class, () -> Async.await(articles.orderBy("nope").alist()));
    }

    @Test
    void dateAndTimeTransformsOnlyApplyToDateAndTimeFields() {
        FieldException onNumber = assertThrows(FieldException.class, () -> articles.filter("views__year", 2025));
        assertTrue(onNumber.getMessage().contains("year") && onNumber.getMessage().contains("views"), onNumber.getMessage());
        assertThrows(FieldException.class, () -> articles.filter("title__date", "2025-01-01"));
        assertThrows(FieldException.class, () -> articles.filter("createdOn__hour", 3), "a LocalDate has no hour");
        assertEquals(0, articles.filter("createdOn__year", 1999).count(), "a date part of a date is fine");
        assertEquals(0, articles.filter("publishedAt__hour", 3).count(), "a time part of a timestamp is fine");
    }

    @Test
    void valuesQuarryCannotUseRaiseValueExceptionNamingTheField() {
        dev.quarry.ValueException e = assertThrows(dev.quarry.ValueException.class, () -> articles.filter("views", "abc"));
        assertTrue(e.getMessage().contains("views"), e.getMessage());
        assertThrows(dev.quarry.ValueException.class, () -> articles.filter("views__range", java.util.List.of(1, 2, 3)));
        assertThrows(dev.quarry.ValueException.class, () -> articles.filter("title__isnull", "maybe"));
        assertThrows(IllegalArgumentException.class, () -> articles.create(java.util.Map.of("views", "many")),
                "a ValueException is an IllegalArgumentException, Django's ValueError");
        assertEquals(1L, ((Number) articles.count()).longValue(), "nothing was written");
    }
}
