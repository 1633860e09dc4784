package dev.quarry.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what Quarry logs through {@code System.Logger} (the JDK's default backend, java.util.logging) while it
 * is open, for tests that check a warning was given.
 * {@snippet :
 * try (LogCapture log = LogCapture.of("dev.quarry")) {
 *     // ... provoke the warning ...
 *     assertTrue(log.records().stream().anyMatch(r -> r.getMessage().contains("abandoned")));
 * }
 * }
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    /** Starts recording what the logger {@code name} (and its children) logs. */
    public static LogCapture of(String name) {
        return new LogCapture(Logger.getLogger(name));
    }

    /** What was logged so far. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    /** Stops recording. */
    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
