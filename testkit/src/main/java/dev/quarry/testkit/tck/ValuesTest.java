package dev.quarry.testkit.tck;

import dev.quarry.F;
import dev.quarry.Aggregate;
import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.quarry.testkit.tck.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** values(), valuesList() and valuesListFlat(): rows as maps, lists and single values. */
class ValuesTest extends TckBase {

    private Manager<Article> articles;
    private Article first;

    @Override
    protected List<Class<?>> models() {
        return List.of(Article.class);
    }

    @BeforeEach
    void createArticles() {
        articles = db.objects(Article.class);
        first = article("one", Status.DRAFT, 10, 1, null);
        first.setTeaser("tease");
        articles.create(first);
        articles.create(article("two", Status.PUBLISHED, 20, 2, 2.5));
        articles.create(article("three", Status.PUBLISHED, 20, 3, 3.5));
    }

    @Test
    void valuesWithoutFieldsMapsEveryConcreteFieldByItsJavaName() {
        Map<String, Object> row = articles.values().get("pk", first.getId());
        Set<String> expected = Set.of("id", "title", "slug", "body", "status", "views", "likes", "rating",
                "publishedAt", "createdOn", "uuid", "price", "data", "teaser");
        assertEquals(expected, row.keySet());
        assertEquals("one", row.get("title"));
        assertEquals(10, ((Number) row.get("views")).intValue());
        assertEquals("tease", row.get("teaser"));
        assertTrue(row.containsKey("rating"));
        assertNull(row.get("rating"));
        assertFalse(row.containsKey("scratch"), "a @Transient field has no value to read");
    }

    @Test
    void anAnnotationAddedAfterValuesGroupsByTheNamedFieldsAndAppearsInEachRow() {
        List<Map<String, Object>> rows = articles.values("status").annotate("n", Aggregate.count("id"))
                .orderBy("-n").list();
        assertEquals(2, rows.size());
        assertEquals(Set.of("status", "n"), rows.get(0).keySet());
        assertEquals(Status.PUBLISHED, rows.get(0).get("status"));
        assertEquals(2L, ((Number) rows.get(0).get("n")).longValue());
        assertEquals(1L, ((Number) rows.get(1).get("n")).longValue());
        List<List<Object>> lists = articles.valuesList("status").annotate("total", Aggregate.sum("views"))
                .orderBy("-total").list();
        assertEquals(List.of(Status.PUBLISHED, 40L), List.of(lists.get(0).get(0), ((Number) lists.get(0).get(1)).longValue()),
                "valuesList() rows carry the later annotation too");
    }

    @Test
    void anAnnotationMadeBeforeValuesAppearsOnlyWhenNamed() {
        Map<String, Object> row = articles.annotate("double", F.of("views").times(2)).values("title")
                .get("title", "one");
        assertEquals(Set.of("title"), row.keySet());
        Map<String, Object> named = articles.annotate("double", F.of("views").times(2)).values("title", "double")
                .get("title", "one");
        assertEquals(20L, ((Number) named.get("double")).longValue());
    }

    @Test
    void valuesWithFieldsMapsOnlyThoseInTheirOrder() {
        List<Map<String, Object>> rows = articles.orderBy("title").values("title", "views").list();
        assertEquals(3, rows.size());
        assertEquals(List.of("title", "views"), new ArrayList<>(rows.getFirst().keySet()));
        assertEquals("one", rows.get(0).get("title"));
        assertEquals("three", rows.get(1).get("title"));
        assertEquals(20, ((Number) rows.get(2).get("views")).intValue());
    }

    @Test
    void valuesListGivesValuesInTheNamedOrder() {
        List<List<Object>> rows = articles.orderBy("title").valuesList("views", "title").list();
        assertEquals(3, rows.size());
        assertEquals(2, rows.getFirst().size());
        assertEquals(10, ((Number) rows.get(0).get(0)).intValue());
        assertEquals("one", rows.get(0).get(1));
        assertEquals("two", rows.get(2).get(1));
    }

    @Test
    void valuesListFlatGivesOneTypedValuePerRow() {
        List<String> titles = articles.orderBy("-title").valuesListFlat("title", String.class).list();
        assertEquals(List.of("two", "three", "one"), titles);
        List<Integer> views = articles.orderBy("views", "title").valuesListFlat("views", Integer.class).list();
        assertEquals(List.of(10, 20, 20), views);
        List<Long> ids = articles.orderBy("pk").valuesListFlat("pk", Long.class).list();
        assertEquals(first.getId(), ids.getFirst());
    }

    @Test
    void valuesCombineWithFilterDistinctCountAndFirst() {
        assertEquals(2, articles.filter("views", 20).values("title").count());
        assertEquals(List.of(10, 20), articles.orderBy("views").distinct().valuesListFlat("views", Integer.class).list());
        assertEquals(Map.of("title", "one"), articles.orderBy("title").values("title").first().orElseThrow());
        assertTrue(articles.filter("views", 99).values("title").first().isEmpty());
    }

    @Test
    void valuesIncludeAnnotations() {
        List<Map<String, Object>> rows = articles.annotate("double", F.of("views").times(2)).orderBy("title")
                .values("title", "double").list();
        assertEquals("one", rows.getFirst().get("title"));
        assertEquals(20, ((Number) rows.getFirst().get("double")).intValue());
    }

    @Test
    void valuesListFlatOfANullableField() {
        List<Double> ratings = articles.orderBy("title").valuesListFlat("rating", Double.class).list();
        assertEquals(java.util.Arrays.asList(null, 3.5, 2.5), ratings);
    }

    @Test
    void valuesOfARenamedColumnUsesTheFieldName() {
        assertEquals(List.of("tease"), articles.filter("teaser__isnull", false).valuesListFlat("teaser", String.class).list());
    }

    @Test
    void asyncTwinsOfValuesQuerySetsAgree() {
        assertEquals(articles.orderBy("title").values("title", "views").list(),
                dev.quarry.testkit.Async.await(articles.orderBy("title").values("title", "views").alist()));
        assertEquals(articles.valuesList("title").count(),
                dev.quarry.testkit.Async.await(articles.valuesList("title").acount()));
    }
}
