package dev.quarry.testkit;

import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Flow.Subscriber} that requests nothing by itself: the test calls {@link #request(long)} and
 * {@link #cancel()}, and checks what arrived. Thread-safe.
 * {@snippet :
 * RecordingSubscriber<Article> s = new RecordingSubscriber<>();
 * articles.aiterator(2).subscribe(s);
 * s.request(1);
 * s.awaitItems(1);
 * }
 *
 * @param <T> the item type
 */
public final class RecordingSubscriber<T> implements Flow.Subscriber<T> {

    private final List<T> items = new ArrayList<>();
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile Flow.Subscription subscription;
    private volatile Throwable error;
    private volatile boolean completed;
    private volatile int onSubscribeCalls;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        onSubscribeCalls++;
        this.subscription = subscription;
        subscribed.countDown();
    }

    @Override
    public void onNext(T item) {
        synchronized (items) {
            items.add(item);
            items.notifyAll();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        error = throwable;
        terminated.countDown();
    }

    @Override
    public void onComplete() {
        completed = true;
        terminated.countDown();
    }

    /** Requests {@code n} more items (waits for {@code onSubscribe} first). */
    public void request(long n) {
        awaitSubscription().request(n);
    }

    /** Cancels the subscription (waits for {@code onSubscribe} first). */
    public void cancel() {
        awaitSubscription().cancel();
    }

    /** Waits until at least {@code count} items arrived; returns a copy of them. */
    public List<T> awaitItems(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Async.TIMEOUT_SECONDS);
        synchronized (items) {
            while (items.size() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || error != null || completed) {
                    throw new AssertionFailedError("expected " + count + " items, got " + items.size()
                            + (error != null ? ", error " + error : "") + (completed ? ", completed" : ""), error);
                }
                try {
                    items.wait(Math.min(left, 50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionFailedError("interrupted", e);
                }
            }
            return List.copyOf(items);
        }
    }

    /** Waits for {@code onComplete} or {@code onError}; returns whether it came. */
    public boolean awaitTermination(long millis) {
        try {
            return terminated.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Requests everything and waits for the end; returns every item, rethrowing a received error. */
    public List<T> requestAllAndAwait() {
        request(Long.MAX_VALUE);
        if (!awaitTermination(TimeUnit.SECONDS.toMillis(Async.TIMEOUT_SECONDS))) {
            throw new AssertionFailedError("the publisher did not complete; got " + items().size() + " items");
        }
        if (error != null) {
            throw new AssertionFailedError("the publisher failed: " + error, error);
        }
        return items();
    }

    /** The items received so far. */
    public List<T> items() {
        synchronized (items) {
            return List.copyOf(items);
        }
    }

    /** The error received, or {@code null}. */
    public Throwable error() {
        return error;
    }

    /** Whether {@code onComplete} was received. */
    public boolean completed() {
        return completed;
    }

    /** How many times {@code onSubscribe} was called (the spec allows one). */
    public int onSubscribeCalls() {
        return onSubscribeCalls;
    }

    private Flow.Subscription awaitSubscription() {
        try {
            if (!subscribed.await(Async.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionFailedError("onSubscribe was never called");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted", e);
        }
        return subscription;
    }
}
