package dev.quarry.testkit.tck;

import dev.quarry.F;
import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Experiment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Django's {@code DurationField} (tests/model_fields/test_durationfield.py) and its arithmetic with dates and
 * date-times (tests/expressions/tests.py, {@code FTimeDeltaTests}), with Django's expected results.
 */
class DurationFieldTest extends TckBase {

    private static final LocalDate SDAY = LocalDate.of(2010, 6, 25);
    private static final LocalDateTime STIME = LocalDateTime.of(2010, 6, 25, 12, 15, 30, 747_000_000);

    private final List<Duration> deltas = new ArrayList<>();
    private final List<Experiment> experiments = new ArrayList<>();

    @Override
    protected List<Class<?>> models() {
        return List.of(Experiment.class);
    }

    private Manager<Experiment> exps() {
        return db.objects(Experiment.class);
    }

    /** Django's fixture: each experiment runs longer than the one before and starts later after its assignment. */
    @BeforeEach
    void setUpTestData() {
        deltas.clear();
        experiments.clear();
        Duration[] runs = {Duration.ofNanos(253_000_000), Duration.ofSeconds(10), Duration.ofDays(1).plusSeconds(10),
                Duration.ofDays(4).plusHours(5), Duration.ofDays(7), Duration.ofDays(14).negated().plusDays(28)};
        for (int i = 0; i < runs.length; i++) {
            LocalDateTime start = STIME.plusDays(i);
            LocalDateTime end = start.plus(runs[i]);
            experiments.add(exps().create(new Experiment("e" + i, SDAY, end.toLocalDate(), runs[i], start, end)));
            deltas.add(runs[i]);
        }
    }

    private List<Experiment> where(java.util.function.Predicate<Experiment> p) {
        return experiments.stream().filter(p).toList();
    }

    @Test
    void durationsSurviveARoundTripAsIntervals() throws Exception {
        Experiment e = new Experiment("rt", SDAY, SDAY, Duration.ofDays(10).plusMinutes(2).plusSeconds(3).plusNanos(456_000), STIME, STIME);
        Duration negative = Duration.ofSeconds(-1).plusNanos(1_000);
        Experiment n = new Experiment("neg", SDAY, SDAY, negative, STIME, STIME);
        assertEquals(e.estimatedTime, exps().get("pk", exps().create(e).id).estimatedTime);
        assertEquals(negative, exps().get("pk", exps().create(n).id).estimatedTime);
        Experiment empty = exps().create(new Experiment("empty", SDAY, SDAY, null, STIME, STIME));
        assertNull(exps().get("pk", empty.id).estimatedTime);
        assertEquals("interval", String.valueOf(sqlValue("SELECT data_type FROM information_schema.columns WHERE "
                + "table_schema = current_schema() AND table_name = 'tck_experiment' AND column_name = 'estimated_time'")));
    }

    @Test
    void exactAndGreaterThan() {
        exps().delete();
        Experiment day = exps().create(new Experiment("d", SDAY, SDAY, Duration.ofDays(1), STIME, STIME));
        Experiment second = exps().create(new Experiment("s", SDAY, SDAY, Duration.ofSeconds(1), STIME, STIME));
        exps().create(new Experiment("m", SDAY, SDAY, Duration.ofSeconds(-1), STIME, STIME));
        assertEquals(List.of(day), exps().filter("estimatedTime", Duration.ofDays(1)).list());
        assertEquals(List.of(day, second), exps().filter("estimatedTime__gt", Duration.ZERO).orderBy("pk").list());
        assertEquals(List.of(day), exps().filter("estimatedTime__in", List.of(Duration.ofHours(24))).list());
    }

    @Test
    void deltaAddAndSubtract() {
        for (Duration delta : deltas) {
            assertEquals(where(e -> e.end.isBefore(e.start.plus(delta))),
                    exps().filter("end__lt", F.of("start").plus(delta)).orderBy("pk").list(), "add " + delta);
            assertEquals(where(e -> e.start.isAfter(e.end.minus(delta))),
                    exps().filter("start__gt", F.of("end").minus(delta)).orderBy("pk").list(), "subtract " + delta);
            assertEquals(where(e -> !e.end.isAfter(e.start.plus(delta))),
                    exps().filter("end__lte", F.of("start").plus(delta)).orderBy("pk").list(), "lte " + delta);
        }
    }

    @Test
    void durationFieldAddsToADateTime() {
        assertEquals(experiments, exps().filter("end", F.of("start").plus(F.of("estimatedTime"))).orderBy("pk").list());
        assertEquals(experiments, exps().filter("start", F.of("end").minus(F.of("estimatedTime"))).orderBy("pk").list());
        assertEquals(List.of(), exps().filter("end__lt", F.of("start").plus(F.of("estimatedTime"))).list());
    }

    @Test
    void dateTimeSubtractionIsADuration() {
        List<Object> durations = exps().annotate("took", F.of("end").minus(F.of("start"))).orderBy("pk")
                .valuesListFlat("took", Object.class).list();
        assertEquals(new ArrayList<Object>(deltas), durations);
        assertEquals(experiments.subList(2, 6), exps().filter("estimatedTime__gt", Duration.ofMinutes(1))
                .filter("estimatedTime__gte", F.of("end").minus(F.of("start"))).orderBy("pk").list());
    }

    @Test
    void dateSubtractionIsADurationOfDays() {
        List<Object> days = exps().annotate("days", F.of("completed").minus(F.of("assigned"))).orderBy("pk")
                .valuesListFlat("days", Object.class).list();
        List<Object> expected = new ArrayList<>();
        experiments.forEach(e -> expected.add(Duration.ofDays(e.completed.toEpochDay() - e.assigned.toEpochDay())));
        assertEquals(expected, days);
        assertEquals(where(e -> e.completed.toEpochDay() - e.assigned.toEpochDay() > 5),
                exps().annotate("days", F.of("completed").minus(F.of("assigned")))
                        .filter("days__gt", Duration.ofDays(5)).orderBy("pk").list());
    }

    @Test
    void dateTimePlusDurationAnnotationReadsAsADateTime() {
        assertEquals(experiments.stream().map(e -> (Object) e.start.plusHours(1)).toList(),
                exps().annotate("later", F.of("start").plus(Duration.ofHours(1))).orderBy("pk")
                        .valuesListFlat("later", Object.class).list());
    }

    @Test
    void negativeDeltaUpdate() {
        assertEquals(experiments.size(), exps().update(Map.of("start", F.of("start").plus(Duration.ofHours(-2)),
                "estimatedTime", F.of("estimatedTime").times(2))));
        Experiment e0 = exps().get("name", "e0");
        assertEquals(STIME.minusHours(2), e0.start);
        assertEquals(deltas.get(0).multipliedBy(2), e0.estimatedTime);
    }

    @Test
    void asyncTwins() {
        assertEquals(where(e -> e.estimatedTime.compareTo(Duration.ofDays(1)) > 0),
                exps().filter("estimatedTime__gt", Duration.ofDays(1)).orderBy("pk").alist().join());
        assertEquals(deltas.get(3), exps().aget("name", "e3").join().estimatedTime);
    }
}
