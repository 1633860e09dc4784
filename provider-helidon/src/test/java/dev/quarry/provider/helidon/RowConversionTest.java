package dev.quarry.provider.helidon;

import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Event;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Helidon reads every column with JDBC's {@code getObject}, so dates and times arrive as {@code java.sql} types
 * carrying pgjdbc's markers for PostgreSQL's {@code infinity}; they come back as the java.time type's MAX and MIN.
 */
class RowConversionTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(Article.class, Event.class);
    }

    @Test
    void infiniteInstantsAndOffsetDateTimesSurviveARoundTrip() throws Exception {
        Event future = new Event("future", Instant.MAX, true);
        future.setStartsAt(OffsetDateTime.MIN);
        db.objects(Event.class).create(future);
        Event read = db.objects(Event.class).get("name", "future");
        assertEquals(Instant.MAX, read.getOccurredAt());
        assertEquals(OffsetDateTime.MIN, read.getStartsAt());
        assertEquals("infinity", sqlValue("SELECT occurred_at::text FROM event"));
    }

    @Test
    void infiniteLocalDatesAndDateTimesSurviveARoundTrip() throws Exception {
        Article a = new Article("forever");
        a.setPublishedAt(LocalDateTime.MAX);
        a.setCreatedOn(LocalDate.MIN);
        db.objects(Article.class).create(a);
        Article read = db.objects(Article.class).get("pk", a.getId());
        assertEquals(LocalDateTime.MAX, read.getPublishedAt());
        assertEquals(LocalDate.MIN, read.getCreatedOn());
        assertEquals("-infinity", sqlValue("SELECT created_on::text FROM tck_article"));
    }

    @Test
    void valuesReadEveryColumnInItsJavaType() {
        Article a = new Article("typed");
        a.setPublishedAt(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000));
        a.setCreatedOn(LocalDate.of(1582, 10, 4));
        db.objects(Article.class).create(a);
        Map<String, Object> row = db.objects(Article.class).values("publishedAt", "createdOn", "views").get();
        assertEquals(a.getPublishedAt(), row.get("publishedAt"));
        assertEquals(a.getCreatedOn(), row.get("createdOn"));
        assertEquals(0, row.get("views"));
    }
}
