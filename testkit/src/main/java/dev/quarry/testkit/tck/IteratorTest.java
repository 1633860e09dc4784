package dev.quarry.testkit.tck;

import dev.quarry.DatabaseException;
import dev.quarry.Manager;
import dev.quarry.testkit.RecordingSubscriber;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** iterator() streams (closed, chunked) and aiterator() publishers (back-pressure, cancel, chunk size). */
class IteratorTest extends TckBase {

    private static final int ROWS = 30;
    private static final String COUNTING_SQL =
            "SELECT id, field, created, nextval('tck_rows_read') AS n FROM simple_model";

    private Manager<SimpleModel> simple;

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class);
    }

    @Override
    protected int poolSize() {
        return 2; // a connection an iterator fails to release shows up at once
    }

    @BeforeEach
    void createRows() throws Exception {
        simple = db.objects(SimpleModel.class);
        simple.bulkCreate(IntStream.range(0, ROWS).mapToObj(SimpleModel::new).collect(java.util.stream.Collectors.toList()));
        sql("DROP SEQUENCE IF EXISTS tck_rows_read");
        sql("CREATE SEQUENCE tck_rows_read");
    }

    /** How many rows the server has produced for {@link #COUNTING_SQL}. */
    private long rowsReadByServer() throws Exception {
        Object called = sqlValue("SELECT is_called FROM tck_rows_read");
        return Boolean.TRUE.equals(called) ? ((Number) sqlValue("SELECT last_value FROM tck_rows_read")).longValue() : 0;
    }

    private static List<Integer> fields(List<SimpleModel> rows) {
        return rows.stream().map(SimpleModel::getField).toList();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    // ---------------------------------------------------------------- iterator

    @Test
    void iteratorStreamsEveryRowInOrder() {
        try (Stream<SimpleModel> rows = simple.orderBy("field").iterator(7)) {
            assertEquals(range(0, ROWS), fields(rows.toList()));
        }
        try (Stream<SimpleModel> rows = simple.filter("field__gte", 25).orderBy("-field").iterator()) {
            assertEquals(List.of(29, 28, 27, 26, 25), fields(rows.toList()));
        }
    }

    @Test
    void iteratorRejectsANonPositiveChunkSize() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> simple.iterator(0));
        assertEquals("Chunk size must be strictly positive.", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> simple.iterator(-1));
    }

    @Test
    void closingAPartlyReadIteratorReleasesItsConnection() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 5; i++) {
                try (Stream<SimpleModel> rows = simple.orderBy("field").iterator(3)) {
                    Iterator<SimpleModel> it = rows.iterator();
                    assertEquals(0, it.next().getField());
                    assertEquals(1, it.next().getField());
                }
            }
            assertEquals(ROWS, simple.count(), "the pool of 2 still serves queries after 5 closed iterators");
        });
    }

    @Test
    void iteratorFetchesChunksNotTheWholeResult() throws Exception {
        assumeFeature(f -> f.serverSideCursors(), "server-side cursors");
        try (Stream<SimpleModel> rows = db.raw(SimpleModel.class, COUNTING_SQL).iterator(4)) {
            rows.iterator().next();
            long read = rowsReadByServer();
            assertTrue(read >= 1 && read <= 8, "after one row of chunks of 4, the server produced " + read + " of " + ROWS);
        }
    }

    @Test
    void iteratorComposesWithStreamOperations() {
        try (Stream<SimpleModel> rows = simple.orderBy("field").iterator(5)) {
            assertEquals(List.of(0, 2, 4), rows.map(SimpleModel::getField).filter(f -> f % 2 == 0).limit(3).toList());
        }
        assertEquals(ROWS, simple.count());
    }

    // ---------------------------------------------------------------- aiterator

    @Test
    void aiteratorRejectsANonPositiveChunkSizeAtCallTime() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> simple.aiterator(0));
        assertEquals("Chunk size must be strictly positive.", zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> simple.aiterator(-1));
        assertEquals("Chunk size must be strictly positive.", negative.getMessage());
    }

    @Test
    void aiteratorPublishesEveryRowInOrder() {
        RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
        simple.orderBy("field").aiterator(4).subscribe(s);
        assertEquals(range(0, ROWS), fields(s.requestAllAndAwait()));
        assertTrue(s.completed());
        assertEquals(1, s.onSubscribeCalls());
    }

    @Test
    void aiteratorDeliversExactlyWhatIsRequested() throws Exception {
        RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
        simple.orderBy("field").aiterator(4).subscribe(s);
        Thread.sleep(200);
        assertEquals(0, s.items().size(), "nothing arrives before a request");
        s.request(1);
        assertEquals(List.of(0), fields(s.awaitItems(1)));
        Thread.sleep(200);
        assertEquals(1, s.items().size(), "one requested, one delivered");
        s.request(1);
        s.awaitItems(2);
        s.request(3);
        s.awaitItems(5);
        Thread.sleep(200);
        assertEquals(range(0, 5), fields(s.items()), "five requested in all, five delivered");
        assertTrue(!s.completed() && s.error() == null);
        s.request(Long.MAX_VALUE);
        assertTrue(s.awaitTermination(30_000));
        assertEquals(range(0, ROWS), fields(s.items()));
        assertTrue(s.completed());
    }

    @Test
    void cancellingTheSubscriptionStopsDeliveryAndFreesTheConnection() throws Exception {
        RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
        simple.orderBy("field").aiterator(4).subscribe(s);
        s.request(2);
        s.awaitItems(2);
        s.cancel();
        s.request(10); // no-op after cancel (Reactive Streams 3.6)
        Thread.sleep(300);
        assertEquals(List.of(0, 1), fields(s.items()));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 3; i++) {
                RecordingSubscriber<SimpleModel> again = new RecordingSubscriber<>();
                simple.orderBy("field").aiterator(4).subscribe(again);
                again.request(1);
                again.awaitItems(1);
                again.cancel();
            }
            assertEquals(ROWS, simple.count(), "the pool of 2 still serves queries after cancelled publishers");
        });
    }

    @Test
    void aiteratorFetchesOnlyTheChunksThatWereRequested() throws Exception {
        assumeFeature(f -> f.serverSideCursors(), "server-side cursors");
        RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
        db.raw(SimpleModel.class, COUNTING_SQL).aiterator(4).subscribe(s);
        s.request(1);
        s.awaitItems(1);
        Thread.sleep(200);
        long read = rowsReadByServer();
        assertTrue(read >= 1 && read <= 8, "after 1 row requested in chunks of 4, the server produced " + read);
        s.cancel();
    }

    @Test
    void aiteratorOfNothingCompletesWithoutItems() {
        RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
        simple.filter("field", -1).aiterator(3).subscribe(s);
        assertEquals(List.of(), s.requestAllAndAwait());
        RecordingSubscriber<SimpleModel> none = new RecordingSubscriber<>();
        simple.none().aiterator(3).subscribe(none);
        assertEquals(List.of(), none.requestAllAndAwait());
    }

    @Test
    void aNonPositiveRequestSignalsIllegalArgument() {
        RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
        simple.aiterator(3).subscribe(s);
        s.request(0);
        assertTrue(s.awaitTermination(10_000), "request(0) must end the subscription with onError (Reactive Streams 3.9)");
        assertInstanceOf(IllegalArgumentException.class, s.error());
    }

    @Test
    void aFailingQuerySignalsOnError() {
        RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
        db.raw(SimpleModel.class, "SELECT no_such_column FROM simple_model").aiterator(3).subscribe(s);
        s.request(1);
        assertTrue(s.awaitTermination(10_000));
        DatabaseException e = assertInstanceOf(DatabaseException.class, s.error());
        assertEquals("42703", e.sqlState());
        assertEquals(ROWS, simple.count());
    }

    @Test
    void aSecondSubscriberIsServedOrToldWhyNot() {
        Flow.Publisher<SimpleModel> publisher = simple.filter("field__lt", 3).orderBy("field").aiterator(2);
        RecordingSubscriber<SimpleModel> one = new RecordingSubscriber<>();
        publisher.subscribe(one);
        assertEquals(List.of(0, 1, 2), fields(one.requestAllAndAwait()));
        RecordingSubscriber<SimpleModel> two = new RecordingSubscriber<>();
        publisher.subscribe(two);
        two.request(Long.MAX_VALUE);
        assertTrue(two.awaitTermination(10_000), "a second subscriber is neither left hanging nor ignored");
        if (two.error() == null) {
            assertEquals(List.of(0, 1, 2), fields(two.items()));
        }
    }
}
