package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Event;
import dev.quarry.testkit.models.Priority;
import dev.quarry.testkit.models.Status;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Java type of the TCK models survives a round trip, is stored in the natural PostgreSQL type, and filters. */
class TypeMappingTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(Article.class, Event.class);
    }

    private Manager<Article> articles() {
        return db.objects(Article.class);
    }

    private Manager<Event> events() {
        return db.objects(Event.class);
    }

    private String columnType(String table, String column) throws Exception {
        try (Connection c = database.jdbc(); PreparedStatement ps = c.prepareStatement(
                "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema() "
                        + "AND table_name = ? AND column_name = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private Article fullArticle() {
        Article a = new Article("Types ünïcödé 'quoted' \"double\"");
        a.setSlug("types");
        a.setBody("body\twith\ttabs\nand lines");
        a.setStatus(Status.ARCHIVED);
        a.setViews(Integer.MAX_VALUE);
        a.setLikes(-5);
        a.setRating(0.1 + 0.2);
        a.setPublishedAt(LocalDateTime.of(2021, 12, 31, 23, 59, 59, 123_456_000));
        a.setCreatedOn(LocalDate.of(1999, 1, 2));
        a.setUuid(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        a.setPrice(new BigDecimal("12345678.90"));
        a.setData(new byte[] {0, 1, 2, (byte) 0x7f, (byte) 0x80, (byte) 0xff});
        a.setTeaser("t");
        return a;
    }

    @Test
    void everyArticleFieldSurvivesARoundTrip() {
        Article a = articles().create(fullArticle());
        Article b = articles().get("pk", a.getId());
        assertEquals(a.getTitle(), b.getTitle());
        assertEquals(a.getSlug(), b.getSlug());
        assertEquals(a.getBody(), b.getBody());
        assertEquals(Status.ARCHIVED, b.getStatus());
        assertEquals(Integer.MAX_VALUE, b.getViews());
        assertEquals(-5, b.getLikes());
        assertEquals(0.1 + 0.2, b.getRating());
        assertEquals(a.getPublishedAt(), b.getPublishedAt(), "microseconds are kept");
        assertEquals(a.getCreatedOn(), b.getCreatedOn());
        assertEquals(a.getUuid(), b.getUuid());
        assertEquals(new BigDecimal("12345678.90"), b.getPrice());
        assertArrayEquals(a.getData(), b.getData());
        assertEquals("t", b.getTeaser());
    }

    @Test
    void nullsSurviveARoundTrip() {
        Article a = articles().create(new Article("nulls"));
        Article b = articles().get("pk", a.getId());
        assertNull(b.getRating());
        assertNull(b.getStatus());
        assertNull(b.getPublishedAt());
        assertNull(b.getCreatedOn());
        assertNull(b.getUuid());
        assertNull(b.getPrice());
        assertNull(b.getData());
        assertEquals(0, b.getViews());
    }

    @Test
    void decimalsAreRoundedToTheirScale() {
        Article a = new Article("price");
        a.setPrice(new BigDecimal("9.5"));
        articles().create(a);
        assertEquals(new BigDecimal("9.50"), articles().get("pk", a.getId()).getPrice());
    }

    @Test
    void valuesOfEveryTypeFilter() {
        Article a = articles().create(fullArticle());
        articles().create(new Article("other"));
        assertEquals(a, articles().get("uuid", a.getUuid()));
        assertEquals(a, articles().get("price", new BigDecimal("12345678.90")));
        assertEquals(a, articles().get("price__gt", new BigDecimal("100")));
        assertEquals(a, articles().get("createdOn", LocalDate.of(1999, 1, 2)));
        assertEquals(a, articles().get("publishedAt", a.getPublishedAt()));
        assertEquals(a, articles().get("status", Status.ARCHIVED));
        assertEquals(a, articles().get("data", a.getData()));
        assertEquals(a, articles().get("rating__gt", 0.29));
    }

    @Test
    void enumsAreStoredByNameOrOrdinalAsAnnotated() throws Exception {
        Article a = new Article("enum");
        a.setStatus(Status.PUBLISHED);
        articles().create(a);
        assertEquals("PUBLISHED", sqlValue("SELECT status FROM tck_article"));
        Event e = new Event("enum", Instant.parse("2024-01-01T00:00:00Z"), true);
        e.setPriority(Priority.HIGH);
        events().create(e);
        assertEquals(2, ((Number) sqlValue("SELECT priority FROM event")).intValue());
        assertEquals(Priority.HIGH, events().get("pk", e.getId()).getPriority());
        assertEquals(e, events().get("priority", Priority.HIGH));
    }

    @Test
    void instantsBooleansLongsAndOffsetsSurviveARoundTrip() {
        Event e = new Event("event", Instant.parse("2024-02-29T12:34:56.789012Z"), true);
        e.setArchived(null);
        e.setCounter(Long.MAX_VALUE - 1);
        e.setStartsAt(OffsetDateTime.of(2024, 6, 1, 9, 0, 0, 0, ZoneOffset.ofHours(2)));
        events().create(e);
        Event f = events().get("pk", e.getId());
        assertEquals(e.getOccurredAt(), f.getOccurredAt());
        assertTrue(f.isActive());
        assertNull(f.getArchived());
        assertEquals(Long.MAX_VALUE - 1, f.getCounter());
        assertTrue(e.getStartsAt().isEqual(f.getStartsAt()), () -> "the same instant: " + f.getStartsAt());
    }

    @Test
    void instantsAndBooleansFilter() {
        Event early = events().create(new Event("early", Instant.parse("2020-01-01T00:00:00Z"), false));
        Event late = events().create(new Event("late", Instant.parse("2030-01-01T00:00:00Z"), true));
        late.setArchived(true);
        events().save(late);
        assertEquals(late, events().get("occurredAt__gt", Instant.parse("2025-01-01T00:00:00Z")));
        assertEquals(early, events().get("active", false));
        assertEquals(late, events().get("archived", true));
        assertEquals(early, events().get("archived__isnull", true));
        assertFalse(events().filter("active", true).filter("archived", false).exists());
    }

    @Test
    void columnsUseTheNaturalPostgresTypes() throws Exception {
        assertEquals("uuid", columnType("tck_article", "uuid"));
        assertEquals("bytea", columnType("tck_article", "data"));
        assertEquals("numeric", columnType("tck_article", "price"));
        assertEquals("integer", columnType("tck_article", "views"));
        assertEquals("double precision", columnType("tck_article", "rating"));
        assertEquals("date", columnType("tck_article", "created_on"));
        assertEquals("timestamp without time zone", columnType("tck_article", "published_at"));
        assertEquals("bigint", columnType("tck_article", "id"));
        assertEquals("timestamp with time zone", columnType("event", "occurred_at"), "an Instant is a point in time");
        assertEquals("timestamp with time zone", columnType("event", "starts_at"));
        assertEquals("boolean", columnType("event", "active"));
        assertEquals("bigint", columnType("event", "counter"));
    }
}
