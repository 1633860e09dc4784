package dev.quarry.provider.jdbc;

import dev.quarry.spi.Connection;
import dev.quarry.spi.Database;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.Statement;
import dev.quarry.spi.TxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** begin / commit / rollback, isolation and read-only, and what a connection looks like afterwards. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionTest {

    private static final String TABLE = "jdbcvt_tx";

    private Database database;
    private Connection connection;
    private Connection other;

    @BeforeAll
    void open() throws SQLException {
        Pg.jdbc("DROP TABLE IF EXISTS " + TABLE, "CREATE TABLE " + TABLE + " (id integer PRIMARY KEY)");
        database = Pg.open(3);
    }

    @AfterAll
    void close() throws SQLException {
        database.close();
        Pg.jdbc("DROP TABLE IF EXISTS " + TABLE);
    }

    @BeforeEach
    void borrow() throws SQLException {
        Pg.jdbc("TRUNCATE " + TABLE);
        connection = database.acquire();
        other = database.acquire();
    }

    @AfterEach
    void giveBack() {
        connection.close();
        other.close();
    }

    private long insert(Connection c, int id) {
        return c.update(Pg.sql("INSERT INTO " + TABLE + " VALUES (?)", id));
    }

    private String show(Connection c, String setting) {
        return c.query(Statement.of("SHOW " + setting), r -> r.get(1, String.class)).getFirst();
    }

    @Test
    void committedRowsAreVisibleToOtherConnectionsOnlyAfterCommit() {
        connection.begin(TxOptions.DEFAULT);
        insert(connection, 1);
        assertEquals(0, Pg.count(other, TABLE));

        connection.commit();

        assertEquals(1, Pg.count(other, TABLE));
    }

    @Test
    void rolledBackRowsAreGone() {
        connection.begin(TxOptions.DEFAULT);
        insert(connection, 1);
        assertEquals(1, Pg.count(connection, TABLE));

        connection.rollback();

        assertEquals(0, Pg.count(connection, TABLE));
        assertEquals(0, Pg.count(other, TABLE));
    }

    @Test
    void afterCommitTheConnectionIsBackInAutocommit() {
        connection.begin(TxOptions.DEFAULT);
        connection.commit();

        insert(connection, 7);

        assertEquals(1, Pg.count(other, TABLE));
    }

    @Test
    void isolationAppliesToTheTransactionAndIsRestoredAfterwards() {
        String before = show(connection, "transaction_isolation");

        connection.begin(new TxOptions("SERIALIZABLE", false));
        String inside = show(connection, "transaction_isolation");
        connection.commit();

        assertEquals("read committed", before);
        assertEquals("serializable", inside);
        assertEquals(before, show(connection, "transaction_isolation"));
    }

    @Test
    void isolationNamesAreReadLeniently() {
        connection.begin(new TxOptions("repeatable_read", false));
        assertEquals("repeatable read", show(connection, "transaction_isolation"));
        connection.rollback();
        assertEquals("read committed", show(connection, "transaction_isolation"));
    }

    @Test
    void anUnknownIsolationLevelIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> connection.begin(new TxOptions("CHAOS", false)));

        assertEquals("Unknown isolation level 'CHAOS'; expected READ UNCOMMITTED, READ COMMITTED, REPEATABLE READ or "
                + "SERIALIZABLE.", e.getMessage());
    }

    @Test
    void aReadOnlyTransactionRefusesWritesAndTheConnectionWritesAgainAfterIt() {
        connection.begin(new TxOptions(null, true));
        DriverException e = assertThrows(DriverException.class, () -> insert(connection, 1));
        connection.rollback();

        assertEquals("25006", e.sqlState());
        assertEquals(1, insert(connection, 2));
        assertEquals("off", show(connection, "transaction_read_only"));
    }

    @Test
    void beginTwiceFails() {
        connection.begin(TxOptions.DEFAULT);

        DriverException e = assertThrows(DriverException.class, () -> connection.begin(TxOptions.DEFAULT));

        assertEquals("25001", e.sqlState());
        connection.rollback();
    }

    @Test
    void commitWithoutATransactionFailsAndRollbackWithoutOneDoesNothing() {
        DriverException e = assertThrows(DriverException.class, connection::commit);
        connection.rollback();

        assertEquals("25P01", e.sqlState());
        assertEquals(1, insert(connection, 3));
    }

    @Test
    void closingAConnectionRollsBackItsOpenTransaction() {
        Connection leaky = database.acquire();
        leaky.begin(TxOptions.DEFAULT);
        insert(leaky, 1);

        leaky.close();

        assertEquals(0, Pg.count(other, TABLE));
        try (var unused = new AutoCloseableConnection(database.acquire())) {
            assertEquals("off", show(unused.connection(), "transaction_read_only"));
            assertEquals(1, insert(unused.connection(), 1)); // autocommit: visible at once
        }
        assertEquals(1, Pg.count(other, TABLE));
    }

    @Test
    void aFailedStatementAbortsTheTransactionUntilRollback() {
        connection.begin(TxOptions.DEFAULT);
        insert(connection, 1);
        assertThrows(DriverException.class, () -> insert(connection, 1));
        DriverException aborted = assertThrows(DriverException.class, () -> insert(connection, 2));
        connection.rollback();

        assertEquals("25P02", aborted.sqlState());
        assertEquals(0, Pg.count(connection, TABLE));
    }

    @Test
    void asyncTwinsDriveATransaction() throws Exception {
        connection.beginAsync(new TxOptions("REPEATABLE READ", false)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        connection.updateAsync(Pg.sql("INSERT INTO " + TABLE + " VALUES (?)", 5)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        connection.commitAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(1, Pg.count(other, TABLE));

        connection.beginAsync(TxOptions.DEFAULT).toCompletableFuture().get(10, TimeUnit.SECONDS);
        connection.updateAsync(Pg.sql("INSERT INTO " + TABLE + " VALUES (?)", 6)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        connection.rollbackAsync().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(1, Pg.count(other, TABLE));
    }

    private record AutoCloseableConnection(Connection connection) implements AutoCloseable {
        @Override
        public void close() {
            connection.close();
        }
    }
}
