package dev.quarry.spi;

import java.util.concurrent.CompletionStage;

/**
 * An open pool of connections to one database, made by {@link QuarryProvider#open(ConnectionConfig)}.
 * Thread-safe.
 */
public interface Database extends AutoCloseable {

    /** What this transport can do. */
    Capabilities capabilities();

    /** Borrows a connection, blocking the calling (ideally virtual) thread until one is free. */
    Connection acquire();

    /** Borrows a connection without blocking the caller. */
    CompletionStage<Connection> acquireAsync();

    /**
     * For a transport whose operations block: the executor (one virtual thread per task) its async twins
     * run on. Quarry then runs a whole async operation (borrow, statements, give back) as ONE task on it with
     * the blocking operations, instead of hopping threads at every step, and cancels through
     * {@link Connection#cancel()}. Empty for a non-blocking transport, which gets the async operations.
     */
    default java.util.Optional<java.util.concurrent.Executor> blockingExecutor() {
        return java.util.Optional.empty();
    }

    /** Closes the pool and every connection in it. Idempotent. */
    @Override
    void close();
}
