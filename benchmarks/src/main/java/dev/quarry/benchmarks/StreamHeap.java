package dev.quarry.benchmarks;

import dev.quarry.Quarry;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Streams 1,000,000 rows with {@code aiterator} and reports the heap it needed: run it with {@code -Xmx64m}
 * (the README's command does), so that finishing at all shows the stream keeps under 64 MiB; it prints the peak
 * heap in use (after GC and before, per pool) as well. The rows are {@link Item}s of a {@code bench_item} table
 * it fills with {@code generate_series} and drops at the end.
 */
public final class StreamHeap {

    static final int ROWS = Integer.getInteger("bench.streamRows", 1_000_000);

    private StreamHeap() {
    }

    /** Fills the table, streams it, prints the result. */
    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : System.getenv("QUARRY_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Set QUARRY_URL (a PostgreSQL JDBC URL) or pass it as the argument.");
        }
        try (Quarry db = Quarry.builder().url(url).poolSize(2).build(); JdbcBaseline jdbc = new JdbcBaseline(url, 1)) {
            db.schema().drop(Item.class);
            db.schema().create(Item.class);
            jdbc.execute("INSERT INTO bench_item (name, status, views, score, created_at) SELECT 'item ' || i,"
                    + " CASE WHEN i % 4 = 0 THEN 'closed' ELSE 'open' END, i % 1000, i / 7.0,"
                    + " timestamp '2025-01-01' + i * interval '1 minute' FROM generate_series(1, " + ROWS + ") i");
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            long start = System.nanoTime();
            RowCounter<Item> counter = new RowCounter<>(2_000);
            db.objects(Item.class).orderBy("id").aiterator(2_000).subscribe(counter);
            long rows = counter.done.join();
            long took = System.nanoTime() - start;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            long max = Runtime.getRuntime().maxMemory();
            System.out.printf(Locale.ROOT, "aiterator(2000) streamed %,d rows in %.1f s with -Xmx %d MiB;"
                            + " peak heap in use (sum of the pools' peaks) %.1f MiB%n", rows, took / 1e9, max >> 20,
                    peak / 1048576.0);
            if (rows != ROWS) {
                throw new IllegalStateException("streamed " + rows + " of " + ROWS + " rows");
            }
            db.schema().drop(Item.class);
        }
    }
}
