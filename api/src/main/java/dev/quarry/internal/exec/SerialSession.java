package dev.quarry.internal.exec;

import dev.quarry.TransactionException;
import dev.quarry.spi.Connection;
import dev.quarry.spi.Dialect;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One connection whose operations run one at a time, in the order they were issued, whatever thread issues
 * them: the connection of a transaction, or of a server-side cursor. A sync operation waits for the ones
 * issued before it; an async one is chained after them.
 */
public final class SerialSession implements Session {

    private final Connection connection;
    private final Errors errors;
    private final Dialect dialect;
    private final boolean userTransaction;
    private final boolean ownsConnection;
    private final Conn.TxState tx = new Conn.TxState(false);
    private final CancelScope statements = CancelScope.tracker();
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);
    private volatile String endedMessage;

    /**
     * @param userTransaction whether this is a user's transaction (vs. a cursor's own)
     * @param ownsConnection  whether {@link #release} returns the connection to the pool
     */
    public SerialSession(Connection connection, Errors errors, Dialect dialect, boolean userTransaction,
                         boolean ownsConnection) {
        this.connection = connection;
        this.errors = errors;
        this.dialect = dialect;
        this.userTransaction = userTransaction;
        this.ownsConnection = ownsConnection;
    }

    @Override
    public <R> CompletableFuture<R> run(boolean async, CancelScope scope, Function<Conn, CompletableFuture<R>> work) {
        return run(async, scope, work, null);
    }

    /**
     * Runs {@code work} after the operations issued before it. {@code admit} (if not {@code null}) runs first,
     * atomically with taking the work's turn: when it throws, nothing is issued. A transaction level uses it to
     * refuse work while a nested block is open, with no window in which work could slip into the nested block.
     */
    public <R> CompletableFuture<R> run(boolean async, CancelScope scope, Function<Conn, CompletableFuture<R>> work,
                                        Runnable admit) {
        String ended = endedMessage;
        if (ended != null) {
            throw new TransactionException(ended);
        }
        CompletableFuture<Void> turnDone = new CompletableFuture<>();
        CompletableFuture<?> previous;
        synchronized (this) {
            if (admit != null) {
                admit.run();
            }
            previous = tail;
            tail = turnDone;
        }
        if (!async) {
            try {
                previous.handle((v, e) -> null).join();
                return Futures.guard(() -> work.apply(new Conn(connection, false, errors, dialect, scope.alsoTrackedBy(statements), tx)));
            } finally {
                turnDone.complete(null);
            }
        }
        CompletableFuture<R> result = previous.handle((v, e) -> null)
                .thenCompose(v -> Futures.guard(() -> work.apply(new Conn(connection, true, errors, dialect, scope.alsoTrackedBy(statements), tx))));
        result.whenComplete((r, e) -> turnDone.complete(null));
        return result;
    }

    /** Cancels the statement running on the connection now, if any (cancelling an async transaction). */
    public void cancelCurrent() {
        statements.cancelCurrent();
    }

    /** Completes when every operation issued so far has finished. */
    public CompletableFuture<Void> drained() {
        CompletableFuture<?> last;
        synchronized (this) {
            last = tail;
        }
        return last.handle((v, e) -> null);
    }

    /** Refuses every later operation with a TransactionException carrying {@code message}. */
    public void end(String message) {
        endedMessage = message;
    }

    /** Whether {@link #end} was called. */
    public boolean isEnded() {
        return endedMessage != null;
    }

    /** Returns the connection to the pool if this session borrowed it. */
    public CompletableFuture<Void> release(boolean async) {
        if (!ownsConnection) {
            return CompletableFuture.completedFuture(null);
        }
        if (async) {
            return connection.closeAsync().toCompletableFuture().handle((v, e) -> null);
        }
        connection.close();
        return CompletableFuture.completedFuture(null);
    }

    /** Whether a transaction is open on the connection. */
    public boolean transactionOpen() {
        return tx.open;
    }

    /**
     * Whether this is a cursor's own connection and transaction, which the cursor finishes (commits and gives
     * back); never a user's transaction, which a cursor inside it must leave alone.
     */
    public boolean isCursorsOwn() {
        return ownsConnection && !userTransaction;
    }

    @Override
    public boolean inTransaction() {
        return userTransaction;
    }

    @Override
    public CompletableFuture<SerialSession> pin(boolean async) {
        return CompletableFuture.completedFuture(this);
    }
}
