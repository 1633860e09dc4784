package dev.quarry.internal;

import java.lang.ref.Cleaner;
import java.util.function.BooleanSupplier;

/**
 * Reclaims the cursors of {@code iterator()} streams that were abandoned without being closed or exhausted (a
 * {@code findFirst()} outside a try-with-resources): once such a stream is unreachable, its cursor is closed, its
 * transaction rolled back and its connection given back to the pool, and a warning names where the stream was
 * opened, as HikariCP's leak detection does. Without this, each such stream would hold a pooled connection
 * "idle in transaction" for ever.
 */
final class CursorLeaks {

    private static final System.Logger LOG = System.getLogger("dev.quarry");
    private static final Cleaner CLEANER = Cleaner.create(Thread.ofPlatform().daemon().name("quarry-cursor-reclaimer").factory());

    private CursorLeaks() {
    }

    /** The registration of one stream; {@link #closed()} when the stream is closed normally. */
    interface Watch {

        /** The stream was closed: nothing to reclaim any more. */
        void closed();
    }

    /**
     * Watches {@code owner} (the stream): once it is unreachable while {@code holds} is still true, runs
     * {@code reclaim} and logs a warning with the stack trace of this call. Neither {@code holds} nor
     * {@code reclaim} may reference {@code owner}.
     */
    static Watch watch(Object owner, BooleanSupplier holds, Runnable reclaim) {
        Throwable openedAt = new Throwable("The stream was opened here");
        Cleaner.Cleanable cleanable = CLEANER.register(owner, new Reclaim(holds, reclaim, openedAt));
        return cleanable::clean;
    }

    /** The cleaning action: holds no reference to the stream. */
    private record Reclaim(BooleanSupplier holds, Runnable reclaim, Throwable openedAt) implements Runnable {

        @Override
        public void run() {
            if (!holds.getAsBoolean()) {
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "An iterator() stream was abandoned without being closed or "
                    + "read to its end; its cursor is closed and its connection given back to the pool now. Close "
                    + "the stream (try-with-resources) when you stop reading it early.", openedAt);
            try {
                reclaim.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Reclaiming an abandoned iterator() stream failed", e);
            }
        }
    }
}
