package dev.quarry.internal;

import dev.quarry.internal.exec.Futures;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Reactive-Streams-conformant subscription over a cursor: rows are fetched a chunk at a time, only when the
 * subscriber has asked for more rows than are buffered, and delivered serially (one drain loop at a time).
 *
 * @param <T> the row type
 */
final class CursorSubscription<T> implements Flow.Subscription {

    private final Flow.Subscriber<? super T> subscriber;
    private final Cursors<T>.Cursor cursor;
    private final int chunkSize;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final ArrayDeque<T> buffer = new ArrayDeque<>();
    private volatile boolean cancelled;
    private volatile boolean fetching;
    private volatile boolean exhausted;
    private volatile Throwable error;
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
            error = new IllegalArgumentException("Reactive Streams rule 3.9: request(n) must be positive, got " + n + ".");
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

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!finished) {
                step();
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
            T next;
            synchronized (buffer) {
                next = buffer.poll();
            }
            demand.decrementAndGet();
            subscriber.onNext(next);
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
            var page = cursor.session == null ? cursor.open(true).thenCompose(v -> cursor.next(true)) : cursor.next(true);
            page.whenComplete(this::received);
        }
    }

    private void received(List<T> rows, Throwable failure) {
        if (failure != null) {
            error = Futures.unwrap(failure);
        } else {
            synchronized (buffer) {
                buffer.addAll(rows);
            }
            if (rows.size() < chunkSize) {
                exhausted = true;
            }
        }
        fetching = false;
        drain();
    }

    private void finish(Throwable failure, boolean signal) {
        finished = true;
        var closing = cursor == null ? java.util.concurrent.CompletableFuture.completedFuture((Void) null)
                : cursor.close(true, failure != null);
        if (!signal) {
            return;
        }
        closing.whenComplete((v, e) -> {
            if (failure != null) {
                subscriber.onError(failure);
            } else {
                subscriber.onComplete();
            }
        });
    }
}
