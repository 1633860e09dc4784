package dev.quarry.benchmarks;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A JFR recording of the run that keeps every {@code jdk.VirtualThreadPinned} event (threshold zero, where JFR's
 * default keeps only pins of 20 ms and more), to count how often a virtual thread could not unmount.
 */
final class Pinning implements AutoCloseable {

    private final Recording recording;
    private final Path file;
    private long count = -1;
    private final Map<String, Integer> where = new TreeMap<>();

    private Pinning(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static Pinning start() throws IOException {
        Recording recording = new Recording();
        recording.setName("bench-pinning");
        recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
        Path file = Files.createTempFile("bench-pinning", ".jfr");
        recording.setDestination(file);
        recording.start();
        return new Pinning(recording, file);
    }

    /** Stops the recording and counts its pinning events (once); the top frames are in {@link #where()}. */
    long count() throws IOException {
        if (count < 0) {
            recording.stop();
            count = 0;
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (event.getEventType().getName().equals("jdk.VirtualThreadPinned")) {
                    count++;
                    String frame = "?";
                    if (event.getStackTrace() != null) {
                        for (RecordedFrame f : event.getStackTrace().getFrames()) {
                            String type = f.getMethod().getType().getName();
                            if (!type.startsWith("java.") && !type.startsWith("jdk.")) {
                                frame = type + "." + f.getMethod().getName();
                                break;
                            }
                        }
                    }
                    where.merge(frame, 1, Integer::sum);
                }
            }
        }
        return count;
    }

    /** The first non-JDK frame of each pinning event, with how many pinned there. */
    Map<String, Integer> where() {
        return where;
    }

    @Override
    public void close() throws IOException {
        if (count < 0) {
            recording.stop();
        }
        recording.close();
        Files.deleteIfExists(file);
    }
}
