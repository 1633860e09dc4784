package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.Case;
import dev.quarry.F;
import dev.quarry.Manager;
import dev.quarry.Q;
import dev.quarry.When;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.CaseRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Conditional expressions, ported from Django's {@code tests/expressions_case/tests.py} (CaseExpressionTests) on its
 * CaseTestModel rows (integer, integer2): (1,1) (2,3) (3,4) (2,2) (3,4) (3,3) (4,5), with Django's expected results:
 * Case in annotations, filters, aggregates, ordering and conditional updates.
 */
class CaseExpressionsTest extends TckBase {

    private Manager<CaseRow> rows;

    @Override
    protected List<Class<?>> models() {
        return List.of(CaseRow.class);
    }

    @BeforeEach
    void rows() {
        rows = db.objects(CaseRow.class);
        int[][] data = {{1, 1}, {2, 3}, {3, 4}, {2, 2}, {3, 4}, {3, 3}, {4, 5}};
        for (int[] d : data) {
            rows.create(new CaseRow(d[0], d[1], String.valueOf(d[0])));
        }
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private List<List<Object>> annotated(dev.quarry.Expression test, String... fields) {
        return rows.annotate("test", test).orderBy("pk").valuesList(fields).list();
    }

    @Test
    void annotate() {
        var test = Case.when(Q.of("integer", 1), F.value("one")).when(Q.of("integer", 2), F.value("two")).otherwise(F.value("other"));
        assertEquals(List.of(row(1, "one"), row(2, "two"), row(3, "other"), row(2, "two"), row(3, "other"), row(3, "other"),
                row(4, "other")), annotated(test, "integer", "test"));
    }

    @Test
    void annotateWithoutDefaultIsNull() {
        var test = Case.of(When.of("integer", 1, 1), When.of("integer", 2, 2));
        assertEquals(List.of(row(1, 1), row(2, 2), row(3, null), row(2, 2), row(3, null), row(3, null), row(4, null)),
                annotated(test, "integer", "test"));
    }

    @Test
    void annotateWithExpressionAsValue() {
        var test = Case.when(Q.of("integer", 1), F.of("integer").plus(1)).when(Q.of("integer", 2), F.of("integer").plus(3))
                .otherwise("integer");
        assertEquals(List.of(row(1, 2L), row(2, 5L), row(3, 3L), row(2, 5L), row(3, 3L), row(3, 3L), row(4, 4L)),
                annotated(test.outputType(Long.class), "integer", "test"));
    }

    @Test
    void annotateWithExpressionAsCondition() {
        var test = Case.when(Q.of("integer2", F.of("integer")), F.value("equal"))
                .when(Q.of("integer2", F.of("integer").plus(1)), F.value("+1"));
        assertEquals(List.of(row(1, "equal"), row(2, "+1"), row(3, "+1"), row(2, "equal"), row(3, "+1"), row(3, "equal"),
                row(4, "+1")), annotated(test, "integer", "test"));
    }

    @Test
    void lookupsInConditions() {
        var test = Case.when(Q.of("integer__lt", 2), F.value("less than 2")).when(Q.of("integer__gt", 2), F.value("greater than 2"))
                .otherwise(F.value("equal to 2"));
        assertEquals(List.of(row(1, "less than 2"), row(2, "equal to 2"), row(3, "greater than 2"), row(2, "equal to 2"),
                row(3, "greater than 2"), row(3, "greater than 2"), row(4, "greater than 2")), annotated(test, "integer", "test"));
    }

    @Test
    void combinedQObject() {
        var test = Case.when(Q.of("integer", 1).or(Q.of("integer", 2)), F.value("when")).otherwise(F.value("default"));
        assertEquals(List.of(row(1, "when"), row(2, "when"), row(3, "default"), row(2, "when"), row(3, "default"),
                row(3, "default"), row(4, "default")), annotated(test, "integer", "test"));
    }

    @Test
    void aggregate() {
        Map<String, Aggregate> wanted = new LinkedHashMap<>();
        wanted.put("one", Aggregate.sum(Case.when(Q.of("integer", 1), 1)));
        wanted.put("two", Aggregate.sum(Case.when(Q.of("integer", 2), 1)));
        wanted.put("three", Aggregate.sum(Case.when(Q.of("integer", 3), 1)));
        wanted.put("four", Aggregate.sum(Case.when(Q.of("integer", 4), 1)));
        assertEquals(Map.of("one", 1L, "two", 2L, "three", 3L, "four", 1L), rows.aggregate(wanted));
        assertEquals(Map.of("one", 1L, "two", 2L, "three", 3L, "four", 1L), await(rows.aaggregate(wanted)));
    }

    @Test
    void aggregateWithExpressionAsValueAndCondition() {
        Map<String, Aggregate> wanted = new LinkedHashMap<>();
        wanted.put("one", Aggregate.sum(Case.when(Q.of("integer", 1), "integer")));
        wanted.put("two", Aggregate.sum(Case.when(Q.of("integer", 2), F.of("integer").minus(1))));
        wanted.put("three", Aggregate.sum(Case.when(Q.of("integer", 3), F.of("integer").plus(1))));
        wanted.put("equal", Aggregate.sum(Case.when(Q.of("integer2", F.of("integer")), 1)));
        wanted.put("plusOne", Aggregate.sum(Case.when(Q.of("integer2", F.of("integer").plus(1)), 1)));
        assertEquals(Map.of("one", 1L, "two", 2L, "three", 12L, "equal", 3L, "plusOne", 4L), rows.aggregate(wanted));
    }

    @Test
    void filter() {
        var qs = rows.filter("integer2", Case.when(Q.of("integer", 2), 3).when(Q.of("integer", 3), 4).otherwise(1))
                .orderBy("pk").valuesList("integer", "integer2");
        assertEquals(List.of(row(1, 1), row(2, 3), row(3, 4), row(3, 4)), qs.list());
        var withoutDefault = rows.filter("integer2", Case.when(Q.of("integer", 2), 3).when(Q.of("integer", 3), 4))
                .orderBy("pk").valuesList("integer", "integer2");
        assertEquals(List.of(row(2, 3), row(3, 4), row(3, 4)), withoutDefault.list());
    }

    @Test
    void filterWithExpressionAsValueAndCondition() {
        var qs = rows.filter("integer2", Case.when(Q.of("integer", 2), F.of("integer").plus(1))
                .when(Q.of("integer", 3), F.of("integer")).otherwise("integer")).orderBy("pk").valuesList("integer", "integer2");
        assertEquals(List.of(row(1, 1), row(2, 3), row(3, 3)), qs.list());
        var byString = rows.filter("string", Case.when(Q.of("integer2", F.of("integer")), F.value("2"))
                .when(Q.of("integer2", F.of("integer").plus(1)), F.value("3"))).orderBy("pk").valuesList("integer", "integer2", "string");
        assertEquals(List.of(row(3, 4, "3"), row(2, 2, "2"), row(3, 4, "3")), byString.list());
    }

    @Test
    void aBooleanCaseIsACondition() {
        var qs = rows.filter(Case.when(Q.of("integer", 1), true).when(Q.of("integer2", 5), true).otherwise(false))
                .orderBy("pk").valuesListFlat("integer", Integer.class);
        assertEquals(List.of(1, 4), qs.list());
        assertEquals(5, rows.exclude(Case.when(Q.of("integer", 1), true).when(Q.of("integer2", 5), true).otherwise(false)).count());
        assertThrows(IllegalArgumentException.class, () -> rows.filter(Case.when(Q.of("integer", 1), 1)));
    }

    @Test
    void orderByACase() {
        var qs = rows.filter("integer__lte", 2).alias("test", Case.when(Q.of("integer", 1), 2).when(Q.of("integer", 2), 1).otherwise(3))
                .orderBy("test", "pk").valuesList("integer", "integer2");
        assertEquals(List.of(row(2, 3), row(2, 2), row(1, 1)), qs.list());
    }

    @Test
    void update() {
        rows.update(Map.of("string", Case.when(Q.of("integer", 1), F.value("one")).when(Q.of("integer", 2), F.value("two"))
                .otherwise(F.value("other"))));
        assertEquals(List.of(row(1, "one"), row(2, "two"), row(3, "other"), row(2, "two"), row(3, "other"), row(3, "other"),
                row(4, "other")), rows.orderBy("pk").valuesList("integer", "string").list());
    }

    @Test
    void updateWithoutDefaultSetsNull() {
        await(rows.aupdate(Map.of("integer2", Case.of(When.of("integer", 1, 1), When.of("integer", 2, 2)))));
        assertEquals(List.of(row(1, 1), row(2, 2), row(3, null), row(2, 2), row(3, null), row(3, null), row(4, null)),
                rows.orderBy("pk").valuesList("integer", "integer2").list());
    }

    @Test
    void updateWithExpressionAsValueAndCondition() {
        rows.update(Map.of("integer", Case.when(Q.of("integer", 1), F.of("integer").plus(1))
                .when(Q.of("integer", 2), F.of("integer").plus(3)).otherwise("integer")));
        assertEquals(List.of(row("1", 2), row("2", 5), row("3", 3), row("2", 5), row("3", 3), row("3", 3), row("4", 4)),
                rows.orderBy("pk").valuesList("string", "integer").list());
        rows.update(Map.of("string", Case.when(Q.of("integer2", F.of("integer")), F.value("equal"))
                .when(Q.of("integer2", F.of("integer").plus(1)), F.value("+1"))));
        assertEquals(Arrays.asList(null, null, "+1", null, "+1", "equal", "+1"),
                rows.orderBy("pk").valuesListFlat("string", String.class).list(), "the integers after the first update");
    }

    @Test
    void qAsAnAnnotation() {
        var qs = rows.annotate("big", Q.of("integer__gte", 3)).orderBy("pk").valuesListFlat("big", Boolean.class);
        assertEquals(List.of(false, false, true, false, true, true, true), qs.list());
        assertEquals(4, rows.alias("big", Q.of("integer__gte", 3)).filter("big", true).count());
    }

    @Test
    void anEmptyQIsNotACondition() {
        assertThrows(IllegalArgumentException.class, () -> Case.when(Q.empty(), 1));
    }
}
