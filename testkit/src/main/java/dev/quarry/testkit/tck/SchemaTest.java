package dev.quarry.testkit.tck;

import dev.quarry.IntegrityException;
import dev.quarry.testkit.Async;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Author;
import dev.quarry.testkit.models.Comment;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** db.schema(): create/drop are idempotent and produce the tables, columns and constraints API.md describes. */
class SchemaTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(); // each test creates and drops its own tables
    }

    @BeforeEach
    void dropEverything() {
        db.schema().drop(Comment.class, Author.class, Article.class, SimpleModel.class);
    }

    /** column name to {data_type, is_nullable}, read from information_schema. */
    private Map<String, List<String>> columns(String table) throws Exception {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Connection c = database.jdbc(); PreparedStatement ps = c.prepareStatement(
                "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), List.of(rs.getString(2), rs.getString(3)));
                }
            }
        }
        return columns;
    }

    @Test
    void createMakesATableNamedInSnakeCase() throws Exception {
        assertFalse(tableExists("simple_model"));
        db.schema().create(SimpleModel.class);
        assertTrue(tableExists("simple_model"));
        assertEquals(List.of("id", "field", "created"), List.copyOf(columns("simple_model").keySet()));
    }

    @Test
    void tableAndColumnNamesFollowTheAnnotations() throws Exception {
        db.schema().create(Article.class);
        assertTrue(tableExists("tck_article"), "@Table(name) is the table's name");
        Map<String, List<String>> columns = columns("tck_article");
        assertTrue(columns.containsKey("teaser_text"), "@Column(name) renames: " + columns.keySet());
        assertTrue(columns.containsKey("published_at"), "fields are snake_cased: " + columns.keySet());
        assertTrue(columns.containsKey("created_on"));
        assertFalse(columns.containsKey("teaser"));
        assertFalse(columns.containsKey("scratch"), "@Transient has no column");
        assertEquals("NO", columns.get("title").get(1), "nullable = false is NOT NULL");
        assertEquals("NO", columns.get("id").get(1));
        assertEquals("YES", columns.get("rating").get(1));
    }

    @Test
    void decimalColumnsKeepPrecisionAndScale() throws Exception {
        db.schema().create(Article.class);
        try (Connection c = database.jdbc(); PreparedStatement ps = c.prepareStatement(
                "SELECT data_type, numeric_precision, numeric_scale, character_maximum_length FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND table_name = 'tck_article' AND column_name = ?")) {
            ps.setString(1, "price");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("numeric", rs.getString(1));
                assertEquals(10, rs.getInt(2));
                assertEquals(2, rs.getInt(3));
            }
            ps.setString(1, "title");
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(200, rs.getInt(4), "@Column(length = 200)");
            }
        }
    }

    @Test
    void uniqueColumnsAndIndexesAreCreated() throws Exception {
        db.schema().create(Article.class);
        assertEquals(1L, ((Number) sqlValue("SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() "
                + "AND tablename = 'tck_article' AND indexname = 'tck_article_status_idx'")).longValue());
        Article one = new Article("one");
        one.setSlug("dup");
        db.objects(Article.class).create(one);
        Article two = new Article("two");
        two.setSlug("dup");
        assertThrows(IntegrityException.class, () -> db.objects(Article.class).create(two));
    }

    @Test
    void aManyToOneIsAForeignKeyColumnNamedAfterTheField() throws Exception {
        db.schema().create(Author.class, Comment.class);
        Map<String, List<String>> columns = columns("comment");
        assertTrue(columns.containsKey("author_id"), "@ManyToOne author is stored in author_id: " + columns.keySet());
        Object target = sqlValue("SELECT ccu.table_name FROM information_schema.table_constraints tc "
                + "JOIN information_schema.constraint_column_usage ccu ON tc.constraint_name = ccu.constraint_name "
                + "AND tc.table_schema = ccu.table_schema WHERE tc.constraint_type = 'FOREIGN KEY' "
                + "AND tc.table_schema = current_schema() AND tc.table_name = 'comment'");
        assertEquals("author", target);
    }

    @Test
    void createIsIdempotentAndKeepsRows() throws Exception {
        db.schema().create(SimpleModel.class);
        db.objects(SimpleModel.class).create(new SimpleModel(1));
        db.schema().create(SimpleModel.class);
        assertEquals(1, db.objects(SimpleModel.class).count());
    }

    @Test
    void dropRemovesTheTableAndIsIdempotent() throws Exception {
        db.schema().create(SimpleModel.class);
        db.schema().drop(SimpleModel.class);
        assertFalse(tableExists("simple_model"));
        db.schema().drop(SimpleModel.class);
        assertFalse(tableExists("simple_model"));
    }

    @Test
    void dropCascadesToDependentForeignKeys() throws Exception {
        db.schema().create(Author.class, Comment.class);
        db.schema().drop(Author.class);
        assertFalse(tableExists("author"));
        assertTrue(tableExists("comment"), "CASCADE drops the constraint, not the referencing table");
    }

    @Test
    void createStatementsDescribeTheDdlWithoutRunningIt() throws Exception {
        List<String> ddl = db.schema().createStatements(Article.class);
        assertFalse(ddl.isEmpty());
        assertTrue(ddl.stream().anyMatch(s -> s.contains("tck_article") && s.toUpperCase().contains("CREATE TABLE")), ddl::toString);
        assertFalse(tableExists("tck_article"));
    }

    @Test
    void asyncCreateAndDropAgreeWithSync() throws Exception {
        Async.await(db.schema().acreate(SimpleModel.class, Article.class));
        assertTrue(tableExists("simple_model"));
        assertTrue(tableExists("tck_article"));
        Async.await(db.schema().adrop(SimpleModel.class));
        assertFalse(tableExists("simple_model"));
        assertTrue(tableExists("tck_article"));
        assertNotNull(db.objects(Article.class).create(new Article("after")).getId());
    }
}
