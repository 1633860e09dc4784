package dev.quarry.spi;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Base class for transports whose driver blocks (JDBC, Helidon DB Client): write the blocking operations, and
 * the async twins run them on the given executor, normally one virtual thread per task. It also does the
 * driver-independent part of cancellation; the provider only says how to cancel what it executes.
 *
 * <p><b>Serialised.</b> Operations on one connection never overlap: each takes a lock ({@link #locked},
 * virtual-thread friendly), so a cancelled statement finishes before {@link #close()} hands the connection
 * back to the pool.
 *
 * <p><b>Cancellation.</b> Every statement runs as an {@link Operation}: the one behind an async twin
 * ({@link #async}), or a stand-in for a blocking twin ({@link #blocking}) that {@link #cancel()} reaches. While
 * the driver executes, the provider registers how to cancel that very execution
 * ({@link Operation#executing(Canceller, Execution)}). Cancelling the operation then keeps these promises:
 * <ul>
 *   <li>cancelled before its work starts, the work never runs;</li>
 *   <li>cancelled before {@code executing} publishes, the execution is never started (it fails with SQLState
 *       57014); a cancel racing with the publication is never lost: one of the two always sees the other;</li>
 *   <li>cancelled while executing, the {@link Canceller} is called, on the executor, repeatedly while that
 *       execution still runs if it asks to be, and never after it ends, so no request reaches the next
 *       operation;</li>
 *   <li>the cancel request is on its way BEFORE the async stage completes: completing it runs its callbacks,
 *       one of which may queue the next operation (a rollback) on this connection;</li>
 *   <li>an async stage cancelled while its work ran ends cancelled, whatever the work then did.</li>
 * </ul>
 * {@link #rollbackAsync()} and {@link #closeAsync()} run even when their stage is cancelled.
 *
 * {@snippet :
 * @Override
 * public long update(Statement statement) {
 *     return blocking(op -> update(statement, op));
 * }
 *
 * @Override
 * public CompletionStage<Long> updateAsync(Statement statement) {
 *     Objects.requireNonNull(statement, "statement");   // validate synchronously, then go async
 *     return async(op -> update(statement, op));
 * }
 *
 * private long update(Statement statement, Operation op) {
 *     return locked(() -> {
 *         try (PreparedStatement ps = jdbc.prepareStatement(statement.sql())) {
 *             bind(ps, statement.params());
 *             return op.executing(() -> { ps.cancel(); return true; }, ps::executeLargeUpdate);
 *         } catch (SQLException e) {
 *             throw translate(e);
 *         }
 *     });
 * }
 * }
 *
 * <p>A {@code BlockingConnection} is not reused after {@link #close()}: a {@link #cancel()} that found nothing
 * running stays recorded for the rest of the borrowing.
 */
public abstract class BlockingConnection implements Connection {

    /** How many cancel requests a repeating {@link Canceller} gets at most, spread over ~7 s. */
    private static final int CANCEL_ATTEMPTS = 40;
    private static final long MAX_CANCEL_PAUSE_MILLIS = 200;

    /** The async operation whose work runs on this thread, so that {@link #blocking} joins it. */
    private static final ThreadLocal<Operation> CURRENT = new ThreadLocal<>();

    private final Executor executor;
    private final ReentrantLock lock = new ReentrantLock();
    /** Held while a canceller runs, and while an execution is unpublished. */
    private final ReentrantLock cancelLock = new ReentrantLock();

    /** The operation standing for the blocking statement running now, for {@link #cancel()}, or {@code null}. */
    private volatile Operation runningBlocking;
    /** Set by a {@link #cancel()} that found nothing running: the next blocking statement of this borrow fails. */
    private volatile boolean cancelPending;

    /** @param executor where async twins and cancel requests run; should start a virtual thread per task */
    protected BlockingConnection(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

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
     * Runs a blocking operation on the executor as a cancellable {@link Operation}: cancelling the returned
     * future (before it completes) requests the operation's cancel, calls the canceller of what it is
     * executing, then completes the future as cancelled. A future cancelled before the work starts never runs
     * it. Validate arguments before calling this, so that bad ones fail synchronously.
     *
     * @param work the blocking operation; it passes the operation to {@link Operation#executing} around what
     *             can be cancelled
     */
    protected final <R> CompletableFuture<R> async(Function<Operation, R> work) {
        Task<R> task = new Task<>(Objects.requireNonNull(work, "work"));
        executor.execute(task);
        return task;
    }

    /**
     * Runs a blocking twin on the calling thread as an {@link Operation} that {@link #cancel()} reaches. Fails
     * at once with SQLState 57014 if a {@link #cancel()} came since the connection was borrowed. Called from the
     * work of this connection's {@link #async} (as the default async twins do), it runs as that operation
     * instead, so cancelling the async stage reaches it.
     */
    protected final <R> R blocking(Function<Operation, R> work) {
        Operation current = CURRENT.get();
        if (current != null && current.connection() == this) {
            return work.apply(current);
        }
        Operation op = new Operation();
        runningBlocking = op;      // publish, then look for a cancel that came before: see cancel()
        try {
            if (cancelPending) {
                throw DriverException.cancelled();
            }
            return work.apply(op);
        } finally {
            runningBlocking = null;
        }
    }

    /**
     * Cancels the blocking operation ({@link #blocking}) running now, which then fails with SQLState 57014 (the
     * one-task async path, see {@link Database#blockingExecutor()}). A cancel that comes just before the
     * operation starts is not lost: it is recorded first, then the running operation is looked up, while
     * {@link #blocking} publishes its operation first, then looks for the record; so the next blocking
     * statement of this borrowing fails too. Quarry calls this only for an operation it is abandoning, and never
     * reuses the connection after {@link #close()}, so the record cannot reach another operation.
     */
    @Override
    public final void cancel() {
        cancelPending = true;
        Operation op = runningBlocking;
        if (op != null) {
            op.requestCancel();
        }
    }

    @Override
    public <T> CompletionStage<List<T>> queryAsync(Statement statement, RowMapper<T> mapper) {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(mapper, "mapper");
        return async(op -> query(statement, mapper));
    }

    @Override
    public CompletionStage<Long> updateAsync(Statement statement) {
        Objects.requireNonNull(statement, "statement");
        return async(op -> update(statement));
    }

    @Override
    public CompletionStage<long[]> batchAsync(String sql, List<List<Object>> parameterSets) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(parameterSets, "parameterSets");
        return async(op -> batch(sql, parameterSets));
    }

    @Override
    public CompletionStage<Void> beginAsync(TxOptions options) {
        return async(op -> {
            begin(options);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> commitAsync() {
        return async(op -> {
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

    /**
     * How to cancel one execution in flight, e.g. JDBC's {@code Statement.cancel()} or pgjdbc's
     * {@code PGConnection.cancelQuery()}. Called from another (virtual) thread, holding a lock that the
     * execution's end waits for; must not take the connection's lock ({@link #locked}).
     */
    @FunctionalInterface
    public interface Canceller {

        /**
         * Sends one cancel request for the execution it was registered for; called only while that execution
         * still runs. May block (pgjdbc opens a connection to send it); a failure ends the cancelling.
         *
         * @return {@code true} to be called again after a growing pause (2 ms to 200 ms, ~7 s in all) while the
         *         execution still runs, e.g. because PostgreSQL ignores a request that overtakes the statement;
         *         {@code false} when one request is enough
         */
        boolean sendCancel() throws Exception;
    }

    /**
     * A driver call that can be cancelled, run by {@link Operation#executing}.
     *
     * @param <R> its result
     * @param <X> the checked exception it throws ({@code SQLException}), or {@code RuntimeException}
     */
    @FunctionalInterface
    public interface Execution<R, X extends Exception> {

        /** Runs the driver call. */
        R run() throws X;
    }

    /**
     * One cancellable operation of this connection: an async twin's ({@link #async}) or a blocking twin's
     * ({@link #blocking}). The provider's code gets it, registers a {@link Canceller} around what it executes
     * and may check {@link #cancelRequested()} between steps (e.g. before mapping rows nobody will see).
     */
    public final class Operation {

        /** Set before the stage completes, so the statement stops even if the stage's callbacks block. */
        private volatile boolean cancelRequested;
        /** The execution in flight, or {@code null}; a fresh object per {@link #executing} call. */
        private volatile Published executing;

        private Operation() {
        }

        private BlockingConnection connection() {
            return BlockingConnection.this;
        }

        /** Whether this operation has been cancelled; its result will not be seen. */
        public boolean cancelRequested() {
            return cancelRequested;
        }

        /** Throws the DriverException of SQLState 57014 if this operation has been cancelled. */
        public void throwIfCancelled() {
            if (cancelRequested) {
                throw DriverException.cancelled();
            }
        }

        /**
         * Runs {@code execution} with {@code canceller} published to a cancel of this operation. The execution
         * is first published, then the cancel flag read, while a cancel sets the flag, then reads what is
         * published (all volatile): either the execution never starts (this throws SQLState 57014) or the
         * cancel sees it and calls the canceller. Unpublishing waits for a canceller in flight, so a request
         * meant for this execution never reaches the next one.
         */
        public <R, X extends Exception> R executing(Canceller canceller, Execution<R, X> execution) throws X {
            Objects.requireNonNull(canceller, "canceller");
            Published published = new Published(canceller);
            executing = published;
            try {
                throwIfCancelled();
                return execution.run();
            } finally {
                cancelLock.lock();
                try {
                    executing = null;
                } finally {
                    cancelLock.unlock();
                }
            }
        }

        /** Sets the flag, then starts the canceller of the execution in flight, if any. Never blocks. */
        private void requestCancel() {
            cancelRequested = true;
            Published published = executing;
            if (published != null) {
                executor.execute(() -> cancelWhileRunning(published));
            }
        }

        private void cancelWhileRunning(Published published) {
            long pause = 2;
            for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
                cancelLock.lock();
                try {
                    if (executing != published || !published.canceller.sendCancel()) {
                        return;
                    }
                } catch (Exception e) {
                    return; // closed meanwhile: nothing left to cancel
                } finally {
                    cancelLock.unlock();
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = Math.min(pause * 2, MAX_CANCEL_PAUSE_MILLIS);
            }
        }
    }

    /** One {@link Operation#executing} call's canceller; its identity tells one execution from the next. */
    private static final class Published {

        private final Canceller canceller;

        Published(Canceller canceller) {
            this.canceller = canceller;
        }
    }

    /** The future of one async operation; it runs as a task on the executor. */
    private final class Task<R> extends CompletableFuture<R> implements Runnable {

        private final Function<Operation, R> work;
        private final Operation op = new Operation();

        Task(Function<Operation, R> work) {
            this.work = work;
        }

        @Override
        public void run() {
            if (isDone()) {
                return; // cancelled before it started: never runs
            }
            R result;
            CURRENT.set(op);
            try {
                result = work.apply(op);
            } catch (Throwable t) {
                CURRENT.remove();   // before completing: callbacks run on this thread
                if (!endCancelled()) {
                    completeExceptionally(t);
                }
                return;
            }
            CURRENT.remove();
            if (!endCancelled()) {
                complete(result);
            }
        }

        /** A cancel came while it ran: the stage ends cancelled (not failed with 57014), whatever the work did. */
        private boolean endCancelled() {
            if (!op.cancelRequested) {
                return false;
            }
            super.cancel(false);
            return true;
        }

        /** Requests the operation's cancel (which starts the canceller) BEFORE completing the stage. */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (isDone()) {
                return isCancelled();
            }
            op.requestCancel();
            return super.cancel(mayInterruptIfRunning);
        }
    }
}
