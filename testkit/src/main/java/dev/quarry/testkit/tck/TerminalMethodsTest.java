package dev.quarry.testkit.tck;

import dev.quarry.DoesNotExistException;
import dev.quarry.Manager;
import dev.quarry.MultipleObjectsReturnedException;
import dev.quarry.Q;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.SimpleModel;
import dev.quarry.testkit.models.Status;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.quarry.testkit.tck.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** get/first/last/latest/earliest/count/exists/contains/list/inBulk/explain, sync; the twins are in AsyncTwinsTest. */
class TerminalMethodsTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class, Article.class);
    }

    private Manager<SimpleModel> simple() {
        return db.objects(SimpleModel.class);
    }

    private List<SimpleModel> threeSimpleModels() {
        return List.of(
                simple().create(new SimpleModel(1, LocalDateTime.of(2022, 1, 1, 0, 0, 0))),
                simple().create(new SimpleModel(2, LocalDateTime.of(2022, 1, 1, 0, 0, 1))),
                simple().create(new SimpleModel(3, LocalDateTime.of(2022, 1, 1, 0, 0, 2))));
    }

    @Test
    void getReturnsTheSingleMatchingRowWithEveryField() {
        List<SimpleModel> s = threeSimpleModels();
        SimpleModel got = simple().get("field", 2);
        assertEquals(s.get(1).getId(), got.getId());
        assertEquals(2, got.getField());
        assertEquals(LocalDateTime.of(2022, 1, 1, 0, 0, 1), got.getCreated());
        assertEquals(s.get(2), simple().get(Q.of("field__gt", 2)));
        assertEquals(s.get(0), simple().get(Map.of("field", 1, "created", LocalDateTime.of(2022, 1, 1, 0, 0, 0))));
        assertEquals(s.get(0), simple().filter("field__lt", 2).get());
    }

    @Test
    void getRaisesDoesNotExistWithDjangosMessage() {
        threeSimpleModels();
        DoesNotExistException e = assertThrows(DoesNotExistException.class, () -> simple().get("field", 4));
        assertEquals("SimpleModel matching query does not exist.", e.getMessage());
        assertThrows(DoesNotExistException.class, () -> simple().none().get());
    }

    @Test
    void getRaisesMultipleObjectsReturnedWithTheCount() {
        threeSimpleModels();
        MultipleObjectsReturnedException e = assertThrows(MultipleObjectsReturnedException.class,
                () -> simple().get("field__lte", 2));
        assertEquals("get() returned more than one SimpleModel -- it returned 2!", e.getMessage());
        MultipleObjectsReturnedException all = assertThrows(MultipleObjectsReturnedException.class, () -> simple().get());
        assertEquals("get() returned more than one SimpleModel -- it returned 3!", all.getMessage());
    }

    @Test
    void firstAndLastOrderByPkWhenUnordered() {
        List<SimpleModel> s = threeSimpleModels();
        // make field order differ from pk order
        simple().filter("pk", s.get(0).getId()).update(Map.of("field", 9));
        assertEquals(s.get(0), simple().first().orElseThrow());
        assertEquals(s.get(2), simple().last().orElseThrow());
    }

    @Test
    void firstAndLastFollowAnExplicitOrdering() {
        List<SimpleModel> s = threeSimpleModels();
        assertEquals(s.get(2), simple().orderBy("-field").first().orElseThrow());
        assertEquals(s.get(0), simple().orderBy("-field").last().orElseThrow());
        assertEquals(s.get(1), simple().filter("field__gte", 2).first().orElseThrow());
    }

    @Test
    void firstAndLastOfNothingAreEmpty() {
        threeSimpleModels();
        assertTrue(simple().filter("field", 4).first().isEmpty());
        assertTrue(simple().filter("field", 4).last().isEmpty());
    }

    @Test
    void latestAndEarliestPickByTheNamedField() {
        List<SimpleModel> s = threeSimpleModels();
        assertEquals(s.get(2), simple().latest("created"));
        assertEquals(s.get(0), simple().latest("-created"));
        assertEquals(s.get(0), simple().earliest("created"));
        assertEquals(s.get(2), simple().earliest("-created"));
        assertEquals(s.get(1), simple().filter("field__lt", 3).latest("created"));
    }

    @Test
    void latestAndEarliestBreakTiesWithFurtherFields() {
        SimpleModel x = simple().create(new SimpleModel(1, LocalDateTime.of(2022, 1, 1, 0, 0)));
        SimpleModel y = simple().create(new SimpleModel(2, LocalDateTime.of(2022, 1, 1, 0, 0)));
        assertEquals(y, simple().latest("created", "field"));
        assertEquals(x, simple().earliest("created", "field"));
        assertEquals(x, simple().latest("created", "-field"));
    }

    @Test
    void latestAndEarliestOfNothingRaiseDoesNotExist() {
        DoesNotExistException e = assertThrows(DoesNotExistException.class, () -> simple().latest("created"));
        assertEquals("SimpleModel matching query does not exist.", e.getMessage());
        assertThrows(DoesNotExistException.class, () -> simple().earliest("created"));
    }

    @Test
    void latestWithoutFieldsIsRejected() {
        threeSimpleModels();
        assertThrows(IllegalArgumentException.class, () -> simple().latest());
        assertThrows(IllegalArgumentException.class, () -> simple().earliest());
    }

    @Test
    void countAndExistsReflectTheFilter() {
        threeSimpleModels();
        assertEquals(3, simple().count());
        assertEquals(2, simple().filter("field__gte", 2).count());
        assertEquals(0, simple().filter("field", 4).count());
        assertTrue(simple().filter("field", 1).exists());
        assertFalse(simple().filter("field", 4).exists());
    }

    @Test
    void containsTellsWhetherTheInstanceIsAmongTheRows() {
        List<SimpleModel> s = threeSimpleModels();
        assertTrue(simple().contains(s.get(0)));
        assertFalse(simple().filter("field__gt", 1).contains(s.get(0)));
        SimpleModel unknown = new SimpleModel(4);
        unknown.setId(s.get(2).getId() + 1);
        assertFalse(simple().contains(unknown));
    }

    @Test
    void containsRejectsAnInstanceWithoutPk() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> simple().contains(new SimpleModel(1)));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "the exception explains the rule");
    }

    @Test
    void listReturnsEveryRowAsModelInstances() {
        List<SimpleModel> s = threeSimpleModels();
        List<SimpleModel> listed = simple().orderBy("pk").list();
        assertEquals(s, listed);
        assertEquals(List.of(1, 2, 3), listed.stream().map(SimpleModel::getField).toList());
    }

    @Test
    void inBulkMapsPksToInstances() {
        List<SimpleModel> s = threeSimpleModels();
        Map<Object, SimpleModel> all = simple().inBulk();
        assertEquals(Set.of(s.get(0).getId(), s.get(1).getId(), s.get(2).getId()), all.keySet());
        assertEquals(2, all.get(s.get(1).getId()).getField());
        assertEquals(Map.of(s.get(1).getId(), s.get(1)), simple().inBulk(List.of(s.get(1).getId())));
        assertEquals(Map.of(s.get(1).getId(), s.get(1)), simple().inBulk(List.of(s.get(1).getId()), "id"));
        assertEquals(Map.of(s.get(1).getId(), s.get(1)), simple().inBulk(List.of(s.get(1).getId()), "pk"));
    }

    @Test
    void inBulkOfNoIdsIsEmpty() {
        threeSimpleModels();
        assertEquals(Map.of(), simple().inBulk(List.of()));
        assertEquals(Map.of(), simple().inBulk(List.of(-1L)));
    }

    @Test
    void inBulkByAUniqueFieldKeysByThatField() {
        Manager<Article> articles = db.objects(Article.class);
        Article one = article("One", Status.DRAFT, 1, 0, null);
        one.setSlug("one");
        Article two = article("Two", Status.DRAFT, 2, 0, null);
        two.setSlug("two");
        articles.create(one);
        articles.create(two);
        Map<Object, Article> bySlug = articles.inBulk(List.of("one", "two", "three"), "slug");
        assertEquals(Set.of("one", "two"), bySlug.keySet());
        assertEquals(one.getId(), bySlug.get("one").getId());
        assertEquals("Two", bySlug.get("two").getTitle());
    }

    @Test
    void inBulkByANonUniqueFieldIsRejected() {
        Manager<Article> articles = db.objects(Article.class);
        articles.create(article("One", Status.DRAFT, 1, 0, null));
        assertThrows(IllegalArgumentException.class, () -> articles.inBulk(List.of("One"), "title"));
    }

    @Test
    void explainReturnsThePlanAsText() {
        threeSimpleModels();
        String plan = simple().filter("field", 1).explain();
        assertTrue(plan.contains("Scan"), () -> "a PostgreSQL text plan names its scan: " + plan);
        String text = simple().filter("field", 1).explain("text");
        assertTrue(text.contains("Scan"), text);
    }

    @Test
    void explainAsJsonReturnsAJsonPlan() {
        threeSimpleModels();
        String json = simple().filter("field", 1).explain("json").strip();
        assertTrue(json.startsWith("[") && json.endsWith("]"), () -> "a JSON array: " + json);
        assertTrue(json.contains("\"Plan\""), json);
        String yaml = simple().explain("yaml");
        assertTrue(yaml.contains("Plan"), yaml);
        String xml = simple().explain("xml").strip();
        assertTrue(xml.startsWith("<explain"), xml);
    }

    @Test
    void explainRejectsAnUnknownFormat() {
        assertThrows(IllegalArgumentException.class, () -> simple().explain("bogus"));
        assertThrows(IllegalArgumentException.class, () -> simple().explain("json) SELECT 1; --"));
        assertEquals(0, simple().count());
    }
}
