package dev.quarry.testkit.tck;

import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.Functions;
import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.DtModel;
import dev.quarry.testkit.models.Numbers;
import dev.quarry.testkit.models.Reporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Comparison and math functions, ported from Django's {@code tests/db_functions/comparison} (test_coalesce,
 * test_nullif, test_greatest, test_least, test_cast) and {@code tests/db_functions/math} (test_abs, test_ceil,
 * test_floor, test_round, test_mod, test_power, test_sqrt) with Django's expected values and output types.
 */
class ComparisonMathFunctionsTest extends TckBase {

    private Manager<Reporter> authors;
    private Manager<Numbers> numbers;
    private Manager<DtModel> times;

    @Override
    protected List<Class<?>> models() {
        return List.of(Reporter.class, Numbers.class, DtModel.class);
    }

    @BeforeEach
    void managers() {
        authors = db.objects(Reporter.class);
        numbers = db.objects(Numbers.class);
        times = db.objects(DtModel.class);
    }

    private void smithAndRhonda(String rhondaAlias) {
        authors.create(new Reporter("John Smith", "smithj", null, 30));
        authors.create(new Reporter("Rhonda", rhondaAlias, null, 30));
    }

    @Test
    void coalesce() {
        smithAndRhonda(null);
        assertEquals(List.of("smithj", "Rhonda"), authors.annotate("displayName", Functions.coalesce("alias", "name"))
                .orderBy("name").valuesListFlat("displayName", String.class).list());
        assertThrows(IllegalArgumentException.class, () -> Functions.coalesce("alias"));
    }

    @Test
    void coalesceOrdering() {
        smithAndRhonda(null);
        var asc = authors.alias("d", Functions.coalesce("alias", "name")).orderBy("d").valuesListFlat("name", String.class);
        assertEquals(List.of("Rhonda", "John Smith"), asc.list());
        var desc = authors.alias("d", Functions.coalesce("alias", "name")).orderBy("-d").valuesListFlat("name", String.class);
        assertEquals(List.of("John Smith", "Rhonda"), await(desc.alist()));
    }

    @Test
    void coalesceWithAValueAndInAFilter() {
        smithAndRhonda(null);
        assertEquals(List.of("Rhonda"), authors.filter("alias", null).annotate("a", Functions.coalesce("alias", F.value("none")))
                .filter("a", "none").valuesListFlat("name", String.class).list());
    }

    @Test
    void nullIf() {
        smithAndRhonda("Rhonda");
        assertEquals(Arrays.asList("smithj", null), authors.annotate("nullif", Functions.nullIf("alias", "name"))
                .orderBy("name").valuesListFlat("nullif", String.class).list());
    }

    @Test
    void greatestAndLeastOfTimestamps() {
        LocalDateTime before = LocalDateTime.of(2016, 1, 1, 12, 0);
        LocalDateTime after = LocalDateTime.of(2017, 1, 1, 12, 0);
        times.create(new DtModel("x", before, after, null, null, null, null));
        assertEquals(after, times.annotate("last", Functions.greatest("startDatetime", "endDatetime"))
                .valuesListFlat("last", LocalDateTime.class).get());
        assertEquals(before, times.annotate("first", Functions.least("startDatetime", "endDatetime"))
                .valuesListFlat("first", LocalDateTime.class).get());
        assertThrows(IllegalArgumentException.class, () -> Functions.greatest("startDatetime"));
    }

    /** Django's test_ignores_null on PostgreSQL: GREATEST and LEAST skip NULL. */
    @Test
    void greatestIgnoresNullOnPostgres() {
        LocalDateTime start = LocalDateTime.of(2016, 1, 1, 12, 0);
        times.create(new DtModel("x", start, null, null, null, null, null));
        assertEquals(start, times.annotate("last", Functions.greatest("startDatetime", "endDatetime"))
                .valuesListFlat("last", LocalDateTime.class).get());
    }

    @Test
    void mixedTypesNeedAnOutputType() {
        numbers.create(new Numbers().normal(2).f1(1.5));
        FieldException e = assertThrows(FieldException.class, () -> numbers.annotate("g", Functions.greatest("normal", "f1")));
        assertEquals(true, e.getMessage().contains("mixed types"), e.getMessage());
        assertEquals(2.0, numbers.annotate("g", Functions.greatest("normal", "f1").outputType(Double.class))
                .valuesListFlat("g", Double.class).get());
    }

    @Test
    void cast() {
        authors.create(new Reporter("Bob", null, null, 1));
        assertEquals("1", authors.annotate("ageAsText", Functions.cast("age", String.class)).valuesListFlat("ageAsText", String.class).get());
        assertEquals(1.0, authors.annotate("x", Functions.cast("age", Double.class)).valuesListFlat("x", Double.class).get());
        assertEquals(12L, authors.annotate("x", Functions.cast(F.value("12"), Long.class)).valuesListFlat("x", Long.class).get());
    }

    @Test
    void absOfDecimalsFloatsAndIntegers() {
        numbers.create(new Numbers().n1(new BigDecimal("-0.80")).n2(new BigDecimal("1.20")).f1(-27.5).normal(-20).big(-30L));
        List<Object> r = numbers.annotate("n1Abs", Functions.abs("n1")).annotate("f1Abs", Functions.abs("f1"))
                .annotate("normalAbs", Functions.abs("normal")).annotate("bigAbs", Functions.abs("big"))
                .valuesList("n1Abs", "f1Abs", "normalAbs", "bigAbs").get();
        assertEquals(new BigDecimal("0.80"), r.get(0));
        assertEquals(27.5, r.get(1));
        assertEquals(20, r.get(2));
        assertEquals(30L, r.get(3));
        assertEquals(1, numbers.alias("a", Functions.abs("normal")).filter("a__gt", 19).count());
    }

    @Test
    void ceilFloorRound() {
        numbers.create(new Numbers().n1(new BigDecimal("-12.90")).f1(12.6).normal(5));
        List<Object> r = numbers.annotate("c", Functions.ceil("n1")).annotate("f", Functions.floor("n1"))
                .annotate("r", Functions.round("f1")).annotate("r1", Functions.round("n1", 1))
                .valuesList("c", "f", "r", "r1").get();
        assertEquals(0, new BigDecimal("-12").compareTo((BigDecimal) r.get(0)));
        assertEquals(0, new BigDecimal("-13").compareTo((BigDecimal) r.get(1)));
        assertEquals(13.0, ((Number) r.get(2)).doubleValue());
        assertEquals(0, new BigDecimal("-12.9").compareTo((BigDecimal) r.get(3)));
        assertEquals(12.6, numbers.annotate("x", Functions.round("f1", 2)).valuesListFlat("x", Double.class).get());
    }

    @Test
    void modPowerSqrtGiveDoublesForIntegersAndDecimalsForDecimals() {
        numbers.create(new Numbers().n1(new BigDecimal("-9.90")).n2(new BigDecimal("4.60")).small((short) 5).normal(16).big(3L));
        List<Object> r = numbers.annotate("m", Functions.mod("normal", "big")).annotate("p", Functions.power("big", 2))
                .annotate("s", Functions.sqrt("normal")).annotate("md", Functions.mod("n1", "n2"))
                .valuesList("m", "p", "s", "md").get();
        assertInstanceOf(Double.class, r.get(0));
        assertEquals(1.0, r.get(0));
        assertEquals(9.0, r.get(1));
        assertEquals(4.0, r.get(2));
        assertInstanceOf(BigDecimal.class, r.get(3));
        assertEquals(0, new BigDecimal("-0.70").compareTo((BigDecimal) r.get(3)));
    }

    @Test
    void mathOnNullIsNull() {
        numbers.create(new Numbers());
        List<Object> r = numbers.annotate("a", Functions.abs("normal")).annotate("s", Functions.sqrt("f1"))
                .valuesList("a", "s").get();
        assertNull(r.get(0));
        assertNull(r.get(1));
    }

    @Test
    void functionsAsUpdateValues() {
        numbers.create(new Numbers().normal(-4).f1(2.25));
        numbers.update(Map.of("normal", Functions.abs("normal"), "f1", Functions.sqrt("f1")));
        Numbers n = numbers.get();
        assertEquals(4, n.getNormal());
        assertEquals(1.5, n.getF1());
    }
}
