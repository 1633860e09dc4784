package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.Functions;
import dev.quarry.Manager;
import dev.quarry.Q;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Company;
import dev.quarry.testkit.models.Employee;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Annotations with values, fields and functions, and {@code alias()}, ported from Django's
 * {@code tests/annotations/tests.py} (NonAggregateAnnotationTestCase and AliasTests) onto the companies and
 * employees of Django's {@code tests/expressions}, keeping Django's rules and errors.
 */
class AnnotationsAliasTest extends TckBase {

    private Manager<Company> companies;
    private Manager<Employee> employees;

    @Override
    protected List<Class<?>> models() {
        return List.of(Employee.class, Company.class);
    }

    @BeforeEach
    void rows() {
        companies = db.objects(Company.class);
        employees = db.objects(Employee.class);
        Employee joe = employees.create(new Employee("Joe", "Smith", 10));
        Employee frank = employees.create(new Employee("Frank", "Meyer", 20));
        Employee max = employees.create(new Employee("Max", "Mustermann", 30));
        companies.create(new Company("Example Inc.", 2300, 5, joe, null, false));
        companies.create(new Company("Foobar Ltd.", 3, 4, frank, null, true));
        companies.create(new Company("Test GmbH", 32, 1, max, null, false));
    }

    /** test_basic_annotation and test_filter_annotation: a Value annotation, filtered on. */
    @Test
    void valueAnnotation() {
        assertEquals(List.of(1, 1, 1), employees.annotate("isBook", F.value(1)).valuesListFlat("isBook", Integer.class).list());
        assertEquals(3, employees.annotate("isBook", F.value(1)).filter("isBook", 1).count());
        assertEquals(List.of("x", "x", "x"), await(employees.annotate("s", F.value("x")).valuesListFlat("s", String.class).alist()));
    }

    /** test_basic_f_annotation, test_filter_annotation_with_f and with_double_f. */
    @Test
    void fieldAnnotation() {
        assertEquals(List.of(10, 20, 30), employees.annotate("other", F.of("salary")).orderBy("other")
                .valuesListFlat("other", Integer.class).list());
        assertEquals(List.of("Frank"), employees.annotate("other", F.of("salary")).filter("other", 20)
                .valuesListFlat("firstname", String.class).list());
        assertEquals(3, employees.annotate("other", F.of("salary")).filter("other", F.of("salary")).count());
    }

    /** test_annotation_with_relation through __ and a function over it. */
    @Test
    void annotationAcrossARelation() {
        assertEquals(List.of("JOE", "FRANK", "MAX"), companies.annotate("ceoName", Functions.upper("ceo__firstname"))
                .orderBy("name").valuesListFlat("ceoName", String.class).list());
        assertEquals(List.of("Test GmbH"), companies.filter("ceo__salary__gt", Functions.abs(F.value(-25)))
                .valuesListFlat("name", String.class).list());
    }

    /** test_update_with_annotation: update from a non-aggregate annotation. */
    @Test
    void updateFromAnAnnotation() {
        employees.annotate("lower", F.of("salary").minus(1)).update(Map.of("salary", F.of("lower")));
        assertEquals(List.of(9, 19, 29), employees.orderBy("salary").valuesListFlat("salary", Integer.class).list());
    }

    /** test_basic_alias and test_basic_alias_annotation: an alias is usable but never selected. */
    @Test
    void aliasIsNotSelected() {
        var qs = employees.alias("isBookAlias", F.value(1)).annotate("isBook", F.of("isBookAlias"));
        assertEquals(List.of(1, 1, 1), qs.valuesListFlat("isBook", Integer.class).list());
        assertFalse(qs.values().list().get(0).containsKey("isBookAlias"));
        assertEquals(true, qs.values().list().get(0).containsKey("isBook"));
    }

    /** test_alias_annotation_expression: Coalesce over an alias. */
    @Test
    void aliasInAFunction() {
        assertEquals(List.of(1, 1, 1), employees.alias("a", F.value(1)).annotate("b", Functions.coalesce("a", F.value(0)))
                .valuesListFlat("b", Integer.class).list());
    }

    /** test_filter_alias_with_f, test_order_by_alias, test_order_by_alias_aggregate. */
    @Test
    void filterAndOrderByAnAlias() {
        assertEquals(List.of("Max"), employees.alias("other", F.of("salary")).filter("other__gt", 25)
                .valuesListFlat("firstname", String.class).list());
        assertEquals(List.of("Max", "Frank", "Joe"), employees.alias("other", F.of("salary")).orderBy("-other")
                .valuesListFlat("firstname", String.class).list());
        assertEquals(List.of("Test GmbH"), companies.alias("chairs", Aggregate.sum("numChairs")).filter("chairs__lt", 2)
                .valuesListFlat("name", String.class).list());
    }

    /** test_values_alias and test_aggregate_alias: Django's refusals. */
    @Test
    void anAliasCannotBeSelectedOrAggregated() {
        var e = assertThrows(FieldException.class, () -> employees.alias("ratingAlias", F.of("salary")).values("ratingAlias"));
        assertEquals("Cannot select the 'ratingAlias' alias. Use annotate() to promote it.", e.getMessage());
        e = assertThrows(FieldException.class, () -> employees.alias("otherAge", F.of("salary"))
                .aggregate(Aggregate.sum("otherAge")));
        assertEquals("Cannot aggregate over the 'otherAge' alias. Use annotate() to promote it.", e.getMessage());
    }

    /** Names inside an alias are checked, and an alias may not shadow a field (Django's ValueError). */
    @Test
    void aliasNamesAreChecked() {
        assertThrows(FieldException.class, () -> employees.alias("x", F.of("salry")));
        assertThrows(IllegalArgumentException.class, () -> employees.alias("salary", F.value(1)));
    }

    /** A function over an aggregate groups the query, as Django's Coalesce(Sum(...), 0). */
    @Test
    void functionOverAnAggregate() {
        assertEquals(List.of(5L, 4L, 1L), companies.annotate("chairs", Functions.coalesce(Aggregate.sum("numChairs"), F.value(0)))
                .orderBy("name").valuesListFlat("chairs", Long.class).list());
        assertEquals(List.of("Example Inc."), companies.alias("chairs", Functions.coalesce(Aggregate.sum("numChairs"), F.value(0)))
                .filter("chairs__gt", 4).valuesListFlat("name", String.class).list());
    }

    @Test
    void qAnnotationAcrossARelation() {
        assertEquals(List.of(false, true, true), companies.annotate("richCeo", Q.of("ceo__salary__gte", 20)).orderBy("name")
                .valuesListFlat("richCeo", Boolean.class).list());
    }
}
