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

    /**
     * Borrows a connection without blocking the caller. By default, for a blocking transport: {@link #acquire()}
     * on its {@link #blockingExecutor()}, giving the connection straight back if the stage was cancelled
     * meanwhile. A non-blocking transport overrides it.
     */
    default CompletionStage<Connection> acquireAsync() {
        java.util.concurrent.Executor executor = blockingExecutor().orElseThrow(() -> new UnsupportedOperationException(
                "A transport without a blockingExecutor() implements acquireAsync() itself."));
        java.util.concurrent.CompletableFuture<Connection> future = new java.util.concurrent.CompletableFuture<>();
        try {
            executor.execute(() -> {
                if (future.isDone()) {
                    return;
                }
                try {
                    Connection connection = acquire();
                    if (!future.complete(connection)) {
                        connection.close();
                    }
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            future.completeExceptionally(new DriverException("The database has been closed.", "08003", null, e));
        }
        return future;
    }

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
