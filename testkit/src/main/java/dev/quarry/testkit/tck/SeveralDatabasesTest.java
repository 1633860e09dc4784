package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.Quarry;
import dev.quarry.QueryEvent;
import dev.quarry.Router;
import dev.quarry.testkit.SecondDatabase;
import dev.quarry.testkit.Tables;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Tag;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static dev.quarry.testkit.Async.await;
import static dev.quarry.testkit.tck.Blog.tagNames;
import static dev.quarry.testkit.tck.Blog.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several databases (Django's {@code DATABASES}, {@code using()}, routers): {@code QuarryBuilder.database(alias,
 * url)} opens a pool per alias; {@code using(alias)} on QuerySets and managers reads and writes there; a
 * {@code Router} picks the database of reads and writes that name none; {@code atomic(alias, ...)} runs a
 * transaction there; an unknown alias fails listing the known ones; related objects (selectRelated,
 * prefetchRelated, related managers of a {@code using} manager) come from the owner's database. The second
 * database is a schema of its own on the test server ({@link SecondDatabase}), checked through JDBC.
 */
class SeveralDatabasesTest extends TckBase {

    private SecondDatabase second;
    private Quarry multi;
    private final RecordingListener listener = new RecordingListener();

    @Override
    protected List<Class<?>> models() {
        return Blog.MODELS;
    }

    @BeforeAll
    void openTwoDatabases() throws SQLException {
        second = SecondDatabase.create(database);
        multi = builder().database("other", second.url()).listener(listener).build();
        multi.schema("other").create(Blog.MODELS.toArray(Class<?>[]::new));
    }

    @AfterAll
    void closeTwoDatabases() throws SQLException {
        if (multi != null) {
            multi.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @BeforeEach
    void emptySecondDatabase() throws SQLException {
        sql("TRUNCATE TABLE " + Blog.MODELS.stream().map(m -> second.schema() + "." + Tables.quote(Tables.tableName(m)))
                .collect(Collectors.joining(", ")) + " RESTART IDENTITY CASCADE");
        listener.clear();
    }

    /** How many writers each database holds, read through JDBC: default, then other. */
    private List<Long> writerRows() throws SQLException {
        return List.of(((Number) sqlValue("SELECT count(*) FROM writer")).longValue(),
                ((Number) sqlValue("SELECT count(*) FROM " + second.schema() + ".writer")).longValue());
    }

    @Test
    void usingReadsAndWritesTheNamedDatabase() throws SQLException {
        multi.objects(Writer.class).using("other").create(new Writer("ada"));
        multi.objects(Writer.class).create(new Writer("bob"));
        multi.objects(Writer.class).using("other").create(Map.of("name", "cyd"));
        assertEquals(List.of(1L, 2L), writerRows());
        assertEquals(2, multi.objects(Writer.class).using("other").count());
        assertEquals(1, multi.objects(Writer.class).count());
        assertEquals(2L, await(multi.objects(Writer.class).all().using("other").acount()));
        assertEquals(List.of("ada", "cyd"), multi.objects(Writer.class).orderBy("name").using("other")
                .valuesListFlat("name", String.class).list());
        assertEquals(List.of("default", "other"), multi.databases());
    }

    @Test
    void aManagerUsingADatabaseSavesUpdatesAndDeletesThere() throws SQLException {
        Manager<Writer> other = multi.objects(Writer.class).using("other");
        Writer w = other.save(new Writer("ada"));
        w.setName("ada lovelace");
        other.save(w);
        assertEquals("ada lovelace", other.get("pk", w.getId()).getName());
        assertEquals(1, other.filter("name__startswith", "ada").update(Map.of("name", "countess")));
        other.refreshFromDb(w);
        assertEquals("countess", w.getName());
        assertEquals(List.of(0L, 1L), writerRows());
        assertEquals(1, other.delete(w).count());
        assertEquals(List.of(0L, 0L), writerRows());
        assertTrue(listener.events().stream().allMatch(e -> e.database().equals("other")), listener::describe);
    }

    @Test
    void anUnknownAliasListsTheKnownOnes() {
        for (Runnable use : List.<Runnable>of(
                () -> multi.objects(Writer.class).using("replica"),
                () -> multi.objects(Writer.class).filter("name", "x").using("replica"),
                () -> multi.atomic("replica", tx -> 1),
                () -> multi.aatomic("replica", tx -> null),
                () -> multi.schema("replica"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, use::run);
            assertTrue(e.getMessage().contains("'replica'") && e.getMessage().contains("default, other"), e.getMessage());
        }
    }

    @Test
    void aliasesAreCheckedWhenAdded() {
        IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
                () -> builder().database("default", second.url()));
        assertTrue(reserved.getMessage().contains("'default'"), reserved.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> builder().database("other", second.url()).database("other", second.url()));
        assertTrue(twice.getMessage().contains("already"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder().database(" ", second.url()));
        assertThrows(NullPointerException.class, () -> builder().database("x", null));
    }

    @Test
    void theRouterSendsReadsAndWritesWhereItSays() throws SQLException {
        Router readsFromOther = new Router() {
            @Override
            public Optional<String> dbForRead(Class<?> model) {
                return model == Writer.class ? Optional.of("other") : Optional.empty();
            }
        };
        try (Quarry routed = builder().database("other", second.url()).router(readsFromOther).build()) {
            Manager<Writer> writers = routed.objects(Writer.class);
            writers.create(new Writer("written to default"));
            assertEquals(List.of(1L, 0L), writerRows());
            assertEquals(0, writers.count());                           // read from other
            assertEquals(0L, await(writers.acount()));
            assertEquals(List.of(), routed.raw(Writer.class, "SELECT * FROM writer").list());   // raw reads are routed too
            assertEquals(1, writers.using("default").count());          // using() overrides the router
            assertEquals(1L, (long) routed.atomic(tx -> tx.objects(Writer.class).count()));   // a transaction is never routed
            assertTrue(writers.using("other").getOrCreate(Map.of("name", "x")).created());
            assertEquals(List.of(1L, 1L), writerRows());
        }
        Router writesToOther = new Router() {
            @Override
            public Optional<String> dbForWrite(Class<?> model) {
                return Optional.of("other");
            }
        };
        try (Quarry routed = builder().database("other", second.url()).router(writesToOther).build()) {
            routed.objects(Writer.class).create(new Writer("written to other"));
            routed.objects(Writer.class).filter("name", "x").update(Map.of("name", "y"));
            assertEquals(List.of(1L, 2L), writerRows());
            assertEquals(1, routed.objects(Writer.class).count());       // reads stay on default
            assertEquals(1, routed.objects(Writer.class).using("other").filter("name", "y").count());
        }
    }

    @Test
    void aRouterNamingAnUnknownAliasFailsLoudly() {
        Router wrong = new Router() {
            @Override
            public Optional<String> dbForRead(Class<?> model) {
                return Optional.of("replica");
            }
        };
        try (Quarry routed = builder().database("other", second.url()).router(wrong).build()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> routed.objects(Writer.class).count());
            assertTrue(e.getMessage().contains("default, other"), e.getMessage());
        }
    }

    @Test
    void atomicOnAnAliasCommitsAndRollsBackThere() throws SQLException {
        multi.atomic("other", tx -> tx.objects(Writer.class).create(new Writer("kept")));
        assertThrows(IllegalStateException.class, () -> multi.atomic("other", tx -> {
            tx.objects(Writer.class).create(new Writer("dropped"));
            tx.atomic(inner -> inner.objects(Writer.class).create(new Writer("dropped too")));
            throw new IllegalStateException("undo");
        }));
        assertEquals(List.of(0L, 1L), writerRows());
        assertEquals(List.of("kept"), multi.objects(Writer.class).using("other").valuesListFlat("name", String.class).list());
        List<QueryEvent> control = listener.events().stream().filter(e -> e.kind() == QueryEvent.Kind.TRANSACTION).toList();
        assertEquals(List.of("BEGIN", "COMMIT", "BEGIN", "ROLLBACK"), control.stream().map(QueryEvent::sql).toList());
        assertTrue(control.stream().allMatch(e -> e.database().equals("other")));
        long n = await(multi.aatomic("other", tx -> tx.objects(Writer.class).acreate(new Writer("async"))
                .thenCompose(w -> tx.objects(Writer.class).acount())));
        assertEquals(2, n);
        assertEquals(List.of(0L, 2L), writerRows());
    }

    @Test
    void insideATransactionItsOwnAliasStaysInItAndAnotherRunsOutside() throws SQLException {
        assertThrows(IllegalStateException.class, () -> multi.atomic(tx -> {
            tx.objects(Writer.class).using("default").create(new Writer("rolled back"));
            tx.objects(Writer.class).using("other").create(new Writer("autocommitted"));
            throw new IllegalStateException("undo");
        }));
        assertEquals(List.of(0L, 1L), writerRows());
    }

    @Test
    void relatedObjectsComeFromTheirOwnersDatabase() {
        Blog blog;
        try (Quarry otherOnly = builder().url(second.url()).build()) {
            blog = new Blog(otherOnly);
        }
        Manager<Writer> writers = multi.objects(Writer.class).using("other");
        Writer ada = writers.prefetchRelated("posts", "posts__tags").get("name", "ada");
        assertEquals(List.of("Async Java", "Draft notes", "Java records"), titles(ada.getPosts()));
        Post records = ada.getPosts().stream().filter(p -> p.getTitle().equals("Java records")).findFirst().orElseThrow();
        assertEquals(List.of("db", "java"), tagNames(records.getTags()));
        Post tips = multi.objects(Post.class).using("other").selectRelated("writer__publisher").get("title", "Postgres tips");
        assertEquals("Penguin", tips.getWriter().getPublisher().getName());
        assertEquals(List.of("Postgres tips", "Python vs Java"),
                titles(writers.related(blog.bob, "posts", Post.class).list()));
        assertEquals(List.of("java", "python"),
                tagNames(multi.objects(Post.class).using("other").related(blog.versus, "tags", Tag.class).list()));
        multi.objects(Post.class).using("other").related(blog.versus, "tags", Tag.class).remove(blog.java);
        assertEquals(List.of("python"),
                tagNames(multi.objects(Post.class).using("other").related(blog.versus, "tags", Tag.class).list()));
        assertTrue(listener.events().stream().allMatch(e -> e.database().equals("other")), listener::describe);
        assertEquals(0, multi.objects(Writer.class).count());
    }

    @Test
    void eachDatabaseReportsItsAliasToTheListener() {
        AtomicReference<String> seen = new AtomicReference<>();
        try (Quarry q = builder().database("other", second.url()).listener(e -> seen.set(e.database())).build()) {
            q.objects(Writer.class).using("other").count();
            assertEquals("other", seen.get());
            q.objects(Writer.class).count();
            assertEquals("default", seen.get());
        }
    }
}
