package dev.quarry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement Quarry ran, as a {@link QueryListener} sees it. Every statement is reported: queries, updates,
 * batches, transaction control ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}), savepoints and the
 * {@code DECLARE}/{@code FETCH}/{@code CLOSE} of server-side cursors.
 *
 * @param database       the alias of the database it ran on ({@code "default"}, or one added with
 *                       {@link QuarryBuilder#database(String, String)})
 * @param kind           what sort of statement it was
 * @param sql            the SQL with {@code ?} placeholders, never with values; for transaction control the
 *                       command ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK})
 * @param parameterCount how many values were bound (for a batch: over all its parameter sets)
 * @param parameters     the bound values, only when {@link QuarryBuilder#logParameters(boolean)} is on (they may
 *                       hold personal data); for a batch its parameter sets one after another
 * @param batchSize      how many parameter sets a batch ran (1 for every other statement)
 * @param elapsed        how long the statement took, as the caller waited for it
 * @param rows           rows read by a query, changed by an update or a batch (summed), 0 for transaction
 *                       control; -1 when the statement failed or the driver did not tell
 * @param failure        why it failed, empty when it succeeded
 */
public record QueryEvent(String database, Kind kind, String sql, int parameterCount, Optional<List<Object>> parameters,
                         int batchSize, Duration elapsed, long rows, Optional<Throwable> failure) {

    /** What sort of statement an event reports. */
    public enum Kind {
        /** A statement that returns rows (SELECT, INSERT ... RETURNING, FETCH of a cursor). */
        QUERY,
        /** A statement that returns a count or nothing (UPDATE, DELETE, DDL, SAVEPOINT, DECLARE/CLOSE of a cursor). */
        UPDATE,
        /** One statement run with several parameter sets. */
        BATCH,
        /** BEGIN, COMMIT or ROLLBACK of a transaction. */
        TRANSACTION
    }

    /** Checks the event is whole. */
    public QueryEvent {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(failure, "failure");
    }

    /** Whether the statement succeeded. */
    public boolean succeeded() {
        return failure.isEmpty();
    }
}
