package dev.quarry.testkit.tck;

import dev.quarry.FieldException;
import dev.quarry.Functions;
import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.DtModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Date functions, ported from Django's {@code tests/db_functions/datetime/test_extract_trunc.py} (test_extract_func,
 * test_extract_none, test_trunc_func, test_trunc_date_func, test_trunc_week_func ...) on its two DTModels
 * (2015-06-15 14:30:50 and 2016-06-15 14:10:50, each the other's end), and {@code dates()}/{@code datetimes()} from
 * Django's {@code tests/dates}, with Django's expected values. Aware timestamps are in the session time zone (UTC).
 */
class DateFunctionsTest extends TckBase {

    private static final LocalDateTime START = LocalDateTime.of(2015, 6, 15, 14, 30, 50, 321_000);
    private static final LocalDateTime END = LocalDateTime.of(2016, 6, 15, 14, 10, 50, 123_000);

    private Manager<DtModel> models;

    @Override
    protected List<Class<?>> models() {
        return List.of(DtModel.class);
    }

    @BeforeEach
    void twoModels() {
        models = db.objects(DtModel.class);
        create(START, END);
        create(END, START);
    }

    private void create(LocalDateTime start, LocalDateTime end) {
        models.create(new DtModel("m", start, end, start.toLocalDate(), end.toLocalDate(), start.toLocalTime(),
                start.atOffset(ZoneOffset.UTC)));
    }

    private <V> List<V> extracted(dev.quarry.Expression e, Class<V> type) {
        return models.annotate("extracted", e).orderBy("startDatetime").valuesListFlat("extracted", type).list();
    }

    @Test
    void extractEveryKind() {
        Map<String, List<Integer>> expected = Map.ofEntries(Map.entry("year", List.of(2015, 2016)),
                Map.entry("iso_year", List.of(2015, 2016)), Map.entry("quarter", List.of(2, 2)),
                Map.entry("month", List.of(6, 6)), Map.entry("day", List.of(15, 15)), Map.entry("week", List.of(25, 24)),
                Map.entry("week_day", List.of(2, 4)), Map.entry("iso_week_day", List.of(1, 3)),
                Map.entry("hour", List.of(14, 14)), Map.entry("minute", List.of(30, 10)), Map.entry("second", List.of(50, 50)));
        expected.forEach((kind, values) ->
                assertEquals(values, extracted(Functions.extract("startDatetime", kind), Integer.class), kind));
        assertEquals(List.of(2015, 2016), extracted(Functions.extract("startDate", "year"), Integer.class));
        assertEquals(List.of(30, 10), extracted(Functions.extract("startTime", "minute"), Integer.class));
        assertEquals(2, models.filter("startDatetime__year", Functions.extract("startDatetime", "year")).count());
    }

    @Test
    void extractOfNullIsNull() {
        models.all().delete();
        models.create(new DtModel("none", null, null, null, null, null, null));
        assertEquals(Arrays.asList((Integer) null), models.annotate("x", Functions.extract("startDatetime", "year"))
                .valuesListFlat("x", Integer.class).list());
    }

    @Test
    void extractChecksKindAndField() {
        assertThrows(IllegalArgumentException.class, () -> Functions.extract("startDatetime", "century"));
        assertThrows(FieldException.class, () -> models.annotate("x", Functions.extract("startDate", "hour")));
        assertThrows(IllegalArgumentException.class, () -> models.annotate("x", Functions.extract("name", "year")));
    }

    @Test
    void truncDateTimes() {
        assertEquals(List.of(LocalDateTime.of(2015, 1, 1, 0, 0), LocalDateTime.of(2016, 1, 1, 0, 0)),
                extracted(Functions.trunc("startDatetime", "year"), LocalDateTime.class));
        assertEquals(List.of(LocalDateTime.of(2015, 4, 1, 0, 0), LocalDateTime.of(2016, 4, 1, 0, 0)),
                extracted(Functions.trunc("startDatetime", "quarter"), LocalDateTime.class));
        assertEquals(List.of(LocalDateTime.of(2015, 6, 1, 0, 0), LocalDateTime.of(2016, 6, 1, 0, 0)),
                extracted(Functions.trunc("startDatetime", "month"), LocalDateTime.class));
        assertEquals(List.of(LocalDateTime.of(2015, 6, 15, 0, 0), LocalDateTime.of(2016, 6, 13, 0, 0)),
                extracted(Functions.trunc("startDatetime", "week"), LocalDateTime.class));
        assertEquals(List.of(LocalDateTime.of(2015, 6, 15, 14, 0), LocalDateTime.of(2016, 6, 15, 14, 0)),
                extracted(Functions.trunc("startDatetime", "hour"), LocalDateTime.class));
        assertEquals(List.of(LocalDateTime.of(2015, 6, 15, 14, 30), LocalDateTime.of(2016, 6, 15, 14, 10)),
                extracted(Functions.trunc("startDatetime", "minute"), LocalDateTime.class));
        assertEquals(List.of(LocalDateTime.of(2015, 6, 15, 14, 30, 50), LocalDateTime.of(2016, 6, 15, 14, 10, 50)),
                await(models.annotate("x", Functions.trunc("startDatetime", "second")).orderBy("startDatetime")
                        .valuesListFlat("x", LocalDateTime.class).alist()));
    }

    @Test
    void truncDatesTimesAndAwareTimestamps() {
        assertEquals(List.of(LocalDate.of(2015, 1, 1), LocalDate.of(2016, 1, 1)),
                extracted(Functions.trunc("startDate", "year"), LocalDate.class));
        assertEquals(List.of(LocalDate.of(2015, 6, 1), LocalDate.of(2016, 6, 1)),
                extracted(Functions.trunc("startDatetime", "month", LocalDate.class), LocalDate.class));
        assertEquals(List.of(LocalTime.of(14, 0), LocalTime.of(14, 0)), extracted(Functions.trunc("startTime", "hour"), LocalTime.class));
        List<OffsetDateTime> aware = extracted(Functions.trunc("startInstant", "day"), OffsetDateTime.class);
        assertEquals(OffsetDateTime.of(2015, 6, 15, 0, 0, 0, 0, ZoneOffset.UTC).toInstant(), aware.get(0).toInstant());
    }

    @Test
    void truncRefusesWhatDjangoRefuses() {
        assertThrows(IllegalArgumentException.class, () -> models.annotate("x", Functions.trunc("startDate", "second")));
        assertThrows(IllegalArgumentException.class, () -> models.annotate("x", Functions.trunc("startTime", "month")));
        assertThrows(IllegalArgumentException.class, () -> models.annotate("x", Functions.trunc("name", "year")));
        assertThrows(IllegalArgumentException.class, () -> Functions.trunc("startDate", "decade"));
    }

    /** Django's tests/db_functions/datetime/test_now: Now() in a filter and as a value. */
    @Test
    void now() {
        assertEquals(2, models.filter("startInstant__lt", Functions.now()).count());
        assertEquals(0, models.filter("startInstant__gt", Functions.now()).count());
        OffsetDateTime now = models.annotate("now", Functions.now()).valuesListFlat("now", OffsetDateTime.class).first().orElseThrow();
        assertEquals(true, Math.abs(now.toInstant().getEpochSecond() - java.time.Instant.now().getEpochSecond()) < 600, now.toString());
        models.filter("name", "m").update(Map.of("startInstant", Functions.now()));
        assertEquals(2, models.filter("startInstant__gt", START.atOffset(ZoneOffset.UTC)).count());
    }

    @Test
    void truncDateAndTime() {
        assertEquals(List.of(START.toLocalDate(), END.toLocalDate()), extracted(Functions.truncDate("startDatetime"), LocalDate.class));
        // to the second: provider-helidon reads TIME through java.sql.Time, which has no fraction of a second
        assertEquals(List.of(LocalTime.of(14, 30, 50), LocalTime.of(14, 10, 50)), extracted(Functions.truncTime("startDatetime"),
                LocalTime.class).stream().map(t -> t.withNano(0)).toList());
    }

    @Test
    void transformsWhereverAFieldNameIsAccepted() {
        assertEquals(List.of(2015, 2016), models.orderBy("startDatetime__year").valuesListFlat("startDatetime__year", Integer.class).list());
        assertEquals(List.of(START.toLocalDate(), END.toLocalDate()), models.orderBy("startDatetime")
                .values("startDatetime__date").list().stream().map(m -> m.get("startDatetime__date")).toList());
        assertEquals(Map.of("startDatetime__month__min", 6), models.aggregate(dev.quarry.Aggregate.min("startDatetime__month")));
        var perYear = models.values("startDatetime__year").annotate("n", dev.quarry.Aggregate.count("id"))
                .orderBy("startDatetime__year").valuesList("startDatetime__year", "n").list();
        assertEquals(List.of(List.of(2015, 1L), List.of(2016, 1L)), perYear);
        assertThrows(FieldException.class, () -> models.orderBy("startDatetime__gt"));
    }

    /** Django's tests/dates: distinct truncated dates, ascending or descending, without NULL. */
    @Test
    void dates() {
        create(START.plusDays(1), END);
        models.create(new DtModel("none", null, null, null, null, null, null));
        assertEquals(List.of(LocalDate.of(2015, 1, 1), LocalDate.of(2016, 1, 1)), models.dates("startDatetime", "year").list());
        assertEquals(List.of(LocalDate.of(2016, 6, 15), LocalDate.of(2015, 6, 16), LocalDate.of(2015, 6, 15)),
                await(models.dates("startDate", "day", "DESC").alist()));
        assertEquals(List.of(LocalDate.of(2015, 6, 1), LocalDate.of(2016, 6, 1)), models.dates("startDate", "month").list());
        assertEquals(2, models.dates("startDate", "year").count());
        var e = assertThrows(IllegalArgumentException.class, () -> models.dates("startDate", "bad kind"));
        assertEquals("'kind' must be one of 'year', 'month', 'week', or 'day'.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> models.dates("startDate", "year", "bad order"));
        assertEquals("'order' must be either 'ASC' or 'DESC'.", e.getMessage());
        assertThrows(FieldException.class, () -> models.dates("invalidField", "year"));
    }

    @Test
    void datetimes() {
        assertEquals(List.of(LocalDateTime.of(2015, 6, 15, 14, 0), LocalDateTime.of(2016, 6, 15, 14, 0)),
                models.datetimes("startDatetime", "hour").list());
        assertEquals(List.of(LocalDateTime.of(2016, 6, 15, 0, 0), LocalDateTime.of(2015, 6, 15, 0, 0)),
                models.datetimes("startInstant", "day", "DESC").list());
        assertThrows(IllegalArgumentException.class, () -> models.datetimes("startDatetime", "decade"));
    }
}
