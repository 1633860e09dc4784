package dev.quarry.provider.vertx;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One operation of a {@link VertxConnection}, as the stage its async twin returns. It starts when the operation
 * before it on the connection has {@linkplain #ended() ended}, and it ends when its statement has ended on the
 * server AND every cancel request sent for it has been answered, so that no cancel request can reach the
 * connection's next statement (or, once the connection is back in the pool, another caller's).
 *
 * <p>A cancel request is answered once the server has processed it ({@link CancelRequests}).
 *
 * <p><b>Cancelling</b> the stage ({@code cancel(true)}):
 * <ul>
 *   <li>before the operation starts: it never runs;</li>
 *   <li>while its statement runs: a cancel request goes to the server (PostgreSQL's CancelRequest, on a connection
 *       of its own), repeated after a growing pause (2 ms to 200 ms, ~7 s in all) while the statement still runs,
 *       since PostgreSQL ignores a request that overtakes its statement; the request is on its way before the
 *       stage completes as cancelled, and the connection's next operation waits for the statement's end.</li>
 * </ul>
 * Nothing here blocks: the pauses are Vert.x timers, the waits are future callbacks.
 *
 * @param <R> the operation's result
 */
final class Operation<R> extends CompletableFuture<R> {

    private static final int CANCEL_ATTEMPTS = 40;
    private static final long MAX_CANCEL_PAUSE_MILLIS = 200;

    private final Vertx vertx;
    private final PgConnection pg;
    private final CancelRequests cancels;
    private final boolean cancellable;
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    // Guarded by this.
    private boolean started;
    private boolean finished;
    private boolean cancelRequested;
    private int cancelsInFlight;

    /** @param cancellable {@code false} for what must run whatever happens: a rollback, a return to the pool */
    Operation(Vertx vertx, PgConnection pg, CancelRequests cancels, boolean cancellable) {
        this.vertx = vertx;
        this.pg = pg;
        this.cancels = cancels;
        this.cancellable = cancellable;
    }

    /** Completes when the statement has ended and no cancel request for it is in flight; never fails. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    /**
     * Starts the statement that {@code statement} sends, unless this stage was cancelled already; {@code refusal}
     * (checked first) fails it without sending anything, e.g. on a closed connection.
     */
    void start(Supplier<RuntimeException> refusal, Supplier<Future<R>> statement) {
        synchronized (this) {
            if (cancelRequested || isDone()) {
                finished = true;
                ended.complete(null);
                return;
            }
            started = true;
        }
        Future<R> running;
        try {
            RuntimeException refused = refusal.get();
            running = refused != null ? Future.failedFuture(refused) : statement.get();
        } catch (RuntimeException e) {
            running = Future.failedFuture(e);
        }
        running.onComplete(this::finish, this::fail);
    }

    private void finish(R result) {
        if (settle()) {
            ended.complete(null);
        }
        complete(result);
    }

    private void fail(Throwable failure) {
        if (settle()) {
            ended.complete(null);
        }
        completeExceptionally(Errors.translate(failure));
    }

    /** Marks the statement ended; whether the operation has ended too (no cancel request in flight). */
    private synchronized boolean settle() {
        finished = true;
        return cancelsInFlight == 0;
    }

    /** Whether the stage was cancelled; the statement may still be running then. */
    synchronized boolean cancelRequested() {
        return cancelRequested;
    }

    /** Sends the statement's cancel request (if it runs) BEFORE completing the stage as cancelled. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean running;
        synchronized (this) {
            if (!cancellable) {
                return false;
            }
            if (isDone()) {
                return isCancelled();
            }
            cancelRequested = true;
            running = started && !finished;
        }
        if (running) {
            sendCancel(0, 2);
        }
        return super.cancel(mayInterruptIfRunning);
    }

    private void sendCancel(int attempt, long pause) {
        synchronized (this) {
            if (finished) {
                return;
            }
            cancelsInFlight++;
        }
        Future<Void> request;
        try {
            request = cancels.send(pg);
        } catch (RuntimeException e) {
            request = Future.failedFuture(e);
        }
        request.onComplete(ar -> {
            boolean done;
            boolean again;
            synchronized (this) {
                cancelsInFlight--;
                done = finished && cancelsInFlight == 0;
                again = !finished && attempt + 1 < CANCEL_ATTEMPTS && ar.succeeded();
            }
            if (done) {
                ended.complete(null);
            } else if (again) {
                vertx.setTimer(pause, id -> sendCancel(attempt + 1, Math.min(pause * 2, MAX_CANCEL_PAUSE_MILLIS)));
            }
        });
    }
}
