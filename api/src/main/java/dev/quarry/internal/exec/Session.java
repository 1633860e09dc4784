package dev.quarry.internal.exec;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Where an operation's statements run: the pool ({@link PoolSession}: each operation borrows a connection)
 * or one connection that serializes its operations ({@link SerialSession}: a transaction or a cursor).
 */
public interface Session {

    /**
     * Runs {@code work} on a connection. In sync mode everything runs on the caller's thread and the
     * returned future is already complete; in async mode it returns at once.
     */
    <R> CompletableFuture<R> run(boolean async, CancelScope scope, Function<Conn, CompletableFuture<R>> work);

    /** Whether operations run inside a user's transaction. */
    boolean inTransaction();

    /**
     * A session pinned to one connection for several operations (a server-side cursor): this session itself
     * inside a transaction, else a newly borrowed connection in its own transaction.
     */
    CompletableFuture<SerialSession> pin(boolean async);
}
