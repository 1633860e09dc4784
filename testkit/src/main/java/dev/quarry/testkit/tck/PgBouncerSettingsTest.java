package dev.quarry.testkit.tck;

import dev.quarry.Quarry;
import dev.quarry.TransactionOptions;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings that make Quarry safe behind PgBouncer in transaction mode (README, "In production"): with
 * {@code prepareThreshold=0} on the URL no server-side prepared statement is ever created (PgBouncer hands the
 * next transaction another server connection, where a named statement would not exist); the default is shown to
 * create them, so the check measures something. Quarry's own per-transaction settings ({@code SET LOCAL}) stay
 * inside their transaction and leak no session state to the next borrower of the server connection.
 */
class PgBouncerSettingsTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class);
    }

    @Override
    protected int poolSize() {
        return 1;   // every operation below reuses the one server connection
    }

    private static String withParameter(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    /** Runs the same query ten times in one transaction, then counts the session's server-side prepared statements. */
    private static long preparedAfterRepeatedQueries(Quarry q) {
        return q.atomic(tx -> {
            for (int i = 0; i < 10; i++) {
                tx.objects(SimpleModel.class).filter("field", i).count();
            }
            return tx.raw(SimpleModel.class, "SELECT count(*) AS id FROM pg_prepared_statements").list().getFirst().getId();
        });
    }

    @Test
    void prepareThresholdZeroCreatesNoServerSidePreparedStatements() {
        db.objects(SimpleModel.class).create(new SimpleModel(3));
        try (Quarry bouncerSafe = builder().url(withParameter(database.url(), "prepareThreshold=0")).build()) {
            assertEquals(0L, preparedAfterRepeatedQueries(bouncerSafe));
            assertEquals(1, bouncerSafe.objects(SimpleModel.class).filter("field", 3).count());
        }
        try (Quarry byDefault = builder().build()) {
            long prepared = preparedAfterRepeatedQueries(byDefault);
            assertTrue(prepared >= 1, () -> "the driver's default should prepare server-side, got " + prepared);
        }
    }

    @Test
    void aTransactionsStatementTimeoutStaysInsideItsTransaction() {
        try (Quarry bouncerSafe = builder().url(withParameter(database.url(), "prepareThreshold=0")).poolSize(1).build()) {
            String inside = bouncerSafe.atomic(TransactionOptions.defaults().timeout(Duration.ofSeconds(7)),
                    PgBouncerSettingsTest::currentTimeout);
            assertEquals("7s", inside);
            String after = bouncerSafe.atomic(PgBouncerSettingsTest::currentTimeout);
            assertTrue(!after.equals("7s"), () -> "SET LOCAL leaked out of its transaction: " + after);
        }
    }

    /** The session's statement_timeout, read through the transaction's own connection. */
    private static String currentTimeout(dev.quarry.Transaction tx) {
        long millis = tx.raw(SimpleModel.class,
                "SELECT 1 AS id, (EXTRACT(EPOCH FROM current_setting('statement_timeout')::interval) * 1000)::int AS field")
                .list().getFirst().getField();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
