package dev.quarry.testkit.tck;

import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.Manager;
import dev.quarry.QuerySet;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Number;
import dev.quarry.testkit.models.Publisher;
import dev.quarry.testkit.models.ReservedName;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code union()}, {@code intersection()} and {@code difference()}: Django's tests/queries/test_qs_combinators.py
 * (QuerySetSetOperationTests), ported with Django's data (numbers 0..9 with other_num = 10 - num) and expected
 * values. Tests that need Django features Quarry lacks (extra(), F().asc(nulls_first=...), default Meta
 * ordering, OuterRef) are left out.
 */
class QuerySetCombinatorsTest extends TckBase {

    private Manager<Number> numbers;
    private Manager<ReservedName> reserved;

    @Override
    protected List<Class<?>> models() {
        return List.of(Number.class, ReservedName.class, Publisher.class, Writer.class);
    }

    @BeforeEach
    void createNumbers() {
        numbers = db.objects(Number.class);
        reserved = db.objects(ReservedName.class);
        List<Number> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(new Number(i, 10 - i));
        }
        numbers.bulkCreate(rows);
    }

    private static List<Integer> nums(QuerySet<Number> qs) {
        return qs.list().stream().map(Number::getNum).toList();
    }

    private static List<Integer> sortedNums(QuerySet<Number> qs) {
        return nums(qs).stream().sorted().toList();
    }

    @Test
    void simpleUnion() {
        QuerySet<Number> qs = numbers.filter("num__lte", 1).union(numbers.filter("num__gte", 8)).union(numbers.filter("num", 5));
        assertEquals(List.of(0, 1, 5, 8, 9), sortedNums(qs));
    }

    @Test
    void simpleIntersection() {
        QuerySet<Number> qs = numbers.filter("num__lte", 5).intersection(numbers.filter("num__gte", 5))
                .intersection(numbers.filter(Map.of("num__gte", 4, "num__lte", 6)));
        assertEquals(List.of(5), sortedNums(qs));
    }

    @Test
    void intersectionWithValues() {
        reserved.create(new ReservedName("a", 2));
        Map<String, Object> row = reserved.intersection(reserved.all()).values("name", "order", "id").get();
        assertEquals("a", row.get("name"));
        assertEquals(2, row.get("order"));
        List<Object> list = reserved.intersection(reserved.all()).valuesList("name", "order", "id").get();
        assertEquals(List.of("a", 2), list.subList(0, 2));
    }

    @Test
    void simpleDifference() {
        assertEquals(List.of(5), sortedNums(numbers.filter("num__lte", 5).difference(numbers.filter("num__lte", 4))));
    }

    @Test
    void unionDistinct() {
        assertEquals(20, numbers.union(numbers.all(), true).list().size());
        assertEquals(10, numbers.union(numbers.all()).list().size());
    }

    @Test
    void unionNone() {
        QuerySet<Number> qs3 = numbers.filter("num__lte", 1).union(numbers.filter("num__gte", 8));
        assertEquals(List.of(), qs3.none().list());
        assertEquals(List.of(0, 1, 8, 9), sortedNums(qs3));
    }

    @Test
    void unionNoneSliceAndEmptyFilterSlice() {
        assertEquals(List.of(0), nums(numbers.filter("num__lte", 0).union(numbers.none()).slice(0, 1)));
        assertEquals(List.of(0), nums(numbers.filter("num__lte", 0).union(numbers.filter("pk__in", List.of())).slice(0, 1)));
    }

    @Test
    void unionSliceCompoundEmpty() {
        assertEquals(List.of(0), nums(numbers.filter("num__lte", 0).slice(0, 1).union(numbers.none()).slice(0, 1)));
        assertEquals(List.of(2), nums(numbers.filter("num__lte", 2).orderBy("num").slice(0, 3).union(numbers.none())
                .orderBy("num").slice(2, 3)));
    }

    @Test
    void unionAllNoneSlice() {
        QuerySet<Number> qs = numbers.filter("id__in", List.of());
        assertEquals(List.of(), qs.union(qs).list());
        assertEquals(List.of(), qs.union(qs).slice(0, 0).list());
    }

    @Test
    void unionSliceIndex() {
        reserved.create(new ReservedName("Famous", 1));
        ReservedName c1 = reserved.create(new ReservedName("Very famous", 2));
        QuerySet<ReservedName> combined = reserved.filter("name", "nonexistent").union(reserved.all()).orderBy("name");
        assertEquals(c1.getId(), combined.slice(1, 2).get().getId());
    }

    @Test
    void unionNested() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), sortedNums(numbers.union(numbers.union(numbers.all()))));
    }

    @Test
    void intersectionWithEmptyQuerySets() {
        QuerySet<Number> qs1 = numbers.all();
        QuerySet<Number> qs2 = numbers.none();
        QuerySet<Number> qs3 = numbers.filter("pk__in", List.of());
        assertEquals(0, qs1.intersection(qs2).list().size());
        assertEquals(0, qs1.intersection(qs3).list().size());
        assertEquals(0, qs2.intersection(qs1).list().size());
        assertEquals(0, qs3.intersection(qs1).list().size());
        assertEquals(0, qs2.intersection(qs2).list().size());
        assertEquals(0, qs3.intersection(qs3).list().size());
    }

    @Test
    void differenceWithEmptyQuerySets() {
        QuerySet<Number> qs1 = numbers.all();
        QuerySet<Number> qs2 = numbers.none();
        QuerySet<Number> qs3 = numbers.filter("pk__in", List.of());
        assertEquals(10, qs1.difference(qs2).list().size());
        assertEquals(10, qs1.difference(qs3).list().size());
        assertEquals(0, qs2.difference(qs1).list().size());
        assertEquals(0, qs3.difference(qs1).list().size());
        assertEquals(0, qs2.difference(qs2).list().size());
        assertEquals(0, qs3.difference(qs3).list().size());
    }

    @Test
    void differenceWithValues() {
        reserved.create(new ReservedName("a", 2));
        Map<String, Object> row = reserved.difference(reserved.none()).values("name", "order", "id").get();
        assertEquals("a", row.get("name"));
        assertEquals(2, row.get("order"));
    }

    @Test
    void unionWithEmptyQuerySets() {
        QuerySet<Number> qs1 = numbers.all();
        QuerySet<Number> qs2 = numbers.none();
        QuerySet<Number> qs3 = numbers.filter("pk__in", List.of());
        assertEquals(10, qs1.union(qs2).list().size());
        assertEquals(10, qs2.union(qs1).list().size());
        assertEquals(10, qs1.union(qs3).list().size());
        assertEquals(10, qs3.union(qs1).list().size());
        assertEquals(10, qs2.union(qs1).union(qs1).union(qs1).list().size());
        assertEquals(20, qs2.union(qs1, true).union(qs1, true).list().size());
        assertEquals(0, qs2.union(qs2).list().size());
        assertEquals(0, qs3.union(qs3).list().size());
    }

    @Test
    void emptyQuerySetUnionWithOrderedQuerySet() {
        QuerySet<Number> qs1 = numbers.orderBy("num");
        assertEquals(nums(qs1), nums(numbers.none().union(qs1).orderBy("num")));
    }

    @Test
    void limits() {
        assertEquals(2, numbers.union(numbers.all()).slice(0, 2).list().size());
    }

    @Test
    void ordering() {
        assertEquals(List.of(3, 2, 1, 0), nums(numbers.filter("num__lte", 1)
                .union(numbers.filter(Map.of("num__gte", 2, "num__lte", 3))).orderBy("-num")));
    }

    @Test
    void orderingByAlias() {
        QuerySet<Map<String, Object>> qs1 = numbers.filter("num__lte", 1).annotate("alias", F.of("num")).values("alias");
        QuerySet<Map<String, Object>> qs2 = numbers.filter(Map.of("num__gte", 2, "num__lte", 3)).annotate("alias", F.of("num"))
                .values("alias");
        assertEquals(List.of(3, 2, 1, 0), qs1.union(qs2).orderBy("-alias").list().stream().map(m -> m.get("alias")).toList());
    }

    @Test
    void unionWithValues() {
        reserved.create(new ReservedName("a", 2));
        Map<String, Object> row = reserved.union(reserved.all()).values("name", "order", "id").get();
        assertEquals("a", row.get("name"));
        assertEquals(2, row.get("order"));
        assertEquals(List.of("a", 2), reserved.union(reserved.all()).valuesList("name", "order", "id").get().subList(0, 2));
        assertEquals(List.of(2), reserved.union(reserved.all()).valuesList("order").get(), "the list of columns can change");
    }

    @Test
    void unionWithTwoAnnotatedValuesList() {
        QuerySet<List<Object>> qs1 = numbers.filter("num", 1).annotate("count", F.value(0)).valuesList("num", "count");
        QuerySet<List<Object>> qs2 = numbers.filter("num", 2).annotate("count", F.of("num")).annotate("one", F.value(1))
                .valuesList("one", "count");
        List<List<Object>> rows = qs1.union(qs2).list();
        assertEquals(2, rows.size());
        assertTrue(rows.stream().map(r -> r.stream().map(v -> ((java.lang.Number) v).intValue()).toList()).toList()
                .containsAll(List.of(List.of(1, 0), List.of(1, 2))), rows.toString());
    }

    @Test
    void unionWithValuesListAndOrder() {
        reserved.bulkCreate(List.of(new ReservedName("rn1", 7), new ReservedName("rn2", 5), new ReservedName("rn0", 6),
                new ReservedName("rn9", -1)));
        QuerySet<ReservedName> unionQs = reserved.filter("order__gte", 6).union(reserved.filter("order__lte", 5));
        Function<QuerySet<Integer>, List<Integer>> read = QuerySet::list;
        assertEquals(List.of(-1, 6, 5, 7), read.apply(unionQs.orderBy("-pk").valuesListFlat("order", Integer.class)));
        assertEquals(List.of(7, 5, 6, -1), read.apply(unionQs.orderBy("pk").valuesListFlat("order", Integer.class)));
        assertEquals(List.of(-1, 6, 5, 7), read.apply(unionQs.valuesListFlat("order", Integer.class).orderBy("-pk")));
        assertEquals(List.of(7, 5, 6, -1), read.apply(unionQs.valuesListFlat("order", Integer.class).orderBy("pk")));
        assertEquals(List.of(-1, 5, 7, 6), read.apply(unionQs.orderBy("-name", "pk").valuesListFlat("order", Integer.class)));
        assertEquals(List.of(-1, 5, 7, 6), read.apply(unionQs.valuesListFlat("order", Integer.class).orderBy("-name", "pk")));
    }

    @Test
    void unionWithValuesListAndOrderOnAnnotation() {
        QuerySet<Number> qs1 = numbers.annotate("annotation", F.value(-1)).filter("num__gte", 6);
        QuerySet<Number> qs2 = numbers.annotate("annotation", F.value(2)).filter("num__lte", 5);
        assertEquals(List.of(6, 7, 8, 9, 0, 1, 2, 3, 4, 5),
                qs1.union(qs2).orderBy("annotation", "num").valuesListFlat("num", Integer.class).list());
    }

    @Test
    void unionWithSelectRelatedAndOrderAndFirst() {
        Publisher p = db.objects(Publisher.class).create(new Publisher("e1"));
        Manager<Writer> writers = db.objects(Writer.class);
        Writer a1 = writers.create(new Writer("a1", p));
        Writer a2 = writers.create(new Writer("a2", p));
        writers.create(new Writer("a3", p));
        QuerySet<Writer> base = writers.selectRelated("publisher");
        QuerySet<Writer> union = base.filter("name", "a1").union(base.filter("name", "a2"));
        List<Writer> rows = union.orderBy("pk").list();
        assertEquals(List.of(a1.getId(), a2.getId()), rows.stream().map(Writer::getId).toList());
        assertEquals("e1", rows.get(0).getPublisher().getName(), "the related instance comes from the same row");
        assertEquals(a1.getId(), union.orderBy("name").first().orElseThrow().getId());
        assertEquals(a1.getId(), writers.filter("name", "a1").union(writers.filter("name", "zz")).first().orElseThrow().getId());
        assertEquals(1, base.filter("name", "a3").union(base.filter("name", "a3")).count());
    }

    @Test
    void combiningMultipleModels() {
        reserved.create(new ReservedName("99 little bugs", 99));
        QuerySet<List<Object>> qs1 = numbers.filter("num", 1).valuesList("num");
        QuerySet<List<Object>> qs2 = reserved.valuesList("order");
        assertEquals(List.of(List.of(1), List.of(99)), qs1.union(qs2).orderBy("num").list());
    }

    @Test
    void orderRaisesOnNonSelectedColumn() {
        QuerySet<Map<String, Object>> qs1 = numbers.annotate("annotation", F.value(1)).annotate("num2", F.of("num"))
                .values("annotation", "num2");
        QuerySet<Map<String, Object>> qs2 = numbers.values("id", "num");
        assertEquals(19, qs1.union(qs2).orderBy("annotation").list().size(), "(1, 0) is in both: id 1 has num 0");
        assertEquals(19, qs1.union(qs2).orderBy("num2").list().size());
        FieldException e = assertThrows(FieldException.class, () -> qs1.union(qs2).orderBy("id").list());
        assertTrue(e.getMessage().startsWith("ORDER BY term does not match any column in the result set"), e.getMessage());
        assertThrows(FieldException.class, () -> qs1.union(qs2).orderBy("-num").list(), "'num' is realiased to num2");
        assertEquals(19, qs2.union(qs1).orderBy("num").list().size(), "switched order, 'num' exists again");
    }

    @Test
    void unionInWithOrderingAndSlice() {
        QuerySet<Number> qs1 = numbers.filter("num__gt", 7).orderBy("num");
        QuerySet<Number> qs2 = numbers.filter("num__lt", 2).orderBy("num");
        assertEquals(List.of(2, 3, 4, 5, 6, 7), sortedNums(numbers.exclude("id__in", qs1.union(qs2).values("id"))));
        QuerySet<Number> sliced1 = numbers.filter("num__gt", 7).orderBy("num").slice(0, 1);
        QuerySet<Number> sliced2 = numbers.filter("num__lt", 2).orderBy("-num").slice(0, 1);
        assertEquals(List.of(0, 2, 3, 4, 5, 6, 7, 9), sortedNums(numbers.exclude("id__in", sliced1.union(sliced2).values("id"))));
    }

    @Test
    void countUnionDifferenceIntersection() {
        assertEquals(4, numbers.filter("num__lte", 1).values("num")
                .union(numbers.filter(Map.of("num__gte", 2, "num__lte", 3)).values("num")).count());
        QuerySet<Number> empty = numbers.filter("pk__in", List.of());
        assertEquals(0, empty.union(empty).count());
        assertEquals(1, numbers.filter("num__lt", 10).difference(numbers.filter("num__lt", 9)).count());
        assertEquals(1, numbers.filter("num__gte", 5).intersection(numbers.filter("num__lte", 5)).count());
        assertEquals(4L, await(numbers.filter("num__lte", 1).union(numbers.filter("num__gte", 8)).acount()));
    }

    @Test
    void existsUnionDifferenceIntersection() {
        assertTrue(numbers.filter("num__gte", 5).union(numbers.filter("num__lte", 5)).exists());
        QuerySet<Number> empty = numbers.filter("pk__in", List.of());
        assertEquals(false, empty.union(empty).exists());
        QuerySet<Number> above = numbers.filter("num__gt", 5);
        assertEquals(true, above.intersection(above).exists());
        assertEquals(false, above.intersection(numbers.filter("num__lt", 5)).exists());
        assertEquals(false, numbers.filter("num__gte", 5).difference(numbers.filter("num__gte", 3)).exists());
        assertEquals(true, await(numbers.filter("num__gte", 3).difference(numbers.filter("num__gte", 5)).aexists()));
    }

    @Test
    void getUnionDifferenceIntersection() {
        QuerySet<Number> two = numbers.filter("num", 2);
        assertEquals(2, two.union(two).get().getNum());
        assertEquals(2, numbers.difference(numbers.exclude("num", 2)).get().getNum());
        assertEquals(2, numbers.intersection(numbers.filter("num", 2)).get().getNum());
        assertEquals(2, await(two.union(two).aget()).getNum());
    }

    @Test
    void aggregateAndExplainReadTheCombinedRows() {
        QuerySet<Number> union = numbers.filter("num__lte", 1).union(numbers.filter("num__gte", 8));
        assertEquals(18L, ((java.lang.Number) union.aggregate(dev.quarry.Aggregate.sum("num")).get("num__sum")).longValue());
        assertEquals(4L, ((java.lang.Number) await(union.aaggregate(dev.quarry.Aggregate.count("id"))).get("id__count")).longValue());
        assertTrue(union.explain().contains("Append") || union.explain().contains("Unique"), union.explain());
        try (var stream = union.orderBy("-num").iterator(2)) {
            assertEquals(List.of(9, 8, 1, 0), stream.map(Number::getNum).toList());
        }
    }

    @Test
    void orderingSubqueries() {
        QuerySet<Number> qs1 = numbers.orderBy("num").slice(0, 2);
        QuerySet<Number> qs2 = numbers.orderBy("-num").slice(0, 2);
        assertEquals(List.of(9, 8, 1, 0), nums(qs1.union(qs2).orderBy("-num").slice(0, 4)));
        assertEquals(List.of(9, 8, 1, 0), await(qs1.union(qs2).orderBy("-num").alist()).stream().map(Number::getNum).toList());
    }

    @Test
    void subcompoundQuerySet() {
        QuerySet<Number> qs2 = numbers.intersection(numbers.filter("num__gt", 1));
        assertEquals(2, numbers.difference(qs2).count());
    }

    @Test
    void orderBySameType() {
        QuerySet<Number> union = numbers.union(numbers.all());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), nums(union.orderBy("num")));
        assertEquals(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), nums(union.orderBy("otherNum")));
    }

    @Test
    void unsupportedOperationsOnCombinedQuerySet() {
        Number first = numbers.orderBy("num").first().orElseThrow();
        for (String combinator : List.of("union", "difference", "intersection")) {
            QuerySet<Number> combined = switch (combinator) {
                case "union" -> numbers.union(numbers.all());
                case "difference" -> numbers.difference(numbers.all());
                default -> numbers.intersection(numbers.all());
            };
            List<Map.Entry<String, Runnable>> operations = new ArrayList<>();
            operations.add(Map.entry("alias", () -> combined.alias("x", F.of("num"))));
            operations.add(Map.entry("annotate", () -> combined.annotate("x", F.of("num"))));
            operations.add(Map.entry("defer", () -> combined.defer("num")));
            operations.add(Map.entry("delete", combined::delete));
            operations.add(Map.entry("distinct", combined::distinct));
            operations.add(Map.entry("exclude", () -> combined.exclude("num", 1)));
            operations.add(Map.entry("filter", () -> combined.filter("num", 1)));
            operations.add(Map.entry("filter", () -> combined.filter(dev.quarry.Exists.of(numbers.all()))));
            operations.add(Map.entry("exclude", () -> combined.exclude(dev.quarry.Exists.of(numbers.all()))));
            operations.add(Map.entry("only", () -> combined.only("num")));
            operations.add(Map.entry("prefetch_related", () -> combined.prefetchRelated("x")));
            operations.add(Map.entry("select_related", combined::selectRelated));
            operations.add(Map.entry("update", () -> combined.update(Map.of("num", 1))));
            operations.add(Map.entry("contains", () -> combined.contains(first)));
            operations.forEach(entry -> {
                String operation = entry.getKey();
                Runnable call = entry.getValue();
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, call::run, operation);
                assertEquals("Calling QuerySet." + operation + "() after " + combinator + "() is not supported.", e.getMessage());
            });
            UnsupportedOperationException get = assertThrows(UnsupportedOperationException.class, () -> combined.get("num", 2));
            assertEquals("Calling QuerySet.get(...) with filters after " + combinator + "() is not supported.", get.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> combined.aupdate(Map.of("num", 1)), "the async twins too");
        }
    }
}
