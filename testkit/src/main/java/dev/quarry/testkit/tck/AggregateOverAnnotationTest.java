package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.F;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * aggregate() over annotations, slices and DISTINCT runs over the complete query as a subquery, as Django's
 * {@code get_aggregation} does (issue 8 item 5: {@code annotate(n=Count(...)).aggregate(Sum("n"))} failed with
 * "aggregate function calls cannot be nested"). Ported from Django's tests/aggregation (test_aggregate_annotation,
 * test_aggregate_over_aggregate-like cases) on {@link Blog}'s data: tags per post 2, 1, 0, 1, 2, 2; posts per
 * writer 3, 2, 1, 0.
 */
class AggregateOverAnnotationTest extends BlogTestBase {

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void aggregateOverAnAggregateAnnotation() {
        Map<String, Object> result = blog.posts.annotate("n", Aggregate.count("tags"))
                .aggregate(Aggregate.sum("n"), Aggregate.max("n"));
        assertEquals(8, number(result.get("n__sum")));
        assertEquals(2, number(result.get("n__max")));
    }

    /** Django's test_aggregate_annotation: Avg over a Count annotation. */
    @Test
    void averageOfACountAnnotation() {
        Map<String, Object> result = blog.writers.annotate("postCount", Aggregate.count("posts"))
                .aggregate(Aggregate.avg("postCount"));
        assertEquals(1.5, number(result.get("postCount__avg")), 1e-9);
    }

    @Test
    void aggregateOverAFilteredAnnotationKeepsTheHavingClause() {
        Map<String, Aggregate> wanted = new LinkedHashMap<>();
        wanted.put("total", Aggregate.sum("n"));
        wanted.put("writers", Aggregate.count("id"));
        Map<String, Object> result = blog.writers.annotate("n", Aggregate.count("posts")).filter("n__gte", 1).aggregate(wanted);
        assertEquals(6, number(result.get("total")));
        assertEquals(3, number(result.get("writers")));
    }

    @Test
    void aggregateOverAValuesGroupedAnnotation() {
        Map<String, Object> result = blog.posts.values("writer").annotate("n", Aggregate.count("id"))
                .aggregate(Aggregate.max("n"), Aggregate.count("writer"));
        assertEquals(3, number(result.get("n__max")), "ada's three posts");
        assertEquals(3, number(result.get("writer__count")), "one group per writer with posts");
    }

    @Test
    void aggregateOverAPlainAnnotation() {
        assertEquals(230, number(blog.posts.annotate("doubled", F.of("views").times(2)).aggregate(Aggregate.sum("doubled"))
                .get("doubled__sum")));
    }

    @Test
    void aggregateOverASliceAndOverDistinctRows() {
        assertEquals(80, number(blog.posts.orderBy("-views").slice(0, 2).aggregate(Aggregate.sum("views")).get("views__sum")));
        assertEquals(3, number(blog.writers.filter("posts__published", true).distinct().aggregate(Aggregate.count("id"))
                .get("id__count")), "ada, bob and cyd once each");
    }

    @Test
    void theAsyncTwinAggregatesOverTheAnnotationToo() {
        Map<String, Object> result = await(blog.writers.annotate("n", Aggregate.count("posts")).aaggregate(Aggregate.sum("n")));
        assertEquals(6, number(result.get("n__sum")));
    }
}
