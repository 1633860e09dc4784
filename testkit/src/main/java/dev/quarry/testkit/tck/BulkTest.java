package dev.quarry.testkit.tck;

import dev.quarry.BulkOptions;
import dev.quarry.IntegrityException;
import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.SimpleModel;
import dev.quarry.testkit.models.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.quarry.testkit.tck.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bulkCreate (batches, conflicts) and bulkUpdate, sync; the twins are in AsyncTwinsTest. */
class BulkTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class, Article.class);
    }

    private Manager<SimpleModel> simple() {
        return db.objects(SimpleModel.class);
    }

    private Manager<Article> articles() {
        return db.objects(Article.class);
    }

    private static List<SimpleModel> simpleModels(int from, int to) {
        return IntStream.range(from, to).mapToObj(SimpleModel::new).collect(java.util.stream.Collectors.toList());
    }

    private static Article slugged(String slug, int views) {
        Article a = article(slug.toUpperCase(java.util.Locale.ROOT), Status.DRAFT, views, 0, null);
        a.setSlug(slug);
        return a;
    }

    @Test
    void bulkCreateInsertsEveryObjectAndFillsPksInOrder() {
        List<SimpleModel> objs = simpleModels(0, 10);
        List<SimpleModel> created = simple().bulkCreate(objs);
        assertEquals(10, created.size());
        for (int i = 0; i < 10; i++) {
            assertSame(objs.get(i), created.get(i), "bulkCreate returns the objects it was given");
            assertNotNull(objs.get(i).getId());
            assertEquals(i, simple().get("pk", objs.get(i).getId()).getField(), "pk " + i + " points at its own row");
        }
        assertEquals(10, new HashSet<>(objs.stream().map(SimpleModel::getId).toList()).size());
        assertEquals(10, simple().count());
    }

    @Test
    void bulkCreateOfNothingReturnsAnEmptyList() {
        assertEquals(List.of(), simple().bulkCreate(new ArrayList<>()));
        assertEquals(0, simple().count());
    }

    @Test
    void bulkCreateWithBatchSizeInsertsEveryBatch() {
        List<SimpleModel> objs = simpleModels(0, 25);
        simple().bulkCreate(objs, BulkOptions.defaults().batchSize(7));
        assertEquals(25, simple().count());
        assertTrue(objs.stream().allMatch(o -> o.getId() != null), "every batch filled its pks");
        assertEquals(24, simple().get("pk", objs.get(24).getId()).getField());
        assertEquals(0, simple().get("pk", objs.get(0).getId()).getField());
    }

    @Test
    void batchSizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> BulkOptions.defaults().batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> BulkOptions.defaults().batchSize(-3));
        assertThrows(IllegalArgumentException.class, () -> simple().bulkUpdate(List.of(), List.of("field"), 0));
    }

    @Test
    void bulkCreateViolatingAConstraintInsertsNothing() {
        articles().create(slugged("taken", 1));
        List<Article> objs = List.of(slugged("a", 1), slugged("b", 2), slugged("c", 3), slugged("taken", 4));
        IntegrityException e = assertThrows(IntegrityException.class,
                () -> articles().bulkCreate(objs, BulkOptions.defaults().batchSize(2)));
        assertEquals("23505", e.sqlState());
        assertEquals(1, articles().count(), "bulkCreate runs in one transaction: the first batch is rolled back");
    }

    @Test
    void bulkCreateIgnoringConflictsSkipsConflictingRows() {
        assumeFeature(f -> f.upsert(), "upsert");
        articles().create(slugged("taken", 1));
        articles().bulkCreate(List.of(slugged("new", 2), slugged("taken", 99), slugged("other", 3)),
                BulkOptions.defaults().ignoreConflicts(true));
        assertEquals(3, articles().count());
        assertEquals(1, articles().get("slug", "taken").getViews(), "the existing row is left alone");
        assertEquals(2, articles().get("slug", "new").getViews());
    }

    @Test
    void bulkCreateUpdatingConflictsUpsertsTheNamedFields() {
        assumeFeature(f -> f.upsert(), "upsert");
        Article existing = articles().create(slugged("taken", 1));
        Article clash = slugged("taken", 50);
        clash.setTitle("CLASH");
        articles().bulkCreate(List.of(slugged("new", 2), clash),
                BulkOptions.defaults().updateConflicts(List.of("views"), List.of("slug")));
        assertEquals(2, articles().count());
        Article reloaded = articles().get("pk", existing.getId());
        assertEquals(50, reloaded.getViews(), "views was updated from the conflicting object");
        assertEquals("TAKEN", reloaded.getTitle(), "title was not in updateFields");
    }

    @Test
    void updateConflictsNeedsFieldsToUpdate() {
        assertThrows(IllegalArgumentException.class, () -> BulkOptions.defaults().updateConflicts(List.of(), List.of("slug")));
    }

    @Test
    void bulkUpdateWritesTheNamedFieldsOfEveryObject() {
        List<SimpleModel> objs = simple().bulkCreate(simpleModels(1, 4));
        objs.forEach(o -> o.setField(o.getField() * 10));
        long n = simple().bulkUpdate(objs, List.of("field"));
        assertEquals(3, n);
        assertEquals(List.of(10, 20, 30), simple().orderBy("pk").valuesListFlat("field", Integer.class).list());
    }

    @Test
    void bulkUpdateLeavesOtherFieldsAlone() {
        Article a = articles().create(article("a", Status.DRAFT, 1, 1, null));
        Article b = articles().create(article("b", Status.DRAFT, 2, 2, null));
        a.setViews(100);
        a.setTitle("not saved");
        b.setViews(200);
        assertEquals(2, articles().bulkUpdate(List.of(a, b), List.of("views")));
        assertEquals("a", articles().get("pk", a.getId()).getTitle());
        assertEquals(200, articles().get("pk", b.getId()).getViews());
    }

    @Test
    void bulkUpdateWithBatchSizeUpdatesEveryBatch() {
        List<SimpleModel> objs = simple().bulkCreate(simpleModels(0, 11));
        objs.forEach(o -> o.setField(o.getField() + 100));
        assertEquals(11, simple().bulkUpdate(objs, List.of("field"), 3));
        assertEquals(11, simple().filter("field__gte", 100).count());
    }

    @Test
    void bulkUpdateOfNothingUpdatesNothing() {
        assertEquals(0, simple().bulkUpdate(List.of(), List.of("field")));
    }

    @Test
    void bulkUpdateRejectsObjectsWithoutPkAndBadFieldLists() {
        SimpleModel saved = simple().create(new SimpleModel(1));
        assertThrows(IllegalArgumentException.class, () -> simple().bulkUpdate(List.of(new SimpleModel(2)), List.of("field")));
        assertThrows(IllegalArgumentException.class, () -> simple().bulkUpdate(List.of(saved), List.of()));
        assertThrows(IllegalArgumentException.class, () -> simple().bulkUpdate(List.of(saved), List.of("id")));
        assertEquals(Map.of(saved.getId(), saved), simple().inBulk());
        assertEquals(1, simple().get("pk", saved.getId()).getField());
    }
}
