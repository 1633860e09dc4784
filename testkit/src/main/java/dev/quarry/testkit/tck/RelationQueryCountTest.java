package dev.quarry.testkit.tck;

import dev.quarry.testkit.RecordingSubscriber;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.Tables;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Remark;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static dev.quarry.testkit.Async.await;
import static dev.quarry.testkit.tck.Blog.tagNames;
import static dev.quarry.testkit.tck.Blog.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Django's {@code assertNumQueries} for relations: {@code selectRelated} is ONE query however many foreign keys it
 * follows; {@code prefetchRelated} is one query for the instances plus one per relation (two relations: three
 * queries), and with {@code iterator}/{@code aiterator} one per relation per chunk.
 *
 * <p><b>How statements are counted</b>, on the server, whatever the provider: the public API offers no hook, and
 * PostgreSQL's cumulative statistics ({@code pg_stat_user_tables}, {@code pg_stat_database}) are unusable here:
 * a backend flushes them at most once a second and may hold them back for up to 10 s, and {@code seq_scan} /
 * {@code idx_scan} count scans (a JOIN is two, a nested loop's inner side one per outer row), not statements;
 * {@code pg_stat_statements} needs {@code shared_preload_libraries}. So {@link #countStatements()} renames each
 * table the test reads ({@code post} becomes {@code tck_counted_post}) and puts in its place a view
 * {@code post AS SELECT * FROM tck_counted_post WHERE (SELECT tck_log_statement('post'))}. The uncorrelated
 * sub-select is an InitPlan: the executor evaluates it once per statement (a cursor: once, at its first FETCH),
 * even when no row matches, and the function logs {@code (backend pid, statement_timestamp(), current_query())}.
 * The number of distinct {@code (pid, statement_timestamp)} pairs is the number of statements that read these
 * tables (a statement joining three of them logs three rows with one pair). {@link #restoreTables()} undoes it.
 * Statements that read none of the tables ({@code BEGIN}, {@code COMMIT}) are not counted, as they are not
 * queries of the relation.
 */
class RelationQueryCountTest extends TckBase {

    private static final String PREFIX = "tck_counted_";

    private Blog blog;
    private final Set<String> wrapped = new LinkedHashSet<>();

    @Override
    protected List<Class<?>> models() {
        return Blog.MODELS;
    }

    @BeforeEach
    void createBlogAndCounter() throws SQLException {
        blog = new Blog(db);
        sql("CREATE TABLE IF NOT EXISTS tck_statement_log (pid integer, ts timestamptz, query text, rel text)");
        sql("TRUNCATE tck_statement_log");
        sql("CREATE OR REPLACE FUNCTION tck_log_statement(rel text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$ "
                + "BEGIN INSERT INTO " + schema() + ".tck_statement_log VALUES "
                + "(pg_backend_pid(), statement_timestamp(), current_query(), rel); RETURN true; END $$");
    }

    private String schema() throws SQLException {
        return Tables.quote((String) sqlValue("SELECT current_schema()"));
    }

    /** From now on, every statement reading the blog's tables (and any table referencing them) is logged. */
    private void countStatements() throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        for (Class<?> model : models()) {
            tables.add(Tables.tableName(model));
        }
        tables.addAll(referencingTables(tables)); // the many-to-many join table, whatever its name
        for (String table : tables) {
            sql("ALTER TABLE " + Tables.quote(table) + " RENAME TO " + Tables.quote(PREFIX + table));
            wrapped.add(table);
            sql("CREATE VIEW " + Tables.quote(table) + " AS SELECT * FROM " + Tables.quote(PREFIX + table)
                    + " WHERE (SELECT tck_log_statement('" + table + "'))");
        }
        sql("TRUNCATE tck_statement_log");
    }

    private List<String> referencingTables(Set<String> targets) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = database.jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT DISTINCT src.relname, dst.relname FROM pg_constraint k "
                        + "JOIN pg_class src ON src.oid = k.conrelid JOIN pg_class dst ON dst.oid = k.confrelid "
                        + "WHERE k.contype = 'f' AND src.relnamespace = current_schema()::regnamespace")) {
            while (rs.next()) {
                if (targets.contains(rs.getString(2)) && !targets.contains(rs.getString(1)) && !found.contains(rs.getString(1))) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    @AfterEach
    void restoreTables() throws SQLException {
        for (String table : wrapped) {
            sql("DROP VIEW IF EXISTS " + Tables.quote(table));
            sql("ALTER TABLE " + Tables.quote(PREFIX + table) + " RENAME TO " + Tables.quote(table));
        }
        wrapped.clear();
    }

    /** How many statements read the wrapped tables since {@link #countStatements()}. */
    private long statements() throws SQLException {
        return ((Number) sqlValue("SELECT count(DISTINCT (pid, ts)) FROM tck_statement_log")).longValue();
    }

    /** How many statements read {@code table}. */
    private long statementsOn(String table) throws SQLException {
        return ((Number) sqlValue("SELECT count(DISTINCT (pid, ts)) FROM tck_statement_log WHERE rel = '" + table + "'"))
                .longValue();
    }

    /** The statements logged, for failure messages. */
    private String log() throws SQLException {
        return String.valueOf(sqlValue("SELECT string_agg(q, E'\\n') FROM (SELECT DISTINCT ON (pid, ts) "
                + "ts, rel || ': ' || query AS q FROM tck_statement_log ORDER BY pid, ts) s"));
    }

    private void assertStatements(long expected, String what) throws SQLException {
        long actual = statements();
        assertEquals(expected, actual, what + " ran " + actual + " statements:\n" + log());
    }

    @Test
    void theCounterCountsStatementsNotTables() throws SQLException {
        countStatements();
        assertEquals(4, blog.writers.count());
        assertStatements(1, "count()");
        blog.writers.list();
        blog.posts.filter("writer__name", "ada").list();
        assertStatements(3, "count(), a list() and a list() joining two tables");
    }

    @Test
    void selectRelatedThroughTwoForeignKeysIsOneQuery() throws SQLException {
        countStatements();
        List<Post> loaded = blog.posts.selectRelated("writer__publisher").orderBy("id").list();
        assertStatements(1, "selectRelated(\"writer__publisher\").list()");
        assertEquals("Penguin", loaded.getFirst().getWriter().getPublisher().getName());
        assertNull(loaded.getLast().getWriter().getPublisher(), "cyd has no publisher");
    }

    @Test
    void selectRelatedOfSeveralPathsWithNullsIsOneQuery() throws SQLException {
        countStatements();
        List<Remark> loaded = blog.remarks.selectRelated("post__writer", "author").orderBy("id").list();
        assertStatements(1, "selectRelated(\"post__writer\", \"author\").list()");
        assertEquals(4, loaded.size(), "a NULL author must not drop the remark (LEFT JOIN)");
        assertEquals("ada", loaded.getFirst().getPost().getWriter().getName());
        assertNull(loaded.get(1).getAuthor());
        await(blog.remarks.selectRelated("post__writer", "author").filter("text", "great").aget());
        assertStatements(2, "and an aget() with selectRelated");
    }

    @Test
    void prefetchRelatedOfTwoRelationsIsThreeQueries() throws SQLException {
        countStatements();
        List<Post> loaded = blog.posts.prefetchRelated("writer", "tags").orderBy("id").list();
        assertStatements(3, "posts.prefetchRelated(\"writer\", \"tags\").list()");
        assertEquals("ada", loaded.getFirst().getWriter().getName());
        assertEquals(List.of("db", "java"), tagNames(loaded.getFirst().getTags()));
        assertEquals(1, statementsOn("tag"), "one query for every post's tags");
    }

    @Test
    void prefetchRelatedOfAReverseForeignKeyAndAManyToOneIsThreeQueries() throws SQLException {
        countStatements();
        List<Writer> loaded = await(blog.writers.prefetchRelated("posts", "publisher").orderBy("name").alist());
        assertStatements(3, "writers.prefetchRelated(\"posts\", \"publisher\").alist()");
        assertEquals(List.of("Async Java", "Draft notes", "Java records"), titles(loaded.getFirst().getPosts()));
        assertEquals("Penguin", loaded.getFirst().getPublisher().getName());
    }

    @Test
    void aNestedPrefetchIsOneQueryPerLevel() throws SQLException {
        countStatements();
        blog.writers.prefetchRelated("posts__tags").list();
        assertStatements(3, "writers.prefetchRelated(\"posts__tags\").list()");
    }

    @Test
    void selectRelatedAndPrefetchRelatedTogether() throws SQLException {
        countStatements();
        blog.posts.selectRelated("writer__publisher").prefetchRelated("tags", "remarks").list();
        assertStatements(3, "selectRelated(\"writer__publisher\").prefetchRelated(\"tags\", \"remarks\").list()");
    }

    @Test
    void prefetchingForNoInstancesRunsNoExtraQuery() throws SQLException {
        countStatements();
        blog.writers.filter("name", "nobody").prefetchRelated("posts", "publisher").list();
        assertStatements(1, "a prefetching query that matched nothing (Django skips the prefetch)");
    }

    @Test
    void iteratorAndAiteratorPrefetchOncePerChunk() throws SQLException {
        countStatements();
        try (Stream<Writer> rows = blog.writers.prefetchRelated("posts").orderBy("name").iterator(3)) {
            assertEquals(4, rows.count());
        }
        assertEquals(2, statementsOn("post"), "4 writers in chunks of 3: one posts query per chunk\n" + log());
        if (features.serverSideCursors()) {
            assertEquals(1, statementsOn("writer"), "one cursor for the writers\n" + log());
        }
        restoreTables();

        countStatements();
        RecordingSubscriber<Writer> subscriber = new RecordingSubscriber<>();
        blog.writers.prefetchRelated("posts").orderBy("name").aiterator(3).subscribe(subscriber);
        assertEquals(4, subscriber.requestAllAndAwait().size());
        assertEquals(2, statementsOn("post"), "aiterator(3) over 4 writers: one posts query per chunk\n" + log());
        if (features.serverSideCursors()) {
            assertEquals(1, statementsOn("writer"), "one cursor for the writers\n" + log());
        }
    }
}
