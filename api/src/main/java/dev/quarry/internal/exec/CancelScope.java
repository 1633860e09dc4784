package dev.quarry.internal.exec;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Links the future a user holds to the statement running for it: cancelling the user's future cancels the
 * provider's current stage (which cancels the statement on the server) and stops later steps from starting.
 */
public class CancelScope {

    /** A scope that is never cancelled (sync twins). */
    public static final CancelScope NONE = new CancelScope();

    private volatile boolean cancelled;
    private volatile CompletableFuture<?> current;
    private volatile Runnable onCancel;
    private volatile Runnable blockingCanceller;
    private final CancelScope also;

    private CancelScope() {
        this(null);
    }

    private CancelScope(CancelScope also) {
        this.also = also;
    }

    /** A scope for one connection's statements: it is never cancelled, only its current statement is. */
    public static CancelScope tracker() {
        return new CancelScope();
    }

    /** This scope, whose statements {@code tracker} also tracks (so both can cancel them). */
    public CancelScope alsoTrackedBy(CancelScope tracker) {
        CancelScope primary = this;
        return new CancelScope(tracker) {
            @Override
            public void track(CompletableFuture<?> stage) {
                primary.track(stage);
                tracker.track(stage);
            }

            @Override
            public void check() {
                primary.check();
            }
        };
    }

    /** Records the provider stage now running; cancels it at once if the scope already is. */
    public void track(CompletableFuture<?> stage) {
        if (this == NONE) {
            return;
        }
        current = stage;
        if (cancelled) {
            stage.cancel(true);
        }
    }

    /**
     * Records how to cancel the blocking statement running now ({@code null} when none runs): the one-task
     * async path runs blocking operations, which cancel through their connection, not through a stage.
     */
    public void trackBlocking(Runnable canceller) {
        if (this == NONE) {
            return;
        }
        blockingCanceller = canceller;
        if (cancelled && canceller != null) {
            canceller.run();
        }
    }

    /** Cancels the statement running now, without refusing later ones. */
    public void cancelCurrent() {
        CompletableFuture<?> c = current;
        if (c != null) {
            c.cancel(true);
        }
    }

    /** Runs {@code action} when this scope is cancelled. */
    public void onCancel(Runnable action) {
        onCancel = action;
        if (cancelled) {
            action.run();
        }
    }

    /** Fails fast when cancelled, before a new statement starts. */
    public void check() {
        if (cancelled) {
            throw new CancellationException("The operation was cancelled.");
        }
    }

    /** Cancels the running statement and every later step. */
    public void cancel() {
        cancelled = true;
        CompletableFuture<?> c = current;
        if (c != null) {
            c.cancel(true);
        }
        Runnable blocking = blockingCanceller;
        if (blocking != null) {
            blocking.run();
        }
        Runnable action = onCancel;
        if (action != null) {
            action.run();
        }
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * The future handed to the user: cancelling it cancels this scope. {@code body} supplies the work's future,
     * whose outcome completes the user's future.
     */
    public static <R> CompletableFuture<R> start(java.util.function.Function<CancelScope, CompletableFuture<R>> body) {
        CancelScope scope = new CancelScope();
        CompletableFuture<R> user = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean done = super.cancel(mayInterruptIfRunning);
                if (done) {
                    scope.cancel();
                }
                return done;
            }
        };
        Futures.guard(() -> body.apply(scope)).whenComplete((r, e) -> {
            if (e == null) {
                user.complete(r);
            } else {
                user.completeExceptionally(Futures.unwrap(e));
            }
        });
        return user;
    }
}
