package dev.quarry.spi;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One borrowed database connection. Quarry issues one operation at a time on a connection and waits for it
 * to finish before the next, so implementations need no concurrency control of their own beyond what
 * {@link BlockingConnection} gives.
 *
 * <p>Every operation exists twice, like Quarry's public twins: the blocking form runs on the caller's
 * (ideally virtual) thread; the {@code ...Async} form returns at once. A blocking transport extends
 * {@link BlockingConnection} and writes only the blocking forms; a non-blocking transport writes the async
 * forms and implements the blocking ones by waiting. Cancelling a stage returned by an async form (with
 * {@code toCompletableFuture().cancel(true)}) must cancel the statement on the server where the transport
 * can ({@link Capabilities#supportsCancellation()}).
 *
 * <p>Failures are {@link DriverException}s (thrown, or completing the stage exceptionally).
 */
public interface Connection {

    /** Runs a statement that returns rows (including {@code INSERT ... RETURNING}) and maps every row. */
    <T> List<T> query(Statement statement, RowMapper<T> mapper);

    /** Runs a statement that returns no rows; returns the number of rows it changed. */
    long update(Statement statement);

    /**
     * Runs one statement once per parameter set, as one batch where the transport can
     * ({@link Capabilities#supportsBatch()}); returns the changed-row count of each.
     */
    long[] batch(String sql, List<List<Object>> parameterSets);

    /** Starts a transaction on this connection. */
    void begin(TxOptions options);

    /** Commits the transaction started by {@link #begin}. */
    void commit();

    /** Rolls back the transaction started by {@link #begin}. */
    void rollback();

    /** Returns the connection to its pool (rolling back a transaction left open). Never fails. */
    void close();

    /**
     * Cancels, from another thread, the statement a BLOCKING operation of this connection is executing now
     * (the operation then fails with a DriverException of SQLState 57014); does nothing when none is. Needed
     * only by transports that offer {@link Database#blockingExecutor()}.
     */
    default void cancel() {
    }

    /** Async twin of {@link #query}. */
    <T> CompletionStage<List<T>> queryAsync(Statement statement, RowMapper<T> mapper);

    /** Async twin of {@link #update}. */
    CompletionStage<Long> updateAsync(Statement statement);

    /** Async twin of {@link #batch}. */
    CompletionStage<long[]> batchAsync(String sql, List<List<Object>> parameterSets);

    /** Async twin of {@link #begin}. */
    CompletionStage<Void> beginAsync(TxOptions options);

    /** Async twin of {@link #commit}. */
    CompletionStage<Void> commitAsync();

    /** Async twin of {@link #rollback}. */
    CompletionStage<Void> rollbackAsync();

    /** Async twin of {@link #close}. */
    CompletionStage<Void> closeAsync();
}
