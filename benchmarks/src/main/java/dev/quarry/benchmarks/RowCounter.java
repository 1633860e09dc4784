package dev.quarry.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** Counts the rows of an {@code aiterator}, requesting one chunk at a time. */
final class RowCounter<T> implements Flow.Subscriber<T> {

    /** Completes with the row count, or fails with the publisher's error. */
    final CompletableFuture<Long> done = new CompletableFuture<>();
    private final int chunk;
    private Flow.Subscription subscription;
    private long received;
    private int pending;

    RowCounter(int chunk) {
        this.chunk = chunk;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        pending = chunk;
        s.request(chunk);
    }

    @Override
    public void onNext(T item) {
        received++;
        if (--pending == 0) {
            pending = chunk;
            subscription.request(chunk);
        }
    }

    @Override
    public void onError(Throwable t) {
        done.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        done.complete(received);
    }
}
