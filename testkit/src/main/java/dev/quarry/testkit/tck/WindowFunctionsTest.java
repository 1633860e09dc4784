package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.F;
import dev.quarry.Functions;
import dev.quarry.Manager;
import dev.quarry.Window;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Staff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Window functions, ported from Django's {@code tests/expressions_window/tests.py} (WindowFunctionTests) on its twelve
 * employees, with Django's expected rows: dense rank, rank, row number, running sums per department, averages,
 * lag, lead, first and last value, ntile, percent rank, frames and filtering on a window annotation (Django 4.2's
 * outer query).
 */
class WindowFunctionsTest extends TckBase {

    private Manager<Staff> staff;

    @Override
    protected List<Class<?>> models() {
        return List.of(Staff.class);
    }

    @BeforeEach
    void employees() {
        staff = db.objects(Staff.class);
        Object[][] rows = {
                {"Jones", 45000, "Accounting", LocalDate.of(2005, 11, 1), 20},
                {"Williams", 37000, "Accounting", LocalDate.of(2009, 6, 1), 20},
                {"Jenson", 45000, "Accounting", LocalDate.of(2008, 4, 1), 20},
                {"Adams", 50000, "Accounting", LocalDate.of(2013, 7, 1), 50},
                {"Smith", 55000, "Sales", LocalDate.of(2007, 6, 1), 30},
                {"Brown", 53000, "Sales", LocalDate.of(2009, 9, 1), 30},
                {"Johnson", 40000, "Marketing", LocalDate.of(2012, 3, 1), 30},
                {"Smith", 38000, "Marketing", LocalDate.of(2009, 10, 1), 20},
                {"Wilkinson", 60000, "IT", LocalDate.of(2011, 3, 1), 40},
                {"Moore", 34000, "IT", LocalDate.of(2013, 8, 1), 40},
                {"Miller", 100000, "Management", LocalDate.of(2005, 6, 1), 40},
                {"Johnson", 80000, "Management", LocalDate.of(2005, 7, 1), 50}};
        List<Staff> all = new ArrayList<>();
        for (Object[] r : rows) {
            all.add(new Staff((String) r[0], (Integer) r[1], (String) r[2], (LocalDate) r[3], (Integer) r[4], null));
        }
        staff.bulkCreate(all);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static Long n(long v) {
        return v;
    }

    @Test
    void denseRank() {
        var qs = staff.annotate("rank", Window.of(Functions.denseRank()).orderBy("hireDate__year"))
                .valuesList("name", "salary", "rank");
        assertEquals(new HashSet<>(List.of(row("Jones", 45000, n(1)), row("Miller", 100000, n(1)), row("Johnson", 80000, n(1)),
                row("Smith", 55000, n(2)), row("Jenson", 45000, n(3)), row("Smith", 38000, n(4)), row("Brown", 53000, n(4)),
                row("Williams", 37000, n(4)), row("Wilkinson", 60000, n(5)), row("Johnson", 40000, n(6)),
                row("Moore", 34000, n(7)), row("Adams", 50000, n(7)))), new HashSet<>(qs.list()));
    }

    @Test
    void rankHasGaps() {
        var qs = staff.annotate("rank", Window.of(Functions.rank()).orderBy("hireDate__year")).valuesList("name", "salary", "rank");
        assertEquals(new HashSet<>(List.of(row("Jones", 45000, n(1)), row("Miller", 100000, n(1)), row("Johnson", 80000, n(1)),
                row("Smith", 55000, n(4)), row("Jenson", 45000, n(5)), row("Smith", 38000, n(6)), row("Brown", 53000, n(6)),
                row("Williams", 37000, n(6)), row("Wilkinson", 60000, n(9)), row("Johnson", 40000, n(10)),
                row("Moore", 34000, n(11)), row("Adams", 50000, n(11)))), new HashSet<>(await(qs.alist())));
    }

    @Test
    void departmentSalaryRunningSum() {
        var qs = staff.annotate("departmentSum", Window.of(Aggregate.sum("salary")).partitionBy("department").orderBy("hireDate"))
                .orderBy("department", "departmentSum").valuesList("name", "department", "salary", "departmentSum");
        List<List<Object>> expected = List.of(
                row("Jones", "Accounting", 45000, 45000L), row("Jenson", "Accounting", 45000, 90000L),
                row("Williams", "Accounting", 37000, 127000L), row("Adams", "Accounting", 50000, 177000L),
                row("Wilkinson", "IT", 60000, 60000L), row("Moore", "IT", 34000, 94000L),
                row("Miller", "Management", 100000, 100000L), row("Johnson", "Management", 80000, 180000L),
                row("Smith", "Marketing", 38000, 38000L), row("Johnson", "Marketing", 40000, 78000L),
                row("Smith", "Sales", 55000, 55000L), row("Brown", "Sales", 53000, 108000L));
        assertEquals(expected, qs.list());
    }

    @Test
    void rowNumberByPk() {
        var qs = staff.annotate("rowNumber", Window.of(Functions.rowNumber()).orderBy("pk")).orderBy("pk")
                .valuesListFlat("rowNumber", Long.class);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L), qs.list());
    }

    @Test
    void averageSalaryPerDepartment() {
        var qs = staff.annotate("avgSalary", Window.of(Aggregate.avg("salary")).partitionBy("department").orderBy("department"))
                .orderBy("department", "-salary", "name").valuesList("name", "avgSalary");
        List<Double> averages = qs.list().stream().map(r -> ((Number) r.get(1)).doubleValue()).toList();
        assertEquals(List.of(44250.0, 44250.0, 44250.0, 44250.0, 47000.0, 47000.0, 90000.0, 90000.0, 39000.0, 39000.0,
                54000.0, 54000.0), averages);
    }

    @Test
    void lagIsThePreviousSalaryInTheDepartment() {
        var qs = staff.annotate("lag", Window.of(Functions.lag("salary", 1)).partitionBy(F.of("department"))
                        .orderBy("salary", "name"))
                .orderBy("department", "salary", "name").valuesList("name", "salary", "lag");
        assertEquals(List.of(row("Williams", 37000, null), row("Jenson", 45000, 37000), row("Jones", 45000, 45000),
                row("Adams", 50000, 45000), row("Moore", 34000, null), row("Wilkinson", 60000, 34000),
                row("Johnson", 80000, null), row("Miller", 100000, 80000), row("Smith", 38000, null),
                row("Johnson", 40000, 38000), row("Brown", 53000, null), row("Smith", 55000, 53000)), qs.list());
    }

    @Test
    void firstValuePerDepartment() {
        var qs = staff.annotate("firstValue", Window.of(Functions.firstValue("salary")).partitionBy("department")
                .orderBy("hireDate")).orderBy("department", "hireDate").valuesListFlat("firstValue", Integer.class);
        assertEquals(List.of(45000, 45000, 45000, 45000, 60000, 60000, 100000, 100000, 38000, 38000, 55000, 55000), qs.list());
    }

    @Test
    void lastValueWithTheDefaultFrameIsTheRowsOwn() {
        var qs = staff.annotate("lastValue", Window.of(Functions.lastValue("hireDate")).partitionBy("department")
                .orderBy("hireDate")).valuesList("hireDate", "lastValue");
        for (List<Object> r : qs.list()) {
            assertEquals(r.get(0), r.get(1));
        }
    }

    /** Django's test_function_list_of_values: Lead ordered by hire date and descending name; no GROUP BY. */
    @Test
    void leadIsTheNextSalary() {
        var qs = staff.annotate("lead", Window.of(Functions.lead("salary")).orderBy("hireDate", "-name").partitionBy("department"))
                .orderBy("department", "hireDate", "-name").valuesList("name", "salary", "lead");
        assertEquals(List.of(row("Jones", 45000, 45000), row("Jenson", 45000, 37000), row("Williams", 37000, 50000),
                row("Adams", 50000, null), row("Wilkinson", 60000, 34000), row("Moore", 34000, null),
                row("Miller", 100000, 80000), row("Johnson", 80000, null), row("Smith", 38000, 40000),
                row("Johnson", 40000, null), row("Smith", 55000, 53000), row("Brown", 53000, null)), qs.list());
    }

    @Test
    void minPerDepartment() {
        var qs = staff.annotate("minSalary", Window.of(Aggregate.min("salary")).partitionBy("department").orderBy("salary", "name"))
                .orderBy("department", "salary", "name").valuesListFlat("minSalary", Integer.class);
        assertEquals(List.of(37000, 37000, 37000, 37000, 34000, 34000, 80000, 80000, 38000, 38000, 53000, 53000), qs.list());
    }

    /** Django's test_max_per_year: partitioned and ordered by ExtractYear. */
    @Test
    void maxPerHireYear() {
        var qs = staff.annotate("maxSalaryYear", Window.of(Aggregate.max("salary")).orderBy("hireDate__year")
                        .partitionBy(Functions.extract("hireDate", "year")))
                .orderBy("hireDate__year", "salary").valuesList("name", "maxSalaryYear");
        List<List<Object>> rows = qs.list();
        assertEquals(row("Jones", 100000), rows.get(0));
        assertEquals(row("Miller", 100000), rows.get(2));
        assertEquals(row("Smith", 55000), rows.get(3));
        assertEquals(row("Moore", 50000), rows.get(10));
        assertEquals(row("Adams", 50000), rows.get(11));
    }

    /** Django's test_ntile: four buckets over salaries, descending. */
    @Test
    void ntileSplitsIntoBuckets() {
        var qs = staff.annotate("ntile", Window.of(Functions.ntile(4)).orderBy("-salary", "name"))
                .orderBy("-salary", "name").valuesListFlat("ntile", Integer.class);
        assertEquals(List.of(1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4), qs.list());
    }

    /** Django's test_percent_rank: by salary, ascending; Moore 0.0 ... Miller 1.0. */
    @Test
    void percentRank() {
        var qs = staff.annotate("percentRank", Window.of(Functions.percentRank()).orderBy("salary"))
                .orderBy("percentRank", "department", "salary", "name").valuesList("name", "percentRank");
        List<List<Object>> rows = qs.list();
        assertEquals(row("Moore", 0.0), rows.get(0));
        assertEquals(0.0909090909, (Double) rows.get(1).get(1), 1e-9);
        assertEquals(row("Miller", 1.0), rows.get(11));
    }

    /** Django's test_row_range_rank: a running total over a frame of the previous and the current row. */
    @Test
    void rowsFrame() {
        var qs = staff.annotate("sum", Window.of(Aggregate.sum("salary")).orderBy("hireDate", "name").rows(-1, 0))
                .orderBy("hireDate", "name").valuesListFlat("sum", Long.class);
        List<Long> sums = qs.list();
        assertEquals(100000L, sums.get(0), "Miller alone");
        assertEquals(180000L, sums.get(1), "Miller + Johnson");
        assertEquals(125000L, sums.get(2), "Johnson + Jones");
    }

    /** Django 4.2: filtering on a window annotation runs the query as a subquery. */
    @Test
    void filterOnAWindowAnnotationKeepsTheBestPaidPerDepartment() {
        var qs = staff.annotate("rank", Window.of(Functions.rank()).partitionBy("department").orderBy("-salary"))
                .filter("rank", 1).orderBy("department").valuesListFlat("name", String.class);
        assertEquals(List.of("Adams", "Wilkinson", "Miller", "Johnson", "Smith"), qs.list());
        assertEquals(5, qs.count());
        assertEquals(5, await(qs.acount()));
        assertEquals(List.of("Wilkinson"), qs.slice(1, 2).list());
    }

    @Test
    void filterOnAWindowAnnotationCombinedWithAPlainFilter() {
        var qs = staff.filter("age__gte", 30).annotate("rank", Window.of(Functions.denseRank()).orderBy("-salary"))
                .filter("rank__lte", 2).orderBy("rank");
        assertEquals(List.of("Miller", "Johnson"), qs.list().stream().map(Staff::getName).toList());
    }

    @Test
    void aWindowFunctionOutsideAWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Window.of(Functions.upper("name")));
        assertThrows(IllegalArgumentException.class, () -> staff.annotate("r", Functions.rank()).list());
    }
}
