package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.F;
import dev.quarry.Manager;
import dev.quarry.Q;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static dev.quarry.testkit.tck.Fixtures.article;
import static dev.quarry.testkit.tck.Fixtures.titlesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** aggregate() (functions, default aliases, distinct, filter) and annotate() (F and aggregates, filter/order on it). */
class AggregateAnnotateTest extends TckBase {

    private Manager<Article> articles;

    @Override
    protected List<Class<?>> models() {
        return List.of(Article.class);
    }

    @BeforeEach
    void createArticles() {
        articles = db.objects(Article.class);
        articles.create(article("a", Status.PUBLISHED, 10, 1, 4.0));
        articles.create(article("b", Status.PUBLISHED, 20, 2, null));
        articles.create(article("c", Status.DRAFT, 20, 3, 2.0));
        articles.create(article("d", Status.ARCHIVED, 50, 4, 3.0));
    }

    private static long asLong(Object value) {
        return ((Number) value).longValue();
    }

    private static double asDouble(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void aggregateComputesEachFunctionUnderItsKey() {
        Map<String, Aggregate> wanted = new LinkedHashMap<>();
        wanted.put("total", Aggregate.sum("views"));
        wanted.put("mean", Aggregate.avg("views"));
        wanted.put("least", Aggregate.min("views"));
        wanted.put("most", Aggregate.max("views"));
        wanted.put("n", Aggregate.count("id"));
        wanted.put("rows", Aggregate.count("*"));
        Map<String, Object> result = articles.aggregate(wanted);
        assertEquals(wanted.keySet(), result.keySet());
        assertEquals(100, asLong(result.get("total")));
        assertEquals(25.0, asDouble(result.get("mean")), 1e-9);
        assertEquals(10, asLong(result.get("least")));
        assertEquals(50, asLong(result.get("most")));
        assertEquals(4, asLong(result.get("n")));
        assertEquals(4, asLong(result.get("rows")));
    }

    @Test
    void aggregateWithoutAliasesUsesDjangosDefaultNames() {
        Map<String, Object> result = articles.aggregate(Aggregate.sum("views"), Aggregate.max("likes"));
        assertEquals(java.util.Set.of("views__sum", "likes__max"), result.keySet());
        assertEquals(100, asLong(result.get("views__sum")));
        assertEquals(4, asLong(result.get("likes__max")));
    }

    @Test
    void aggregateOfAComplexExpressionNeedsAnAlias() {
        Aggregate product = Aggregate.of(Aggregate.Function.SUM, F.of("views").times(F.of("likes")));
        assertThrows(IllegalArgumentException.class, () -> articles.aggregate(product));
        assertEquals(10 + 40 + 60 + 200, asLong(articles.aggregate(Map.of("p", product)).get("p")));
    }

    @Test
    void countIgnoresNullsAndDistinctCountsValuesOnce() {
        assertEquals(3, asLong(articles.aggregate(Map.of("n", Aggregate.count("rating"))).get("n")));
        assertEquals(3, asLong(articles.aggregate(Map.of("n", Aggregate.count("views").distinct())).get("n")));
        assertEquals(80, asLong(articles.aggregate(Map.of("s", Aggregate.sum("views").distinct())).get("s")));
    }

    @Test
    void aggregateFilterCountsOnlyMatchingRows() {
        Map<String, Aggregate> wanted = new LinkedHashMap<>();
        wanted.put("published", Aggregate.count("id").filter(Q.of("status", Status.PUBLISHED)));
        wanted.put("popularViews", Aggregate.sum("views").filter(Q.of("views__gte", 20)));
        wanted.put("all", Aggregate.count("id"));
        Map<String, Object> result = articles.aggregate(wanted);
        assertEquals(2, asLong(result.get("published")));
        assertEquals(90, asLong(result.get("popularViews")));
        assertEquals(4, asLong(result.get("all")));
    }

    @Test
    void aggregateRespectsTheQuerySetsFilter() {
        Map<String, Object> result = articles.filter("status", Status.PUBLISHED).aggregate(Map.of("v", Aggregate.sum("views")));
        assertEquals(30, asLong(result.get("v")));
    }

    @Test
    void aggregateOfNoRowsIsNullButCountIsZero() {
        Map<String, Aggregate> wanted = new LinkedHashMap<>();
        wanted.put("total", Aggregate.sum("views"));
        wanted.put("most", Aggregate.max("views"));
        wanted.put("n", Aggregate.count("id"));
        Map<String, Object> result = articles.filter("views__gt", 1000).aggregate(wanted);
        assertNull(result.get("total"));
        assertNull(result.get("most"));
        assertEquals(0, asLong(result.get("n")));
        assertEquals(3, result.size(), "keys are present even when their value is null");
    }

    @Test
    void averageOfANullableColumnIgnoresNulls() {
        assertEquals(3.0, asDouble(articles.aggregate(Map.of("r", Aggregate.avg("rating"))).get("r")), 1e-9);
    }

    @Test
    void annotateAddsAComputedValueThatCanBeFilteredAndOrdered() {
        var annotated = articles.annotate("score", F.of("views").times(F.of("likes")));
        List<Article> popular = annotated.filter("score__gte", 60).orderBy("-score").list();
        assertEquals(List.of("d", "c"), titlesOf(popular));
        assertEquals(List.of("a", "b", "c", "d"), titlesOf(annotated.orderBy("score").list()));
        assertEquals(List.of(10L, 40L, 60L, 200L), annotated.orderBy("score").valuesList("score").list().stream()
                .map(row -> asLong(row.getFirst())).toList());
    }

    @Test
    void annotateWithAConstantAndExclude() {
        var annotated = articles.annotate("bonus", F.of("likes").plus(100));
        assertEquals(List.of("a", "b"), titlesOf(annotated.exclude("bonus__gt", 102).orderBy("title").list()));
    }

    @Test
    void annotateWithAnAggregateGroupsByTheRow() {
        List<Map<String, Object>> rows = articles.annotate("n", Aggregate.count("*")).orderBy("title").values("title", "n").list();
        assertEquals(4, rows.size());
        rows.forEach(row -> assertEquals(1, asLong(row.get("n"))));
    }

    @Test
    void aggregateOverAnAnnotation() {
        var annotated = articles.annotate("score", F.of("views").times(F.of("likes")));
        assertEquals(310, asLong(annotated.aggregate(Map.of("s", Aggregate.sum("score"))).get("s")));
    }

    @Test
    void asyncAggregateAgreesWithSync() {
        Map<String, Aggregate> wanted = Map.of("total", Aggregate.sum("views"), "n", Aggregate.count("id").distinct());
        assertEquals(articles.aggregate(wanted), await(articles.aaggregate(wanted)));
        assertEquals(articles.aggregate(Aggregate.min("views")), await(articles.aaggregate(Aggregate.min("views"))));
    }
}
