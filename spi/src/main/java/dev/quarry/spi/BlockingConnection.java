package dev.quarry.spi;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Base class for transports whose driver blocks (JDBC, Helidon DB Client): write the blocking operations,
 * and the async twins run them on the given executor, normally one virtual thread per task.
 *
 * <p>Operations on one connection never overlap: each takes a lock (virtual-thread friendly), so a
 * cancelled statement finishes before {@link #close()} hands the connection back to the pool.
 * Cancelling an async stage calls {@link #cancelRunning()}; a task cancelled before it started never runs.
 */
public abstract class BlockingConnection implements Connection {

    private final Executor executor;
    private final ReentrantLock lock = new ReentrantLock();

    /** @param executor where async twins run; should start a virtual thread per task */
    protected BlockingConnection(Executor executor) {
        this.executor = executor;
    }

    /**
     * Cancels the statement this connection is running right now, if any (e.g. JDBC's
     * {@code Statement.cancel()}). Called from another thread; must not take the connection's lock.
     */
    protected abstract void cancelRunning();

    /** Runs {@code work} holding this connection's lock. Subclasses wrap every blocking operation in it. */
    protected final <R> R locked(Supplier<R> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs a blocking operation on the executor; cancelling the returned future cancels the statement. The
     * statement is cancelled BEFORE the future completes: completing it runs its callbacks, and one of them
     * may queue the next operation (a rollback) on this connection, which must not receive the cancel.
     */
    protected final <R> CompletableFuture<R> async(Supplier<R> work) {
        CompletableFuture<R> future = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                if (isDone()) {
                    return isCancelled();
                }
                cancelRunning();
                return super.cancel(mayInterruptIfRunning);
            }
        };
        executor.execute(() -> {
            if (future.isDone()) {
                return;
            }
            try {
                future.complete(work.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        });
        return future;
    }

    @Override
    public <T> CompletionStage<List<T>> queryAsync(Statement statement, RowMapper<T> mapper) {
        return async(() -> query(statement, mapper));
    }

    @Override
    public CompletionStage<Long> updateAsync(Statement statement) {
        return async(() -> update(statement));
    }

    @Override
    public CompletionStage<long[]> batchAsync(String sql, List<List<Object>> parameterSets) {
        return async(() -> batch(sql, parameterSets));
    }

    @Override
    public CompletionStage<Void> beginAsync(TxOptions options) {
        return async(() -> {
            begin(options);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> commitAsync() {
        return async(() -> {
            commit();
            return null;
        });
    }

    /** Runs even when the returned stage is cancelled: a rollback must happen, a connection must go back. */
    @Override
    public CompletionStage<Void> rollbackAsync() {
        return uncancellable(this::rollback);
    }

    /** Runs even when the returned stage is cancelled: a borrowed connection must always go back to its pool. */
    @Override
    public CompletionStage<Void> closeAsync() {
        return uncancellable(this::close);
    }

    private CompletableFuture<Void> uncancellable(Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                work.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        return done.thenApply(v -> v);   // cancelling the copy never reaches the work
    }
}
