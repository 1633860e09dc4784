package dev.quarry.testkit.tck;

import dev.quarry.DatabaseException;
import dev.quarry.Quarry;
import dev.quarry.QuarryBuilder;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Event;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Consumer;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code QuarryBuilder.timeZone(ZoneId)} (default UTC, Django's {@code TIME_ZONE}) is the session time zone of every
 * connection: date/time transforms on {@code timestamptz} are computed in it, whatever the JVM's default zone;
 * {@code QuarryBuilder.statementTimeout(Duration)} bounds every statement. Both are set once per connection.
 */
class SessionTimeZoneTest extends TckBase {

    /** 23:30 UTC on New Year's Eve: 2027 already in Tokyo (+9) and Kiritimati (+14), 20:30 at -03:00. */
    private static final Instant NEW_YEARS_EVE = Instant.parse("2026-12-31T23:30:00Z");

    @Override
    protected List<Class<?>> models() {
        return List.of(Event.class);
    }

    @BeforeEach
    void oneEventLateOnNewYearsEve() {
        db.objects(Event.class).create(new Event("late", NEW_YEARS_EVE, true));
        db.objects(Event.class).create(new Event("early", Instant.parse("2026-06-02T12:00:00Z"), true));
    }

    private Quarry open(Consumer<QuarryBuilder> settings) {
        return configuration.connect(database.url(), database.user(), database.password(), 2, settings);
    }

    @Test
    void transformsUseUtcByDefaultWhateverTheJvmZone() {
        TimeZone jvm = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));   // +14: the year would differ
        try (Quarry utc = open(b -> { })) {
            assertEquals(2, utc.objects(Event.class).filter("occurredAt__year", 2026).count());
            assertEquals(0, utc.objects(Event.class).filter("occurredAt__year", 2027).count());
            assertEquals(1, utc.objects(Event.class).filter("occurredAt__hour", 23).count());
            assertEquals(1L, (long) await(utc.objects(Event.class).filter("occurredAt__day", 31).acount()));
            assertEquals(1L, (long) utc.atomic(tx -> tx.objects(Event.class).filter("occurredAt__month", 12).count()));
        } finally {
            TimeZone.setDefault(jvm);
        }
    }

    @Test
    void transformsUseTheConfiguredZone() {
        try (Quarry tokyo = open(b -> b.timeZone(ZoneId.of("Asia/Tokyo")))) {
            assertEquals(1, tokyo.objects(Event.class).filter("occurredAt__year", 2027).count());
            assertEquals(1, tokyo.objects(Event.class).filter("occurredAt__day", 1).count());
            assertEquals(1, tokyo.objects(Event.class).filter("occurredAt__hour", 8).count());
            assertEquals(1L, (long) await(tokyo.objects(Event.class).filter("occurredAt__year", 2027).acount()));
            assertEquals(List.of("late"), tokyo.atomic(tx -> tx.objects(Event.class).filter("occurredAt__month", 1)
                    .valuesListFlat("name", String.class).list()));
        }
    }

    @Test
    void aFixedOffsetKeepsItsIsoSign() {
        try (Quarry minusThree = open(b -> b.timeZone(ZoneOffset.ofHours(-3)))) {
            assertEquals(1, minusThree.objects(Event.class).filter("occurredAt__hour", 20).count());
            assertEquals(2, minusThree.objects(Event.class).filter("occurredAt__year", 2026).count());
        }
        try (Quarry plusFiveThirty = open(b -> b.timeZone(ZoneOffset.ofHoursMinutes(5, 30)))) {
            assertEquals(1, plusFiveThirty.objects(Event.class).filter("occurredAt__hour", 5).count());
            assertEquals(1, plusFiveThirty.objects(Event.class).filter("occurredAt__year", 2027).count());
        }
    }

    @Test
    void theValuesReadBackAreTheSameInstantsInAnyZone() {
        try (Quarry tokyo = open(b -> b.timeZone(ZoneId.of("Asia/Tokyo")))) {
            assertEquals(NEW_YEARS_EVE, tokyo.objects(Event.class).get("name", "late").getOccurredAt());
        }
    }

    @Test
    void theStatementTimeoutBoundsEveryStatement() {
        try (Quarry bounded = open(b -> b.statementTimeout(Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            DatabaseException e = assertThrows(DatabaseException.class, () -> bounded.raw(Event.class,
                    "SELECT 1::bigint AS id, 'x' AS name FROM pg_sleep(10)").list());
            assertEquals("57014", e.sqlState());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "cut short");
            assertEquals(2, bounded.objects(Event.class).count(), "the connection is fine afterwards");
        }
    }
}
