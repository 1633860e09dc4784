package dev.quarry.internal;

import dev.quarry.internal.exec.Futures;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Reactive-Streams-conformant subscription over a cursor: rows are fetched a chunk at a time, only when the
 * subscriber has asked for more rows than are buffered, and delivered serially (one drain loop at a time).
 * <ul>
 *   <li>§2.13: a subscriber method that throws is treated as a cancellation: the cursor is closed and its
 *       connection given back, and the exception is logged ({@code System.Logger} {@code dev.quarry}, WARNING),
 *       never lost;</li>
 *   <li>§3.9: {@code request(n <= 0)} signals {@code onError(IllegalArgumentException)};</li>
 *   <li>§3.16: {@code request} and {@code cancel} never throw;</li>
 *   <li>§1.7: nothing is signalled after {@code onComplete}/{@code onError}, nor after {@code cancel()}.</li>
 * </ul>
 *
 * @param <T> the row type
 */
final class CursorSubscription<T> implements Flow.Subscription {

    private static final System.Logger LOG = System.getLogger("dev.quarry");

    private final Flow.Subscriber<? super T> subscriber;
    private final Cursors<T>.Cursor cursor;
    private final int chunkSize;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final Queue<T> buffer = new ConcurrentLinkedQueue<>();
    private volatile boolean cancelled;
    private volatile boolean fetching;
    private volatile boolean exhausted;
    private volatile Throwable error;
    /** Only the drain loop reads and writes it. */
    private boolean finished;

    CursorSubscription(Flow.Subscriber<? super T> subscriber, Cursors<T>.Cursor cursor, int chunkSize) {
        this.subscriber = subscriber;
        this.cursor = cursor;
        this.chunkSize = chunkSize;
        this.exhausted = cursor == null;
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            if (error == null) {
                error = new IllegalArgumentException("Reactive Streams rule 3.9: request(n) must be positive, got " + n + ".");
            }
        } else {
            demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
        }
        drain();
    }

    @Override
    public void cancel() {
        cancelled = true;
        drain();
    }

    /** A subscriber method threw (rule 2.13): log it and cancel, which closes the cursor. */
    void subscriberFailed(String method, Throwable t) {
        LOG.log(System.Logger.Level.WARNING, "A Flow.Subscriber of aiterator() threw from " + method
                + " (Reactive Streams rule 2.13): the subscription is cancelled, its cursor closed", t);
        cancel();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!finished) {
                try {
                    step();
                } catch (Throwable t) {   // never out of request() (rule 3.16); never a stuck drain loop
                    if (!finished) {
                        finish(t, true);
                    }
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void step() {
        if (cancelled) {
            finish(null, false);
            return;
        }
        while (demand.get() > 0 && !buffer.isEmpty() && !cancelled) {
            T next = buffer.poll();
            demand.decrementAndGet();
            try {
                subscriber.onNext(next);
            } catch (Throwable t) {
                cancelled = true;
                LOG.log(System.Logger.Level.WARNING, "A Flow.Subscriber of aiterator() threw from onNext (Reactive "
                        + "Streams rule 2.13): the subscription is cancelled, its cursor closed", t);
            }
        }
        if (cancelled) {
            finish(null, false);
            return;
        }
        if (error != null) {
            finish(error, true);
            return;
        }
        if (buffer.isEmpty() && exhausted) {
            finish(null, true);
            return;
        }
        if (buffer.isEmpty() && demand.get() > 0 && !fetching) {
            fetching = true;
            CompletableFuture<List<T>> page = cursor.session == null
                    ? Futures.guard(() -> cursor.open(true)).thenCompose(v -> cursor.next(true)) : cursor.next(true);
            page.whenComplete(this::received);
        }
    }

    private void received(List<T> rows, Throwable failure) {
        if (failure != null) {
            error = Futures.unwrap(failure);
        } else {
            buffer.addAll(rows);
            if (rows.size() < chunkSize) {
                exhausted = true;
            }
        }
        fetching = false;
        drain();
    }

    private void finish(Throwable failure, boolean signal) {
        finished = true;
        buffer.clear();
        CompletableFuture<Void> closing = cursor == null ? CompletableFuture.completedFuture(null)
                : Futures.guard(() -> cursor.close(true, failure != null));
        if (!signal) {
            return;
        }
        closing.whenComplete((v, e) -> {
            try {
                if (failure != null) {
                    subscriber.onError(failure);
                } else {
                    subscriber.onComplete();
                }
            } catch (Throwable t) {
                LOG.log(System.Logger.Level.WARNING, "A Flow.Subscriber of aiterator() threw from "
                        + (failure != null ? "onError" : "onComplete") + " (Reactive Streams rule 2.13)", t);
            }
        });
    }
}
