package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.Case;
import dev.quarry.Exists;
import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.Manager;
import dev.quarry.OuterRef;
import dev.quarry.Q;
import dev.quarry.Subquery;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Company;
import dev.quarry.testkit.models.Employee;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Subquery, Exists and OuterRef, ported from Django's {@code tests/expressions/tests.py} (BasicExpressionsTests) on its
 * companies (Example Inc. 2300 employees, Foobar Ltd. 3, Test GmbH 32) and their CEOs (Joe 10, Frank 20, Max 30), with
 * Django's expected values.
 */
class SubqueryExpressionsTest extends TckBase {

    private Manager<Company> companies;
    private Manager<Employee> employees;
    private Employee joe;
    private Employee frank;
    private Employee max;

    @Override
    protected List<Class<?>> models() {
        return List.of(Employee.class, Company.class);
    }

    @BeforeEach
    void companies() {
        companies = db.objects(Company.class);
        employees = db.objects(Employee.class);
        joe = employees.create(new Employee("Joe", "Smith", 10));
        frank = employees.create(new Employee("Frank", "Meyer", 20));
        max = employees.create(new Employee("Max", "Mustermann", 30));
        companies.create(new Company("Example Inc.", 2300, 5, joe, null, false));
        companies.create(new Company("Foobar Ltd.", 3, 4, frank, null, true));
        companies.create(new Company("Test GmbH", 32, 1, max, null, false));
    }

    /** Django's test_subquery: Exists, ~Exists and a Subquery annotation per employee. */
    @Test
    void existsAndSubqueryAnnotations() {
        companies.filter("name", "Example Inc.").update(Map.of("pointOfContact", joe, "ceo", max));
        employees.create(new Employee("Bob", "Brown", 40));
        var qs = employees
                .annotate("isPointOfContact", Exists.of(companies.filter("pointOfContact", OuterRef.of("pk"))))
                .annotate("isNotPointOfContact", Exists.of(companies.filter("pointOfContact", OuterRef.of("pk"))).negate())
                .annotate("isCeoOfSmallCompany", Exists.of(companies.filter("numEmployees__lt", 200).filter("ceo", OuterRef.of("pk"))))
                .annotate("largestCompany", Subquery.of(companies.orderBy("-numEmployees")
                        .filter(Q.of("ceo", OuterRef.of("pk")).or(Q.of("pointOfContact", OuterRef.of("pk"))))
                        .values("name").slice(0, 1)))
                .orderBy("firstname")
                .values("firstname", "isPointOfContact", "isNotPointOfContact", "isCeoOfSmallCompany", "largestCompany");
        List<Map<String, Object>> results = qs.list();
        assertEquals(entry("Bob", false, true, false, null), results.get(0));
        assertEquals(entry("Frank", false, true, true, "Foobar Ltd."), results.get(1));
        assertEquals(entry("Joe", true, false, false, "Example Inc."), results.get(2));
        assertEquals(entry("Max", false, true, true, "Example Inc."), results.get(3));
        assertEquals(List.of(entry("Joe", true, false, false, "Example Inc.")), await(qs.filter("isPointOfContact", true).alist()));
    }

    private static Map<String, Object> entry(String firstname, boolean poc, boolean notPoc, boolean small, String largest) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstname", firstname);
        m.put("isPointOfContact", poc);
        m.put("isNotPointOfContact", notPoc);
        m.put("isCeoOfSmallCompany", small);
        m.put("largestCompany", largest);
        return m;
    }

    /** Django's test_nested_subquery: a subquery over a query that itself annotates an Exists. */
    @Test
    void nestedSubquery() {
        var inner = companies.filter("pointOfContact", OuterRef.of("pk"));
        var outer = employees.annotate("isPointOfContact", Exists.of(inner));
        var contrived = employees.annotate("isPointOfContact", Subquery.of(outer.filter("pk", OuterRef.of("pk"))
                .values("isPointOfContact")).outputType(Boolean.class));
        assertEquals(new HashSet<>(outer.valuesList("firstname", "isPointOfContact").list()),
                new HashSet<>(contrived.valuesList("firstname", "isPointOfContact").list()));
    }

    /** OuterRef(OuterRef(...)) reaches two queries out. */
    @Test
    void outerRefOfAnOuterRef() {
        var innermost = employees.filter("pk", OuterRef.of(OuterRef.of("ceo"))).filter("salary__gte", 20);
        var middle = companies.filter(Exists.of(innermost)).filter("pk", OuterRef.of("pk"));
        assertEquals(List.of("Foobar Ltd.", "Test GmbH"), companies.filter(Exists.of(middle)).orderBy("name")
                .valuesListFlat("name", String.class).list());
    }

    /** Django's test_annotations_within_subquery: a grouped subquery, used as a value and in a filter. */
    @Test
    void annotationsWithinASubquery() {
        companies.filter("numEmployees__lt", 50).update(Map.of("ceo", frank));
        var inner = companies.filter("ceo", OuterRef.of("pk")).values("ceo").annotate("totalEmployees", Aggregate.sum("numEmployees"))
                .values("totalEmployees");
        var outer = employees.annotate("totalEmployees", Subquery.of(inner)).filter("salary__lte", Subquery.of(inner));
        List<Map<String, Object>> rows = outer.orderBy("-totalEmployees").values("salary", "totalEmployees").list();
        assertEquals(2, rows.size());
        assertEquals(10, rows.get(0).get("salary"));
        assertEquals(2300L, ((Number) rows.get(0).get("totalEmployees")).longValue());
        assertEquals(20, rows.get(1).get("salary"));
        assertEquals(35L, ((Number) rows.get(1).get("totalEmployees")).longValue());
    }

    /** Django's test_subquery_references_joined_table_twice. */
    @Test
    void outerRefsAcrossRelations() {
        var inner = companies.filter("numChairs__gte", OuterRef.of("ceo__salary")).filter("numEmployees__gte",
                OuterRef.of("pointOfContact__salary"));
        assertFalse(companies.filter("pk__in", Subquery.of(inner.values("pk"))).exists());
    }

    /** Django's test_aggregate_subquery_annotation: a filtered count over a subquery annotation. */
    @Test
    void aggregateOverASubqueryAnnotation() {
        var result = companies.annotate("ceoSalary", Subquery.of(employees.filter("id", OuterRef.of("ceo")).values("salary")))
                .aggregate(Map.of("ceoSalaryGt20", Aggregate.count("pk").filter(Q.of("ceoSalary__gt", 20))));
        assertEquals(Map.of("ceoSalaryGt20", 1L), result);
    }

    /** Django's test_annotation_with_outerref: OuterRef in arithmetic inside the subquery. */
    @Test
    void outerRefInArithmetic() {
        var raise = Subquery.of(companies.annotate("salaryRaise", F.of("numEmployees").plus(OuterRef.of("numEmployees")))
                .orderBy("-salaryRaise").values("salaryRaise").slice(0, 1)).outputType(Integer.class);
        assertEquals(2332, companies.annotate("maxCeoSalaryRaise", raise).filter("name", "Test GmbH")
                .valuesListFlat("maxCeoSalaryRaise", Integer.class).get());
    }

    /** Django's test_exists_in_filter: filter(Exists), annotate + filter, exclude(Exists), exclude(~Exists). */
    @Test
    void existsInFilterAndExclude() {
        var inner = companies.filter("ceo", OuterRef.of("pk")).values("pk");
        var qs1 = employees.filter(Exists.of(inner));
        var qs2 = employees.annotate("found", Exists.of(inner)).filter("found", true);
        assertEquals(new HashSet<>(qs1.list()), new HashSet<>(qs2.list()));
        assertEquals(3, qs1.count());
        assertFalse(employees.exclude(Exists.of(inner)).exists());
        assertEquals(new HashSet<>(qs2.list()), new HashSet<>(await(employees.exclude(Exists.of(inner).negate()).alist())));
    }

    /** Django's test_subquery_in_filter: a boolean subquery as the condition. */
    @Test
    void booleanSubqueryAsAFilter() {
        var inner = companies.filter("ceo", OuterRef.of("pk")).values("basedInEu");
        assertEquals(List.of(frank), employees.filter(Subquery.of(inner)).list());
    }

    /** Django's test_case_in_filter_if_boolean_output_field. */
    @Test
    void caseOfExistsInAFilter() {
        companies.filter("name", "Example Inc.").update(Map.of("pointOfContact", joe, "ceo", max));
        var isCeo = companies.filter("ceo", OuterRef.of("pk"));
        var isPoc = companies.filter("pointOfContact", OuterRef.of("pk"));
        var qs = employees.filter(Case.when(Exists.of(isCeo), true).when(Exists.of(isPoc), true).otherwise(false));
        assertEquals(new HashSet<>(List.of(joe, frank, max)), new HashSet<>(qs.list()));
    }

    /** A subquery as an update value (Django's update(field=Subquery(...))). */
    @Test
    void subqueryAsAnUpdateValue() {
        companies.update(Map.of("numChairs", Subquery.of(employees.filter("pk", OuterRef.of("ceo")).values("salary"))));
        assertEquals(List.of(10, 20, 30), companies.orderBy("name").valuesListFlat("numChairs", Integer.class).list());
    }

    @Test
    void orderByExistsThroughAnAlias() {
        companies.filter("name", "Example Inc.").update(Map.of("pointOfContact", joe));
        var qs = employees.alias("isPoc", Exists.of(companies.filter("pointOfContact", OuterRef.of("pk"))))
                .orderBy("-isPoc", "firstname").valuesListFlat("firstname", String.class);
        assertEquals(List.of("Joe", "Frank", "Max"), qs.list());
    }

    @Test
    void outerRefNamesAreChecked() {
        var inner = companies.filter("ceo", OuterRef.of("nosuchfield"));
        FieldException e = assertThrows(FieldException.class, () -> employees.filter(Exists.of(inner)));
        assertEquals(true, e.getMessage().contains("salary"), e.getMessage());
    }

    @Test
    void anOuterRefOutsideASubqueryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> companies.filter("ceo", OuterRef.of("pk")).list());
    }
}
