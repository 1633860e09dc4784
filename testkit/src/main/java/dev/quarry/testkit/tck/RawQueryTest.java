package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.testkit.RecordingSubscriber;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.SimpleModel;
import dev.quarry.testkit.models.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import static dev.quarry.testkit.Async.await;
import static dev.quarry.testkit.tck.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** db.raw(): columns mapped by name, {@code ?} parameters always bound, list/alist/iterator/aiterator. */
class RawQueryTest extends TckBase {

    private Manager<SimpleModel> simple;
    private SimpleModel s1;
    private SimpleModel s2;

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class, Article.class);
    }

    @BeforeEach
    void createRows() {
        simple = db.objects(SimpleModel.class);
        s1 = simple.create(new SimpleModel(1, LocalDateTime.of(2022, 1, 1, 0, 0, 0)));
        s2 = simple.create(new SimpleModel(2, LocalDateTime.of(2022, 1, 1, 0, 0, 1)));
        simple.create(new SimpleModel(3, LocalDateTime.of(2022, 1, 1, 0, 0, 2)));
    }

    @Test
    void rawMapsColumnsOntoFieldsWithBoundParameters() {
        List<SimpleModel> rows = db.raw(SimpleModel.class, "SELECT id, field, created FROM simple_model WHERE created = ?",
                s1.getCreated()).list();
        assertEquals(List.of(s1), rows);
        assertEquals(1, rows.getFirst().getField());
        assertEquals(s1.getCreated(), rows.getFirst().getCreated());
    }

    @Test
    void rawBindsSeveralParametersOfSeveralTypes() {
        List<SimpleModel> rows = db.raw(SimpleModel.class,
                "SELECT * FROM simple_model WHERE field >= ? AND created <= ? AND 'x' = ? ORDER BY field",
                2, LocalDateTime.of(2022, 1, 1, 0, 0, 1), "x").list();
        assertEquals(List.of(s2), rows);
    }

    @Test
    void rawParametersAreBoundNeverSpliced() throws Exception {
        Manager<Article> articles = db.objects(Article.class);
        articles.create(article("O'Reilly", Status.DRAFT, 1, 0, null));
        assertEquals(List.of(), db.raw(Article.class, "SELECT * FROM tck_article WHERE title = ?", "x' OR '1'='1").list());
        assertEquals(List.of(), db.raw(Article.class, "SELECT * FROM tck_article WHERE title = ?",
                "'; DROP TABLE tck_article; --").list());
        assertEquals(1, db.raw(Article.class, "SELECT * FROM tck_article WHERE title = ?", "O'Reilly").list().size());
        assertTrue(tableExists("tck_article"));
    }

    @Test
    void columnsWithoutAFieldAreIgnoredAndFieldsWithoutAColumnStayUnset() {
        List<SimpleModel> rows = db.raw(SimpleModel.class, "SELECT id, 42 AS not_a_field FROM simple_model ORDER BY id").list();
        assertEquals(3, rows.size());
        assertEquals(s1.getId(), rows.getFirst().getId());
        assertNull(rows.getFirst().getField());
        assertNull(rows.getFirst().getCreated());
    }

    @Test
    void snakeCaseAndRenamedColumnsMapOntoTheirFields() {
        Article a = article("Mapped", Status.PUBLISHED, 7, 0, null);
        a.setTeaser("renamed");
        a.setPublishedAt(LocalDateTime.of(2020, 2, 2, 2, 2, 2));
        db.objects(Article.class).create(a);
        Article raw = db.raw(Article.class, "SELECT * FROM tck_article").list().getFirst();
        assertEquals("renamed", raw.getTeaser());
        assertEquals(LocalDateTime.of(2020, 2, 2, 2, 2, 2), raw.getPublishedAt());
        assertEquals(Status.PUBLISHED, raw.getStatus());
        assertEquals(7, raw.getViews());
        assertNotNull(raw.getId());
    }

    @Test
    void rawAlistAgreesWithList() {
        String sql = "SELECT * FROM simple_model WHERE field > ? ORDER BY field DESC";
        List<SimpleModel> sync = db.raw(SimpleModel.class, sql, 1).list();
        assertEquals(List.of(3, 2), sync.stream().map(SimpleModel::getField).toList());
        assertEquals(sync, await(db.raw(SimpleModel.class, sql, 1).alist()));
    }

    @Test
    void rawIteratorStreamsEveryRow() {
        try (Stream<SimpleModel> rows = db.raw(SimpleModel.class, "SELECT * FROM simple_model ORDER BY field").iterator(2)) {
            assertEquals(List.of(1, 2, 3), rows.map(SimpleModel::getField).toList());
        }
    }

    @Test
    void rawAiteratorPublishesEveryRow() {
        RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
        db.raw(SimpleModel.class, "SELECT * FROM simple_model WHERE field <> ? ORDER BY field", 2).aiterator(1).subscribe(s);
        assertEquals(List.of(1, 3), s.requestAllAndAwait().stream().map(SimpleModel::getField).toList());
    }

    @Test
    void rawCanWriteWithReturning() {
        List<SimpleModel> rows = db.raw(SimpleModel.class,
                "UPDATE simple_model SET field = field * ? WHERE field = ? RETURNING *", 10, 3).list();
        assertEquals(1, rows.size());
        assertEquals(30, rows.getFirst().getField());
        assertEquals(30, simple.get("pk", rows.getFirst().getId()).getField());
    }
}
