package dev.quarry.testkit.tck;

import dev.quarry.Quarry;
import dev.quarry.testkit.SecondDatabase;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code db.schema().diff(models)}: the DDL that brings an existing database to the models, for a migration
 * file. Missing tables (and join tables) get {@code create}'s own statements; an existing table gets the columns,
 * nullability, indexes and unique constraints it lacks; a column the model lost is only reported, never dropped;
 * running the diff makes the next diff empty and keeps the rows. Runs in a schema of its own.
 */
class SchemaDiffTest extends TckBase {

    private SecondDatabase scratch;
    private Quarry q;

    @Override
    protected List<Class<?>> models() {
        return List.of();
    }

    @BeforeAll
    void openScratchSchema() throws SQLException {
        scratch = SecondDatabase.create(database);
        q = builder().url(scratch.url()).build();
    }

    @AfterAll
    void dropScratchSchema() throws SQLException {
        if (q != null) {
            q.close();
        }
        if (scratch != null) {
            scratch.close();
        }
    }

    @BeforeEach
    void emptySchema() {
        List<Class<?>> reversed = new java.util.ArrayList<>(Blog.MODELS);
        java.util.Collections.reverse(reversed);
        q.schema().drop(reversed.toArray(Class<?>[]::new));
        q.schema().drop(Article.class);
    }

    private void run(List<String> statements) throws SQLException {
        try (var c = scratch.jdbc(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> withoutComments(List<String> statements) {
        return statements.stream().filter(s -> !s.startsWith("--")).toList();
    }

    @Test
    void missingTablesGetTheStatementsCreateWouldRun() {
        Class<?>[] blog = Blog.MODELS.toArray(Class<?>[]::new);
        assertEquals(q.schema().createStatements(blog), q.schema().diff(blog));
    }

    @Test
    void aDatabaseMatchingTheModelsHasAnEmptyDiff() {
        Class<?>[] blog = Blog.MODELS.toArray(Class<?>[]::new);
        q.schema().create(blog);
        q.schema().create(Article.class);
        assertEquals(List.of(), q.schema().diff(blog));
        assertEquals(List.of(), q.schema().diff(Article.class));
        assertEquals(List.of(), await(q.schema().adiff(Article.class)));
    }

    @Test
    void anOlderTableGetsItsMissingColumnsNullabilityAndIndexes() throws SQLException {
        q.schema().create(Article.class);
        run(List.of("ALTER TABLE tck_article DROP COLUMN slug", "ALTER TABLE tck_article DROP COLUMN rating",
                "DROP INDEX tck_article_status_idx", "ALTER TABLE tck_article ALTER COLUMN title DROP NOT NULL",
                "ALTER TABLE tck_article ALTER COLUMN body SET NOT NULL", "ALTER TABLE tck_article ADD COLUMN legacy integer"));
        List<String> diff = q.schema().diff(Article.class);
        assertTrue(diff.stream().anyMatch(s -> s.startsWith("ALTER TABLE \"tck_article\" ADD COLUMN \"slug\" ") && s.contains(" UNIQUE")), diff::toString);
        assertTrue(diff.stream().anyMatch(s -> s.startsWith("ALTER TABLE \"tck_article\" ADD COLUMN \"rating\" ")), diff::toString);
        assertTrue(diff.contains("ALTER TABLE \"tck_article\" ALTER COLUMN \"title\" SET NOT NULL"), diff::toString);
        assertTrue(diff.contains("ALTER TABLE \"tck_article\" ALTER COLUMN \"body\" DROP NOT NULL"), diff::toString);
        assertTrue(diff.stream().anyMatch(s -> s.startsWith("CREATE INDEX IF NOT EXISTS \"tck_article_status_idx\"")), diff::toString);
        List<String> comments = diff.stream().filter(s -> s.startsWith("--")).toList();
        assertEquals(1, comments.size(), diff::toString);
        assertTrue(comments.getFirst().contains("\"legacy\"") && comments.getFirst().contains("never drops"), comments::toString);
        assertEquals(6, diff.size(), diff::toString);
    }

    @Test
    void runningTheDiffBringsTheDatabaseToTheModelsAndKeepsTheRows() throws SQLException {
        q.schema().create(Article.class);
        run(List.of("ALTER TABLE tck_article DROP COLUMN slug", "DROP INDEX tck_article_status_idx",
                "ALTER TABLE tck_article ALTER COLUMN title DROP NOT NULL",
                "INSERT INTO tck_article (title, status, views, likes) VALUES ('kept', 'PUBLISHED', 3, 0)"));
        run(withoutComments(q.schema().diff(Article.class)));
        assertEquals(List.of(), q.schema().diff(Article.class));
        Article kept = q.objects(Article.class).get("title", "kept");
        assertEquals(3, kept.getViews());
        kept.setSlug("now-there");
        q.objects(Article.class).save(kept);
        assertEquals(Status.PUBLISHED, q.objects(Article.class).get("slug", "now-there").getStatus());
    }

    @Test
    void aMissingJoinTableIsCreatedBesideExistingTables() throws SQLException {
        Class<?>[] blog = Blog.MODELS.toArray(Class<?>[]::new);
        q.schema().create(blog);
        run(List.of("DROP TABLE post_tags"));
        List<String> diff = q.schema().diff(blog);
        assertEquals(2, diff.size(), diff::toString);
        assertTrue(diff.getFirst().startsWith("CREATE TABLE IF NOT EXISTS \"post_tags\""), diff::toString);
        run(diff);
        assertEquals(List.of(), q.schema().diff(blog));
    }
}
