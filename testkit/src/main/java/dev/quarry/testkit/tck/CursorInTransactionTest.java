package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.testkit.RecordingSubscriber;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A cursor ({@code iterator()}, {@code aiterator()}) opened inside a transaction lives and dies inside it: closing
 * or exhausting it sends {@code CLOSE} only, never {@code COMMIT}, and never gives the transaction's connection
 * back; the transaction goes on afterwards and still rolls back as a whole.
 */
class CursorInTransactionTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class);
    }

    @Override
    protected int poolSize() {
        return 2;
    }

    private Manager<SimpleModel> simple() {
        return db.objects(SimpleModel.class);
    }

    private long countThroughJdbc() throws SQLException {
        return ((Number) sqlValue("SELECT count(*) FROM simple_model")).longValue();
    }

    @Test
    void closingAnIteratorInsideAtomicDoesNotCommitTheTransaction() throws SQLException {
        IllegalStateException boom = new IllegalStateException("roll back");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.atomic(tx -> {
            tx.objects(SimpleModel.class).create(new SimpleModel(1));
            try (Stream<SimpleModel> rows = tx.objects(SimpleModel.class).iterator(100)) {
                assertEquals(1, rows.count());
            }
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals(0, countThroughJdbc(), "the row created before the cursor was rolled back with the block");
    }

    @Test
    void anExhaustedIteratorInsideAtomicLeavesTheTransactionGoingOn() throws SQLException {
        long seen = db.atomic(tx -> {
            Manager<SimpleModel> m = tx.objects(SimpleModel.class);
            m.create(new SimpleModel(1));
            m.create(new SimpleModel(2));
            List<Integer> read = m.orderBy("field").iterator(1).map(SimpleModel::getField).toList(); // never closed
            assertEquals(List.of(1, 2), read);
            m.create(new SimpleModel(3));   // the same transaction, on the same connection
            try {
                return countThroughJdbc();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(0, seen, "nothing was committed while the block ran");
        assertEquals(3, countThroughJdbc());
    }

    @Test
    void twoCursorsInOneTransactionAndWorkBetweenThem() {
        db.atomic(tx -> {
            Manager<SimpleModel> m = tx.objects(SimpleModel.class);
            m.create(new SimpleModel(1));
            try (Stream<SimpleModel> a = m.iterator(10); Stream<SimpleModel> b = m.iterator(10)) {
                assertEquals(1, a.count());
                m.create(new SimpleModel(2));
                assertEquals(2, b.count(), "the second cursor is declared when first read, after the second row");
            }
            return m.count();
        });
        assertEquals(2, simple().count());
    }

    @Test
    void anAiteratorInsideAatomicDoesNotCommitNorCloseTheConnection() throws SQLException {
        IllegalStateException boom = new IllegalStateException("roll back");
        Throwable failure = dev.quarry.testkit.Async.failureOf(() -> db.aatomic(tx -> {
            Manager<SimpleModel> m = tx.objects(SimpleModel.class);
            return m.acreate(new SimpleModel(1)).thenCompose(created -> {
                RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
                m.aiterator(100).subscribe(s);
                return CompletableFuture.supplyAsync(s::requestAllAndAwait);
            }).thenCompose(rows -> {
                assertEquals(1, rows.size());
                return m.acreate(new SimpleModel(2));   // the transaction goes on
            }).thenCompose(created -> m.acount()).thenApply(n -> {
                assertEquals(2L, n);
                throw boom;
            });
        }));
        assertSame(boom, failure);
        assertEquals(0, countThroughJdbc(), "both rows rolled back with the block");
    }

    @Test
    void anAiteratorInsideAatomicCommitsWithTheBlock() throws SQLException {
        long n = await(db.aatomic(tx -> {
            Manager<SimpleModel> m = tx.objects(SimpleModel.class);
            return m.acreate(new SimpleModel(1)).thenCompose(created -> {
                RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
                m.aiterator(1).subscribe(s);
                return CompletableFuture.supplyAsync(s::requestAllAndAwait);
            }).thenCompose(rows -> m.acreate(new SimpleModel(2))).thenCompose(created -> m.acount());
        }));
        assertEquals(2, n);
        assertEquals(2, countThroughJdbc());
    }

    @Test
    void aCursorOutsideATransactionStillGivesItsConnectionBack() {
        for (int i = 0; i < 5; i++) {   // a pool of 2
            simple().create(new SimpleModel(i));
            try (Stream<SimpleModel> rows = simple().iterator(2)) {
                assertEquals(i + 1, rows.count());
            }
        }
        assertEquals(5, simple().count());
    }
}
