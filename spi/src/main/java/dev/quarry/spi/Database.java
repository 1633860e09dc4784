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

    /** Closes the pool and every connection in it. Idempotent. */
    @Override
    void close();
}
