package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.testkit.LogCapture;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
class AbandonedIteratorTest extends TckBase {

    private LogCapture log;
    private volatile boolean collecting;
    private Thread collector;

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class);
    }

    @Override
    protected int poolSize() {
        return 2;
    }

    @BeforeEach
    void rowsAndCapture() {
        log = LogCapture.of("dev.quarry");
        for (int i = 0; i < 10; i++) {
            db.objects(SimpleModel.class).create(new SimpleModel(i));
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        log.close();
        collecting = false;
        if (collector != null) {
            collector.join();
        }
    }

    @Test
    void aStreamReadToItsEndGivesItsConnectionBackUnclosed() {
        Manager<SimpleModel> simple = db.objects(SimpleModel.class);
        for (int i = 0; i < 6; i++) {   // three times the pool, never closed
            assertEquals(10, simple.iterator(3).mapToInt(SimpleModel::getField).count());
        }
        assertEquals(10, simple.count());
    }

    @Test
    void abandonedStreamsAreReclaimedWithAWarningNamingWhereTheyWereOpened() {
        collecting = true;
        collector = Thread.ofPlatform().daemon().start(() -> {
            while (collecting) {
                System.gc();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Manager<SimpleModel> simple = db.objects(SimpleModel.class);
        for (int i = 0; i < 10; i++) {   // five times the pool: each would hold a connection for ever
            Optional<SimpleModel> first = openAndAbandon(simple);
            assertTrue(first.isPresent());
        }
        assertEquals(10, simple.count());
        List<LogRecord> warnings = log.records().stream().filter(r -> r.getLevel() == Level.WARNING
                && r.getMessage().contains("abandoned")).toList();
        assertTrue(warnings.size() >= 8, "one warning per reclaimed stream, got " + warnings.size());
        StringWriter trace = new StringWriter();
        warnings.getFirst().getThrown().printStackTrace(new PrintWriter(trace));
        assertTrue(trace.toString().contains("openAndAbandon"), "the warning names where the stream was opened:\n" + trace);
    }

    private Optional<SimpleModel> openAndAbandon(Manager<SimpleModel> simple) {
        return simple.orderBy("field").iterator(2).findFirst();
    }
}
