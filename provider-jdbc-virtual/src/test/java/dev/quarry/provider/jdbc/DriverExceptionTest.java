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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Database failures arrive as {@link DriverException}s with the SQLState and the violated constraint. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriverExceptionTest {

    private static final String PARENT = "jdbcvt_err_parent";
    private static final String TABLE = "jdbcvt_err";

    private Database database;
    private Connection connection;

    @BeforeAll
    void open() throws SQLException {
        Pg.jdbc("DROP TABLE IF EXISTS " + TABLE, "DROP TABLE IF EXISTS " + PARENT,
                "CREATE TABLE " + PARENT + " (id integer PRIMARY KEY)",
                "CREATE TABLE " + TABLE + " (id integer PRIMARY KEY, email text NOT NULL,"
                        + " parent integer CONSTRAINT jdbcvt_err_parent_fk REFERENCES " + PARENT + ","
                        + " CONSTRAINT jdbcvt_err_email_uq UNIQUE (email))");
        database = Pg.open(2);
        connection = database.acquire();
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
        database.close();
        Pg.jdbc("DROP TABLE IF EXISTS " + TABLE, "DROP TABLE IF EXISTS " + PARENT);
    }

    @BeforeEach
    void empty() throws SQLException {
        Pg.jdbc("DELETE FROM " + TABLE);
    }

    private static Statement insert(int id, String email, Integer parent) {
        return Pg.sql("INSERT INTO " + TABLE + " (id, email, parent) VALUES (?, ?, ?)", id, email, parent);
    }

    @Test
    void aUniqueViolationCarriesSqlState23505AndTheConstraintName() {
        connection.update(insert(1, "a@example.com", null));

        DriverException e = assertThrows(DriverException.class, () -> connection.update(insert(2, "a@example.com", null)));

        assertEquals("23505", e.sqlState());
        assertEquals("jdbcvt_err_email_uq", e.constraint());
        assertTrue(e.getMessage().contains("duplicate key value violates unique constraint"), e.getMessage());
        assertInstanceOf(SQLException.class, e.getCause());
    }

    @Test
    void aPrimaryKeyViolationNamesThePrimaryKeyConstraint() {
        connection.update(insert(1, "a@example.com", null));

        DriverException e = assertThrows(DriverException.class, () -> connection.update(insert(1, "b@example.com", null)));

        assertEquals("23505", e.sqlState());
        assertEquals(TABLE + "_pkey", e.constraint());
    }

    @Test
    void aForeignKeyAndANotNullViolationAreReportedToo() {
        DriverException fk = assertThrows(DriverException.class, () -> connection.update(insert(1, "a@example.com", 99)));
        DriverException notNull = assertThrows(DriverException.class, () -> connection.update(insert(2, null, null)));

        assertEquals("23503", fk.sqlState());
        assertEquals("jdbcvt_err_parent_fk", fk.constraint());
        assertEquals("23502", notNull.sqlState());
        assertNull(notNull.constraint());
    }

    @Test
    void aViolationInsideABatchReportsTheFailingEntrysStateAndConstraint() {
        DriverException e = assertThrows(DriverException.class, () -> connection.batch(
                "INSERT INTO " + TABLE + " (id, email) VALUES (?, ?)",
                List.of(List.of(1, "x@example.com"), List.of(2, "x@example.com"))));

        assertEquals("23505", e.sqlState());
        assertEquals("jdbcvt_err_email_uq", e.constraint());
    }

    @Test
    void aSyntaxErrorHasItsSqlStateAndNoConstraint() {
        DriverException e = assertThrows(DriverException.class,
                () -> connection.query(Statement.of("SELEC 1"), r -> r.get(1, Integer.class)));

        assertEquals("42601", e.sqlState());
        assertNull(e.constraint());
    }

    @Test
    void anAsyncTwinFailsWithTheSameDriverException() {
        connection.update(insert(1, "a@example.com", null));
        CompletableFuture<Long> future = connection.updateAsync(insert(2, "a@example.com", null)).toCompletableFuture();

        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));

        DriverException cause = assertInstanceOf(DriverException.class, e.getCause());
        assertEquals("23505", cause.sqlState());
        assertEquals("jdbcvt_err_email_uq", cause.constraint());
    }

    @Test
    void theConnectionStaysUsableAfterAFailureInAutocommit() {
        assertThrows(DriverException.class, () -> connection.query(Statement.of("SELECT 1/0"), r -> 0));

        assertEquals(List.of(1), connection.query(Statement.of("SELECT 1"), r -> r.get(1, Integer.class)));
    }
}
