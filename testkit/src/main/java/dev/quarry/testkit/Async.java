package dev.quarry.testkit;

import dev.quarry.DatabaseException;
import org.opentest4j.AssertionFailedError;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Assertions on the futures of async twins. */
public final class Async {

    /** How long a TCK test waits for a future before failing. */
    public static final long TIMEOUT_SECONDS = 60;

    private Async() {
    }

    /**
     * The value of {@code future}; its failure is rethrown unwrapped (the very exception the sync twin throws),
     * so {@code assertThrows(X.class, () -> await(qs.aget()))} reads as the sync twin's test.
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw rethrow(unwrap(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted while waiting for a future", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionFailedError("future not completed after " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /**
     * Calls an async twin, which must return a future at once (not throw) and that future must fail; returns the
     * failure with {@link CompletionException}/{@link ExecutionException} peeled off.
     */
    public static Throwable failureOf(Supplier<? extends CompletableFuture<?>> asyncCall) {
        CompletableFuture<?> future;
        try {
            future = asyncCall.get();
        } catch (RuntimeException e) {
            throw new AssertionFailedError("the async twin threw " + e + " at call time instead of returning a "
                    + "future that fails with it", e);
        }
        try {
            Object value = future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionFailedError("the future completed normally with " + value + " instead of failing");
        } catch (ExecutionException e) {
            return unwrap(e);
        } catch (CancellationException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionFailedError("future not completed after " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** Asserts that the async twin's future fails with {@code type}; returns the exception. */
    public static <X extends Throwable> X assertFailsWith(Class<X> type, Supplier<? extends CompletableFuture<?>> asyncCall) {
        Throwable failure = failureOf(asyncCall);
        return assertInstanceOf(type, failure, () -> "expected the future to fail with " + type.getName()
                + " but it failed with " + failure);
    }

    /**
     * The failure of a call that may either throw at once (a misuse detectable at call time) or return a future
     * that fails; wrappers peeled off.
     */
    public static Throwable failureOfCallOrFuture(Supplier<? extends CompletableFuture<?>> asyncCall) {
        CompletableFuture<?> future;
        try {
            future = asyncCall.get();
        } catch (RuntimeException thrownAtCallTime) {
            return thrownAtCallTime;
        }
        return failureOf(() -> future);
    }

    /**
     * Asserts Django's twin rule: the sync call throws {@code type} and the async call's future fails with the
     * same class and message (for a {@link DatabaseException}, whose message carries row data, the same
     * SQLState). Returns the sync twin's exception.
     */
    public static <X extends Throwable> X assertTwinsThrow(Class<X> type, Runnable syncCall,
                                                           Supplier<? extends CompletableFuture<?>> asyncCall) {
        X sync = assertThrows(type, syncCall::run);
        return assertSameFailure(sync, failureOf(asyncCall));
    }

    /**
     * As {@link #assertTwinsThrow}, but the async twin may also throw at call time: for misuse that is known before
     * any statement runs (API.md: bad input throws at once in both twins).
     */
    public static <X extends Throwable> X assertTwinsThrowOrFail(Class<X> type, Runnable syncCall,
                                                                 Supplier<? extends CompletableFuture<?>> asyncCall) {
        X sync = assertThrows(type, syncCall::run);
        return assertSameFailure(sync, failureOfCallOrFuture(asyncCall));
    }

    private static <X extends Throwable> X assertSameFailure(X sync, Throwable async) {
        assertEquals(sync.getClass(), async.getClass(), () -> "the async twin failed with " + async
                + " but the sync twin threw " + sync);
        if (sync instanceof DatabaseException syncDb) {
            assertEquals(syncDb.sqlState(), ((DatabaseException) async).sqlState(), "the twins' SQLStates differ");
        } else {
            assertEquals(sync.getMessage(), async.getMessage(), "the twins' messages differ");
        }
        return sync;
    }

    /** Peels {@link CompletionException} and {@link ExecutionException} wrappers off. */
    public static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new CompletionException(t);
    }
}
