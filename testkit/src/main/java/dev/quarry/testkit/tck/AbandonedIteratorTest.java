package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@code iterator()} stream gives its connection back when it is read to its end, even unclosed; one abandoned
 * half-read (a {@code findFirst()} outside try-with-resources) is reclaimed once unreachable, with a warning naming
 * where it was opened, so that abandoned streams never exhaust the pool.
 */
class AbandonedIteratorTest extends CursorTestBase {

    @Test
    void aStreamReadToItsEndGivesItsConnectionBackUnclosed() {
        Manager<SimpleModel> simple = db.objects(SimpleModel.class);
        for (int i = 0; i < 6; i++) {   // three times the pool, never closed
            assertEquals(10, simple.iterator(3).mapToInt(SimpleModel::getField).count());
        }
        assertEquals(10, simple.count());
    }

    @Test
    void abandonedStreamsAreReclaimedWithAWarningNamingWhereTheyWereOpened() throws InterruptedException {
        Manager<SimpleModel> simple = db.objects(SimpleModel.class);
        for (int round = 0; round < 3; round++) {   // each round: the whole pool held by abandoned streams, then freed
            int before = warnings().size();
            for (int i = 0; i < poolSize(); i++) {
                assertTrue(openAndAbandon(simple).isPresent());
            }
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (warnings().size() < before + poolSize() && System.nanoTime() < deadline) {
                System.gc();
                Thread.sleep(20);
            }
            assertEquals(before + poolSize(), warnings().size(), "one warning per reclaimed stream");
            assertEquals(10, simple.count(), "the reclaimed connections are back in the pool");
        }
        StringWriter trace = new StringWriter();
        warnings().getFirst().getThrown().printStackTrace(new PrintWriter(trace));
        assertTrue(trace.toString().contains("openAndAbandon"), "the warning names where the stream was opened:\n" + trace);
    }

    private List<LogRecord> warnings() {
        return log.records().stream().filter(r -> r.getLevel() == Level.WARNING
                && r.getMessage().contains("abandoned")).toList();
    }

    private Optional<SimpleModel> openAndAbandon(Manager<SimpleModel> simple) {
        return simple.orderBy("field").iterator(2).findFirst();
    }
}
