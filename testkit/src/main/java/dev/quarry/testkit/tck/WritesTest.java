package dev.quarry.testkit.tck;

import dev.quarry.Created;
import dev.quarry.Deleted;
import dev.quarry.DoesNotExistException;
import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.Manager;
import dev.quarry.MultipleObjectsReturnedException;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.SimpleModel;
import dev.quarry.testkit.models.Status;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.tck.Fixtures.article;
import static dev.quarry.testkit.tck.Fixtures.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** create, update, delete, getOrCreate, updateOrCreate and the Manager's save/delete/refreshFromDb, sync. */
class WritesTest extends TckBase {

    private Manager<Article> articles;

    @Override
    protected List<Class<?>> models() {
        return List.of(Article.class, SimpleModel.class);
    }

    private Manager<Article> articles() {
        if (articles == null) {
            articles = db.objects(Article.class);
        }
        return articles;
    }

    private Manager<SimpleModel> simple() {
        return db.objects(SimpleModel.class);
    }

    @Test
    void createFromFieldsFillsThePkAndStoresTheValues() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "From map");
        fields.put("views", 7);
        fields.put("status", Status.DRAFT);
        Article created = articles().create(fields);
        assertNotNull(created.getId());
        assertEquals("From map", created.getTitle());
        Article loaded = articles().get("pk", created.getId());
        assertEquals(7, loaded.getViews());
        assertEquals(Status.DRAFT, loaded.getStatus());
    }

    @Test
    void createFromAnInstanceFillsItsPkAndReturnsIt() {
        Article a = article("Instance", Status.PUBLISHED, 3, 1, 2.5);
        Article returned = articles().create(a);
        assertSame(a, returned);
        assertNotNull(a.getId());
        assertEquals(2.5, articles().get("pk", a.getId()).getRating());
    }

    @Test
    void transientFieldsAreNeverStored() {
        Article a = new Article("Transient");
        a.setScratch("not stored");
        articles().create(a);
        assertNull(articles().get("pk", a.getId()).getScratch());
    }

    @Test
    void updateChangesMatchingRowsAndReturnsTheirNumber() {
        articles().create(article("a", Status.DRAFT, 1, 0, null));
        articles().create(article("b", Status.DRAFT, 2, 0, null));
        articles().create(article("c", Status.PUBLISHED, 3, 0, null));
        long n = articles().filter("status", Status.DRAFT).update(Map.of("status", Status.ARCHIVED, "views", 100));
        assertEquals(2, n);
        assertEquals(List.of("a", "b"), titles(articles().filter("status", Status.ARCHIVED).filter("views", 100)));
        assertEquals(3, articles().get("title", "c").getViews());
    }

    @Test
    void updateWithFExpressionsComputesFromTheRow() {
        articles().create(article("a", Status.DRAFT, 10, 2, null));
        articles().create(article("b", Status.DRAFT, 20, 5, null));
        articles().update(Map.of("views", F.of("views").plus(1)));
        assertEquals(11, articles().get("title", "a").getViews());
        articles().update(Map.of("views", F.of("views").times(F.of("likes")).minus(2)));
        assertEquals(20, articles().get("title", "a").getViews());
        assertEquals(103, articles().get("title", "b").getViews());
        articles().filter("title", "b").update(Map.of("likes", F.of("views").div(10)));
        assertEquals(10, articles().get("title", "b").getLikes());
    }

    @Test
    void updateCanSetNull() {
        Article a = articles().create(article("a", Status.DRAFT, 1, 0, 4.0));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rating", null);
        assertEquals(1, articles().update(values));
        assertNull(articles().get("pk", a.getId()).getRating());
    }

    @Test
    void deleteRemovesMatchingRowsAndCountsThemPerModel() {
        articles().create(article("a", Status.DRAFT, 1, 0, null));
        articles().create(article("b", Status.DRAFT, 2, 0, null));
        articles().create(article("c", Status.PUBLISHED, 3, 0, null));
        Deleted deleted = articles().filter("status", Status.DRAFT).delete();
        assertEquals(2, deleted.count());
        assertEquals(Map.of("Article", 2L), deleted.perModel());
        assertEquals(List.of("c"), titles(articles().all()));
        assertEquals(0, articles().filter("title", "zzz").delete().count());
    }

    @Test
    void getOrCreateCreatesWhenMissingThenGets() {
        Created<SimpleModel> first = simple().getOrCreate(Map.of("field", 4));
        assertTrue(first.created());
        assertNotNull(first.object().getId());
        assertEquals(4, first.object().getField());
        Created<SimpleModel> second = simple().getOrCreate(Map.of("field", 4));
        assertFalse(second.created());
        assertEquals(first.object(), second.object());
        assertEquals(1, simple().count());
    }

    @Test
    void getOrCreateUsesDefaultsOnlyWhenCreating() {
        Created<Article> made = articles().getOrCreate(Map.of("slug", "s"), Map.of("title", "Made", "views", 5));
        assertTrue(made.created());
        assertEquals("Made", made.object().getTitle());
        assertEquals(5, articles().get("slug", "s").getViews());
        Created<Article> found = articles().getOrCreate(Map.of("slug", "s"), Map.of("title", "Other", "views", 9));
        assertFalse(found.created());
        assertEquals("Made", found.object().getTitle());
        assertEquals(5, articles().get("slug", "s").getViews());
    }

    @Test
    void getOrCreateCreatesFromExactLookupsOnly() {
        Created<Article> made = articles().getOrCreate(Map.of("title__iexact", "hello"), Map.of("title", "Hello"));
        assertTrue(made.created());
        assertEquals("Hello", articles().get("pk", made.object().getId()).getTitle());
        Created<Article> found = articles().getOrCreate(Map.of("title__iexact", "HELLO"), Map.of("title", "HELLO"));
        assertFalse(found.created());
        assertEquals(made.object().getId(), found.object().getId());
    }

    @Test
    void getOrCreateRaisesWhenSeveralRowsMatch() {
        simple().create(new SimpleModel(1));
        simple().create(new SimpleModel(1));
        assertThrows(MultipleObjectsReturnedException.class, () -> simple().getOrCreate(Map.of("field", 1)));
    }

    @Test
    void updateOrCreateUpdatesTheExistingRow() {
        SimpleModel s1 = simple().create(new SimpleModel(1));
        Created<SimpleModel> updated = simple().updateOrCreate(Map.of("id", s1.getId()), Map.of("field", 2));
        assertFalse(updated.created());
        assertEquals(s1, updated.object());
        assertEquals(2, updated.object().getField());
        assertEquals(2, simple().get("pk", s1.getId()).getField());
        assertEquals(1, simple().count());
    }

    @Test
    void updateOrCreateCreatesFromLookupAndDefaults() {
        Created<Article> made = articles().updateOrCreate(Map.of("slug", "u"), Map.of("title", "U", "views", 3));
        assertTrue(made.created());
        Article loaded = articles().get("slug", "u");
        assertEquals("U", loaded.getTitle());
        assertEquals(3, loaded.getViews());
    }

    @Test
    void updateOrCreateCreatesFromCreateDefaultsWhenGiven() {
        simple().create(new SimpleModel(1));
        Created<SimpleModel> made = simple().updateOrCreate(Map.of("field", 5), Map.of("field", 7), Map.of("field", 6));
        assertTrue(made.created());
        assertEquals(6, made.object().getField());
        assertEquals(2, simple().count());
        Created<SimpleModel> updated = simple().updateOrCreate(Map.of("field", 6), Map.of("field", 7), Map.of("field", 8));
        assertFalse(updated.created());
        assertEquals(7, updated.object().getField());
        assertEquals(List.of(1, 7), simple().orderBy("field").valuesListFlat("field", Integer.class).list());
    }

    @Test
    void saveInsertsWhenThePkIsUnsetAndUpdatesAfterwards() {
        Article a = article("Saved", Status.DRAFT, 1, 0, null);
        articles().save(a);
        assertNotNull(a.getId());
        Long id = a.getId();
        a.setTitle("Saved again");
        a.setViews(2);
        articles().save(a);
        assertEquals(id, a.getId());
        assertEquals(1, articles().count());
        Article loaded = articles().get("pk", id);
        assertEquals("Saved again", loaded.getTitle());
        assertEquals(2, loaded.getViews());
    }

    @Test
    void saveWithAPkButNoRowInserts() {
        Article a = article("Ghost", Status.DRAFT, 1, 0, null);
        a.setId(4242L);
        articles().save(a);
        assertEquals("Ghost", articles().get("pk", 4242L).getTitle());
    }

    @Test
    void saveWithUpdateFieldsWritesOnlyThoseFields() {
        Article a = articles().create(article("Partial", Status.DRAFT, 1, 1, null));
        a.setTitle("Changed");
        a.setViews(99);
        articles().save(a, "views");
        Article loaded = articles().get("pk", a.getId());
        assertEquals(99, loaded.getViews());
        assertEquals("Partial", loaded.getTitle());
    }

    @Test
    void saveWithUpdateFieldsNeedsAPkAndKnownFields() {
        assertThrows(IllegalArgumentException.class, () -> articles().save(new Article("no pk"), "title"));
        Article a = articles().create(new Article("x"));
        assertThrows(FieldException.class, () -> articles().save(a, "nope"));
    }

    @Test
    void deleteOfAnInstanceRemovesItsRowAndClearsItsPk() {
        Article a = articles().create(new Article("gone"));
        Article b = articles().create(new Article("kept"));
        Deleted deleted = articles().delete(a);
        assertEquals(1, deleted.count());
        assertEquals(Map.of("Article", 1L), deleted.perModel());
        assertNull(a.getId());
        assertEquals(List.of("kept"), titles(articles().all()));
        assertNotNull(b.getId());
    }

    @Test
    void deleteOfAnInstanceWithoutPkIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> articles().delete(new Article("unsaved")));
    }

    @Test
    void refreshFromDbReloadsEveryField() {
        Article a = articles().create(article("Fresh", Status.DRAFT, 1, 0, null));
        articles().filter("pk", a.getId()).update(Map.of("views", 20, "title", "Fresher", "rating", 1.5));
        a.setScratch("kept");
        articles().refreshFromDb(a);
        assertEquals(20, a.getViews());
        assertEquals("Fresher", a.getTitle());
        assertEquals(1.5, a.getRating());
    }

    @Test
    void refreshFromDbOfADeletedRowRaisesDoesNotExist() {
        Article a = articles().create(new Article("Deleted"));
        articles().filter("pk", a.getId()).delete();
        DoesNotExistException e = assertThrows(DoesNotExistException.class, () -> articles().refreshFromDb(a));
        assertEquals("Article matching query does not exist.", e.getMessage());
    }

    @Test
    void refreshFromDbThroughAQuerySetUsesIt() {
        Article a = articles().create(article("From", Status.DRAFT, 1, 0, null));
        articles().filter("pk", a.getId()).update(Map.of("views", 5));
        articles().refreshFromDb(a, articles().filter("status", Status.DRAFT));
        assertEquals(5, a.getViews());
        assertThrows(DoesNotExistException.class,
                () -> articles().refreshFromDb(a, articles().filter("status", Status.PUBLISHED)));
    }

    @Test
    void sqlLookingValuesAreStoredVerbatim() throws Exception {
        List<String> hostile = List.of("'; DROP TABLE tck_article; --", "Robert'); DROP TABLE students;--",
                "\" OR 1=1 --", "back\\slash", "100% _wild_ ?", "$1 $$quoted$$", "line\nbreak", "émoji 🎉");
        for (String value : hostile) {
            Article a = articles().create(new Article(value));
            assertEquals(value, articles().get("pk", a.getId()).getTitle());
            assertEquals(a.getId(), articles().get("title", value).getId());
        }
        assertTrue(tableExists("tck_article"));
        assertEquals((long) hostile.size(), ((Number) sqlValue("SELECT count(*) FROM tck_article")).longValue());
    }
}
