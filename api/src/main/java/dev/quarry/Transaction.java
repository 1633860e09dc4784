package dev.quarry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * An open transaction on one connection, handed to the work of {@code atomic}/{@code aatomic}. Work issued
 * concurrently on it runs one statement at a time, in issue order. Using it after its block has ended
 * throws {@link TransactionException}.
 */
public interface Transaction {

    /** The manager of a model, running inside this transaction. */
    <T> Manager<T> objects(Class<T> model);

    /** A raw query inside this transaction. */
    <T> RawQuerySet<T> raw(Class<T> model, String sql, Object... params);

    /**
     * A nested block in a SAVEPOINT: its failure rolls back to the savepoint and propagates; if the caller
     * catches it, this transaction goes on.
     */
    <R> R atomic(Function<? super Transaction, ? extends R> work);

    /** Async twin of {@link #atomic(Function)}. */
    <R> CompletableFuture<R> aatomic(Function<? super Transaction, ? extends CompletionStage<R>> work);

    /** Creates a savepoint. */
    Savepoint savepoint();

    /** Rolls back to a savepoint, which stays usable. */
    void rollbackTo(Savepoint savepoint);

    /** Releases a savepoint. */
    void release(Savepoint savepoint);

    /** Async twin of {@link #savepoint()}. */
    CompletableFuture<Savepoint> asavepoint();

    /** Async twin of {@link #rollbackTo(Savepoint)}. */
    CompletableFuture<Void> arollbackTo(Savepoint savepoint);

    /** Async twin of {@link #release(Savepoint)}. */
    CompletableFuture<Void> arelease(Savepoint savepoint);

    /**
     * Runs {@code callback} after the outermost transaction commits, in registration order; never on
     * rollback. A failing callback does not undo the commit; its exception is reported to the
     * {@code Quarry}'s callback-failure handler (by default logged through {@link System.Logger}).
     */
    void onCommit(Runnable callback);

    /** Whether the block is still running. */
    boolean isActive();
}
