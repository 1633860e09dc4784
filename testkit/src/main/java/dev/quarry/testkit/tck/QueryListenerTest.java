package dev.quarry.testkit.tck;

import dev.quarry.IntegrityException;
import dev.quarry.Manager;
import dev.quarry.Quarry;
import dev.quarry.QueryEvent;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code QuarryBuilder.listener}: one {@code QueryEvent} after every statement (queries, updates, batches,
 * BEGIN/COMMIT/ROLLBACK, savepoints, cursor DECLARE/FETCH/CLOSE), with its SQL, parameter count, time, rows,
 * failure and database alias, in both twins; parameters only with {@code logParameters(true)}; a failing listener
 * never breaks a statement; the {@code dev.quarry.sql} logger (DEBUG for each statement, WARNING past the slow
 * threshold).
 */
class QueryListenerTest extends ListenedTckBase {

    private Manager<Article> articles;

    @Override
    protected List<Class<?>> models() {
        return List.of(Article.class);
    }

    @BeforeEach
    void managers() {
        articles = seen.objects(Article.class);
    }

    private Article article(String title, int views) {
        return Fixtures.article(title, Status.PUBLISHED, views, 0, null);
    }

    @Test
    void aQueryIsReportedWithItsSqlRowsAndTiming() {
        articles.bulkCreate(List.of(article("a", 1), article("b", 2), article("c", 3)));
        listener.clear();
        var qs = articles.filter("views__gte", 2);
        List<Article> rows = qs.list();
        QueryEvent e = listener.only();
        assertEquals(QueryEvent.Kind.QUERY, e.kind());
        assertEquals(qs.sql(), e.sql());
        assertEquals(1, e.parameterCount());
        assertEquals(2, rows.size());
        assertEquals(2, e.rows());
        assertEquals(1, e.batchSize());
        assertTrue(e.succeeded());
        assertEquals(Optional.empty(), e.failure());
        assertEquals("default", e.database());
        assertFalse(e.elapsed().isNegative());
        assertTrue(e.elapsed().compareTo(Duration.ofMinutes(1)) < 0, e.elapsed()::toString);
    }

    @Test
    void updatesAndDeletesReportTheRowsTheyChanged() {
        articles.bulkCreate(List.of(article("a", 1), article("b", 2), article("c", 3)));
        listener.clear();
        assertEquals(2, articles.filter("views__lte", 2).update(Map.of("likes", 5)));
        QueryEvent update = listener.only();
        assertEquals(QueryEvent.Kind.UPDATE, update.kind());
        assertTrue(update.sql().startsWith("UPDATE "), update.sql());
        assertEquals(2, update.rows());
        assertEquals(2, update.parameterCount());
    }

    @Test
    void parametersAreHiddenUnlessLogParametersIsOn() {
        articles.filter("title", "secret").count();
        QueryEvent hidden = listener.only();
        assertEquals(1, hidden.parameterCount());
        assertEquals(Optional.empty(), hidden.parameters());
        RecordingListener withValues = new RecordingListener();
        try (Quarry logging = builder().listener(withValues).logParameters(true).build()) {
            logging.objects(Article.class).filter("title", "secret").filter("views__gt", 4).count();
        }
        assertEquals(Optional.of(List.of("secret", 4)), withValues.only().parameters());
    }

    @Test
    void aBatchIsOneEventWithEveryParameterSet() {
        List<Article> created = articles.bulkCreate(List.of(article("a", 1), article("b", 2), article("c", 3)));
        created.forEach(a -> a.setViews(a.getViews() * 10));
        listener.clear();
        assertEquals(3, articles.bulkUpdate(created, List.of("views")));
        List<QueryEvent> batches = listener.events().stream().filter(e -> e.kind() == QueryEvent.Kind.BATCH).toList();
        assertFalse(batches.isEmpty(), listener::describe);
        assertEquals(3, batches.stream().mapToLong(QueryEvent::rows).sum());
        assertEquals(3, batches.stream().mapToInt(QueryEvent::batchSize).sum());
    }

    @Test
    void transactionsReportBeginCommitRollbackAndSavepoints() {
        seen.atomic(tx -> {
            tx.objects(Article.class).create(article("in", 1));
            return tx.atomic(inner -> inner.objects(Article.class).count());
        });
        List<String> committed = listener.sql();
        assertEquals("BEGIN", committed.getFirst());
        assertEquals("COMMIT", committed.getLast());
        assertTrue(committed.stream().anyMatch(s -> s.startsWith("SAVEPOINT ")), committed::toString);
        assertTrue(committed.stream().anyMatch(s -> s.startsWith("RELEASE SAVEPOINT ")), committed::toString);
        assertEquals(QueryEvent.Kind.TRANSACTION, listener.events().getFirst().kind());
        listener.clear();
        assertThrows(IllegalStateException.class, () -> seen.atomic(tx -> {
            tx.objects(Article.class).create(article("out", 1));
            throw new IllegalStateException("undo");
        }));
        assertEquals("ROLLBACK", listener.sql().getLast());
        assertEquals(0, articles.filter("title", "out").count());
    }

    @Test
    void cursorsReportDeclareFetchAndClose() {
        articles.bulkCreate(List.of(article("a", 1), article("b", 2), article("c", 3)));
        listener.clear();
        try (Stream<Article> s = articles.orderBy("id").iterator(2)) {
            assertEquals(3, s.count());
        }
        List<String> sql = listener.sql();
        assertTrue(sql.stream().anyMatch(s -> s.startsWith("DECLARE ")), sql::toString);
        assertTrue(sql.stream().filter(s -> s.startsWith("FETCH ")).count() >= 2, sql::toString);
        assertTrue(sql.stream().anyMatch(s -> s.startsWith("CLOSE ")), sql::toString);
        long fetched = listener.events().stream().filter(e -> e.sql().startsWith("FETCH ")).mapToLong(QueryEvent::rows).sum();
        assertEquals(3, fetched);
    }

    @Test
    void aFailedStatementIsReportedWithItsFailure() {
        Article first = article("a", 1);
        first.setSlug("same");
        articles.create(first);
        listener.clear();
        Article twin = article("b", 1);
        twin.setSlug("same");
        IntegrityException thrown = assertThrows(IntegrityException.class, () -> articles.create(twin));
        QueryEvent e = listener.only();
        assertFalse(e.succeeded());
        assertEquals(-1, e.rows());
        assertInstanceOf(IntegrityException.class, e.failure().orElseThrow());
        assertEquals(thrown.sqlState(), ((IntegrityException) e.failure().orElseThrow()).sqlState());
    }

    @Test
    void theAsyncTwinReportsBeforeItsFutureCompletes() {
        articles.create(article("a", 1));
        listener.clear();
        assertEquals(1L, await(articles.filter("views", 1).acount()));
        QueryEvent e = listener.only();
        assertEquals(QueryEvent.Kind.QUERY, e.kind());
        assertEquals(1, e.rows());
        listener.clear();
        assertThrows(IntegrityException.class, () -> await(articles.acreate(Map.of("views", 1))));
        assertFalse(listener.only().succeeded());
    }

    @Test
    void aListenerThatThrowsNeverBreaksTheStatement() {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        try (Quarry broken = builder().listener(e -> {
            throw new IllegalStateException("listener bug");
        }).onCallbackFailure(reported::add).build()) {
            Manager<Article> mine = broken.objects(Article.class);
            Article a = mine.create(article("kept", 7));
            assertEquals(7, mine.get("pk", a.getId()).getViews());
            assertEquals(1L, await(mine.acount()));
            assertEquals(1L, (long) broken.atomic(tx -> tx.objects(Article.class).count()));
        }
        assertEquals(1, articles.count());
        assertTrue(reported.size() >= 6, () -> "reported " + reported);
        assertTrue(reported.stream().allMatch(t -> "listener bug".equals(t.getMessage())), reported::toString);
    }

    @Test
    void statementsAreLoggedAtDebugAndSlowOnesAtWarning() {
        Logger jul = Logger.getLogger("dev.quarry.sql");
        Level before = jul.getLevel();
        boolean parents = jul.getUseParentHandlers();
        jul.setUseParentHandlers(false);
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        handler.setLevel(Level.ALL);
        jul.addHandler(handler);
        try {
            jul.setLevel(Level.FINE);
            try (Quarry plain = builder().build()) {
                plain.objects(Article.class).filter("title", "hidden-value").count();
            }
            LogRecord debug = records.stream().filter(r -> r.getMessage().contains("count(")
                    || r.getMessage().contains("COUNT(")).findFirst().orElseThrow(() -> new AssertionError(records));
            assertEquals(Level.FINE, debug.getLevel());
            assertTrue(debug.getMessage().matches("\\(\\d+\\.\\d{3}\\) SELECT .*; alias=default"), debug.getMessage());
            assertFalse(debug.getMessage().contains("hidden-value"), debug.getMessage());
            records.clear();
            jul.setLevel(Level.WARNING);
            try (Quarry slow = builder().slowQueryThreshold(Duration.ZERO).logParameters(true).build()) {
                slow.objects(Article.class).filter("title", "shown-value").count();
            }
            LogRecord warning = records.stream().filter(r -> r.getMessage().contains("shown-value")).findFirst()
                    .orElseThrow(() -> new AssertionError(records));
            assertEquals(Level.WARNING, warning.getLevel());
            assertTrue(warning.getMessage().startsWith("Slow statement (over 0.000 s) ("), warning.getMessage());
            assertTrue(records.stream().noneMatch(r -> r.getLevel().intValue() < Level.WARNING.intValue()));
        } finally {
            jul.removeHandler(handler);
            jul.setLevel(before);
            jul.setUseParentHandlers(parents);
        }
    }
}
