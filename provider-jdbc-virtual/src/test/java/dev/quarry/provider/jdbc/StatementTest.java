package dev.quarry.provider.jdbc;

import dev.quarry.spi.Connection;
import dev.quarry.spi.Database;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Update counts, batches and the async twins of both. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementTest {

    private static final String TABLE = "jdbcvt_statements";

    private Database database;
    private Connection connection;

    @BeforeAll
    void open() throws SQLException {
        Pg.jdbc("DROP TABLE IF EXISTS " + TABLE,
                "CREATE TABLE " + TABLE + " (id bigserial PRIMARY KEY, name text NOT NULL, score integer)");
        database = Pg.open(2);
        connection = database.acquire();
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
        database.close();
        Pg.jdbc("DROP TABLE IF EXISTS " + TABLE);
    }

    @BeforeEach
    void empty() throws SQLException {
        Pg.jdbc("TRUNCATE " + TABLE + " RESTART IDENTITY");
    }

    private long insert(String name, Integer score) {
        return connection.update(Pg.sql("INSERT INTO " + TABLE + " (name, score) VALUES (?, ?)", name, score));
    }

    @Test
    void updateReturnsTheNumberOfChangedRows() {
        assertEquals(1, insert("a", 1));
        assertEquals(1, insert("b", 2));
        assertEquals(1, insert("c", null));

        assertEquals(2, connection.update(Pg.sql("UPDATE " + TABLE + " SET score = score + ? WHERE score IS NOT NULL", 10)));
        assertEquals(0, connection.update(Pg.sql("UPDATE " + TABLE + " SET score = 0 WHERE name = ?", "zzz")));
        assertEquals(3, connection.update(Statement.of("DELETE FROM " + TABLE)));
    }

    @Test
    void anUntypedNullParameterTakesTheTypeTheServerInfers() {
        insert("a", null);
        insert("b", 5);

        List<String> names = connection.query(
                Pg.sql("SELECT name FROM " + TABLE + " WHERE score IS NOT DISTINCT FROM ?", (Object) null),
                r -> r.get(1, String.class));

        assertEquals(List.of("a"), names);
    }

    @Test
    void insertReturningIsAQuery() {
        List<Long> ids = connection.query(Pg.sql("INSERT INTO " + TABLE + " (name) VALUES (?), (?) RETURNING id", "a", "b"),
                Pg::firstLong);

        assertEquals(List.of(1L, 2L), ids);
    }

    @Test
    void batchRunsEveryParameterSetAndReturnsEachCount() {
        List<List<Object>> sets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sets.add(Arrays.asList("n" + i, i % 3 == 0 ? null : i));
        }

        long[] counts = connection.batch("INSERT INTO " + TABLE + " (name, score) VALUES (?, ?)", sets);

        long[] ones = new long[100];
        Arrays.fill(ones, 1L);
        assertArrayEquals(ones, counts);
        assertEquals(100, Pg.count(connection, TABLE));
        assertEquals(34L, connection.query(Statement.of("SELECT count(*) FROM " + TABLE + " WHERE score IS NULL"),
                Pg::firstLong).getFirst());
    }

    @Test
    void batchOfUpdatesReportsRowsPerSet() {
        insert("a", 1);
        insert("a", 2);
        insert("b", 3);

        long[] counts = connection.batch("UPDATE " + TABLE + " SET score = -score WHERE name = ?",
                List.of(List.of("a"), List.of("b"), List.of("none")));

        assertArrayEquals(new long[]{2, 1, 0}, counts);
    }

    @Test
    void anEmptyBatchDoesNothing() {
        assertArrayEquals(new long[0], connection.batch("INSERT INTO " + TABLE + " (name) VALUES (?)", List.of()));
    }

    @Test
    void aParameterSetWithTooFewValuesFailsInsteadOfReusingThePreviousSet() {
        DriverException e = assertThrows(DriverException.class, () -> connection.batch(
                "INSERT INTO " + TABLE + " (name, score) VALUES (?, ?)", List.of(List.of("a", 1), List.of("b"))));

        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        assertEquals(0, Pg.count(connection, TABLE));
    }

    @Test
    void asyncTwinsGiveTheSameResults() throws Exception {
        long inserted = connection.updateAsync(Pg.sql("INSERT INTO " + TABLE + " (name, score) VALUES (?, ?)", "x", 1))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        long[] batch = connection.batchAsync("INSERT INTO " + TABLE + " (name) VALUES (?)", List.of(List.of("y"), List.of("z")))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<String> names = connection.queryAsync(Statement.of("SELECT name FROM " + TABLE + " ORDER BY name"),
                r -> r.get(1, String.class)).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(1, inserted);
        assertArrayEquals(new long[]{1, 1}, batch);
        assertEquals(List.of("x", "y", "z"), names);
    }

    @Test
    void asyncWorkRunsOnANamedVirtualThread() throws Exception {
        String thread = connection.queryAsync(Statement.of("SELECT 1"),
                r -> (Thread.currentThread().isVirtual() ? "virtual " : "platform ") + Thread.currentThread().getName())
                .toCompletableFuture().get(10, TimeUnit.SECONDS).getFirst();

        assertTrue(thread.startsWith("virtual quarry-jdbc-"), thread);
    }

    @Test
    void theSameSqlRunManyTimesKeepsWorkingAfterServerSidePreparation() {
        // pgjdbc switches to a named server-side prepared statement after prepareThreshold (5) executions.
        for (int i = 0; i < 20; i++) {
            assertEquals(List.of((long) i * 2), connection.query(Pg.sql("SELECT ?::bigint * 2", (long) i), Pg::firstLong));
        }
    }
}
