package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.Quarry;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Meeting;
import dev.quarry.testkit.models.Priority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code OffsetDateTime}, {@code Instant} and {@code ZonedDateTime} are {@code timestamptz}; their date/time
 * transforms are computed in the session time zone ({@code QuarryBuilder.timeZone}, Django's {@code TIME_ZONE}),
 * never in the JVM's or the server's. {@code @Enumerated(ORDINAL)} is a {@code smallint}.
 */
class TimeZoneTest extends TckBase {

    /** 03:30 UTC on March 1st is 22:30 on February 28th in New York. */
    private static final Instant INSTANT = Instant.parse("2021-03-01T03:30:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Quarry newYork;
    private Meeting meeting;

    @Override
    protected List<Class<?>> models() {
        return List.of(Meeting.class);
    }

    @BeforeAll
    void openANewYorkQuarry() {
        newYork = configuration.builder(database.url(), database.user(), database.password(), 2).timeZone(NEW_YORK).build();
    }

    @AfterAll
    void closeIt() {
        newYork.close();
    }

    @BeforeEach
    void createAMeeting() {
        meeting = db.objects(Meeting.class).create(new Meeting(INSTANT, Priority.HIGH));
    }

    @Test
    void instantTypesAreTimestamptzAndOrdinalEnumsSmallints() throws Exception {
        String ddl = db.schema().createStatements(Meeting.class).getFirst();
        assertTrue(ddl.contains("\"at\" TIMESTAMP WITH TIME ZONE, \"until\" TIMESTAMP WITH TIME ZONE, "
                + "\"created\" TIMESTAMP WITH TIME ZONE, \"priority\" SMALLINT"), ddl);
        assertEquals(Priority.HIGH.ordinal(), ((Number) sqlValue("SELECT priority FROM tck_meeting")).intValue());
        assertEquals(Priority.HIGH, db.objects(Meeting.class).get("priority", Priority.HIGH).priority);
    }

    @Test
    void instantsSurviveARoundTripAndZonedValuesReadInTheSessionZone() {
        Meeting utc = db.objects(Meeting.class).get("pk", meeting.id);
        assertEquals(INSTANT, utc.created);
        assertEquals(INSTANT, utc.until.toInstant());
        assertEquals(INSTANT, utc.at.toInstant());
        Meeting ny = newYork.objects(Meeting.class).aget("pk", meeting.id).join();
        assertEquals(INSTANT.atZone(NEW_YORK), ny.at);
        assertEquals(INSTANT, ny.created);
    }

    @Test
    void transformsUseTheSessionZone() {
        Manager<Meeting> utc = db.objects(Meeting.class);
        Manager<Meeting> ny = newYork.objects(Meeting.class);
        for (String field : List.of("at", "until", "created")) {
            assertEquals(List.of(meeting), utc.filter(field + "__hour", 3).list(), field);
            assertEquals(List.of(meeting), utc.filter(field + "__day", 1).list(), field);
            assertEquals(List.of(meeting), ny.filter(field + "__hour", 22).list(), field);
            assertEquals(List.of(meeting), ny.filter(field + "__day", 28).list(), field);
            assertEquals(List.of(meeting), ny.filter(field + "__month", 2).alist().join(), field);
            assertEquals(List.of(meeting), ny.filter(field + "__date", LocalDate.of(2021, 2, 28)).list(), field);
            assertEquals(List.of(meeting), utc.filter(field + "__date", LocalDate.of(2021, 3, 1)).list(), field);
            assertEquals(List.of(meeting), ny.filter(field + "__week_day", 1).list(), field + ": a Sunday in New York");
        }
    }
}
