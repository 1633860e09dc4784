package dev.quarry.internal.exec;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers to turn futures back into the sync twins' values and exceptions. */
public final class Futures {

    private Futures() {
    }

    /** Waits for {@code future} and returns its value, rethrowing the very exception it failed with. */
    public static <R> R await(CompletableFuture<R> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw rethrow(unwrap(e));
        } catch (CancellationException e) {
            throw e;
        }
    }

    /** Strips CompletionException/ExecutionException wrappers. */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException re) {
            return re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new CompletionException(t);
    }

    /** Runs {@code work}, turning a synchronous throw into a failed future. */
    public static <R> CompletableFuture<R> guard(java.util.function.Supplier<CompletableFuture<R>> work) {
        try {
            return work.get();
        } catch (Throwable t) {
            return CompletableFuture.failedFuture(t);
        }
    }
}
