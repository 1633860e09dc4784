package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.TransactionException;
import dev.quarry.testkit.RecordingSubscriber;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Reactive Streams rules the {@code aiterator()} publisher keeps where a subscriber misbehaves: §2.13 (a
 * subscriber that throws from {@code onNext} is treated as having cancelled: the cursor is closed, its connection
 * given back, and the exception logged, not lost), §3.9 ({@code request(n <= 0)} signals {@code onError}), §3.16
 * ({@code request} never throws).
 */
class CursorPublisherRulesTest extends CursorTestBase {

    /** Requests everything, then throws from its first onNext. */
    private static final class ThrowingSubscriber implements Flow.Subscriber<SimpleModel> {
        final IllegalStateException thrown = new IllegalStateException("onNext fails");
        final CountDownLatch firstItem = new CountDownLatch(1);
        volatile int items;
        volatile boolean terminated;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(SimpleModel item) {
            items++;
            firstItem.countDown();
            throw thrown;
        }

        @Override
        public void onError(Throwable throwable) {
            terminated = true;
        }

        @Override
        public void onComplete() {
            terminated = true;
        }
    }

    @Test
    void aSubscriberThrowingFromOnNextCancelsAndGivesTheConnectionBack() throws Exception {
        Manager<SimpleModel> simple = db.objects(SimpleModel.class);
        for (int i = 0; i < 4; i++) {   // twice the pool
            ThrowingSubscriber s = new ThrowingSubscriber();
            simple.orderBy("field").aiterator(3).subscribe(s);
            assertTrue(s.firstItem.await(30, TimeUnit.SECONDS));
            assertEquals(10, simple.count(), "a connection is free again");   // would wait for ever on a leak
            assertEquals(1, s.items, "no item after the subscriber failed (treated as cancelled)");
            assertTrue(!s.terminated, "no terminal signal after a cancellation (rule 1.7/2.13)");
            int round = i;
            assertEquals(1, timesLogged(s.thrown), () -> "the exception of round " + round + " was logged once: "
                    + log.records());
            assertEquals(0L, sessionsLeftInATransaction(), "the cursor's transaction ended (round " + round + ")");
        }
    }

    /**
     * How often {@code thrown} was logged, waiting up to 10 s for the first time: the drain loop logs it on its own
     * thread right after {@code onNext} threw, which may be after the test's next statement has returned.
     */
    private long timesLogged(Throwable thrown) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long n = log.records().stream().filter(r -> r.getThrown() == thrown).count();
            if (n > 0 || System.nanoTime() > deadline) {
                return n;
            }
            Thread.sleep(5);
        }
    }

    /**
     * How many connections of this test JVM are still idle in a transaction holding a lock on one of its tables,
     * polled until none is or 10 s have passed. Cancelling a Flow subscription is fire-and-forget (rule 3.5), so
     * the cursor's CLOSE and COMMIT may still be on their way when the next statement has returned; only a
     * transaction that never ends is a leak. Sessions of other JVMs (the test database is shared, each JVM with
     * a schema of its own) are not counted: they hold no lock on this schema's tables.
     */
    private long sessionsLeftInATransaction() throws Exception {
        String query = "SELECT count(DISTINCT a.pid) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid "
                + "JOIN pg_class c ON c.oid = l.relation WHERE c.relnamespace = current_schema()::regnamespace "
                + "AND a.state LIKE 'idle in transaction%' AND a.pid <> pg_backend_pid()";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (java.sql.Connection c = database.jdbc(); java.sql.Statement statement = c.createStatement()) {
            while (true) {
                long left;
                try (var rows = statement.executeQuery(query)) {
                    rows.next();
                    left = rows.getLong(1);
                }
                if (left == 0 || System.nanoTime() > deadline) {
                    return left;
                }
                Thread.sleep(5);
            }
        }
    }

    @Test
    void requestZeroOrNegativeSignalsOnErrorAndClosesTheCursor() {
        for (long n : new long[] {0, -1, Long.MIN_VALUE}) {
            RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
            db.objects(SimpleModel.class).aiterator(3).subscribe(s);
            s.request(2);
            s.awaitItems(2);
            s.request(n);
            assertTrue(s.awaitTermination(30_000));
            assertInstanceOf(IllegalArgumentException.class, s.error(), "rule 3.9");
            assertEquals(10, db.objects(SimpleModel.class).count());
        }
    }

    @Test
    void requestNeverThrowsEvenWhenTheCursorCannotOpen() {
        AtomicReference<Manager<SimpleModel>> ofAnEndedTransaction = new AtomicReference<>();
        db.atomic(tx -> {
            ofAnEndedTransaction.set(tx.objects(SimpleModel.class));
            return null;
        });
        RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
        ofAnEndedTransaction.get().aiterator(3).subscribe(s);
        s.request(1);   // returns normally (rule 3.16): the failure is signalled
        assertTrue(s.awaitTermination(30_000));
        assertInstanceOf(TransactionException.class, s.error());
    }

    @Test
    void aSubscriberThrowingFromOnSubscribeIsTreatedAsCancelled() {
        IllegalStateException thrown = new IllegalStateException("onSubscribe fails");
        for (int i = 0; i < 4; i++) {
            db.objects(SimpleModel.class).aiterator(3).subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(5);
                    throw thrown;
                }

                @Override
                public void onNext(SimpleModel item) {
                }

                @Override
                public void onError(Throwable throwable) {
                }

                @Override
                public void onComplete() {
                }
            });
            assertEquals(10, db.objects(SimpleModel.class).count());
        }
        assertTrue(log.records().stream().anyMatch(r -> r.getThrown() == thrown), "the exception was logged");
        assertSame(thrown, log.records().stream().filter(r -> r.getThrown() == thrown).findFirst().orElseThrow().getThrown());
    }
}
