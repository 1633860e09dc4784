package dev.quarry.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * One system the side-by-side benchmark measures: the same six workloads, written the way a careful user of that
 * system writes them. Every method may be called by 64 threads at once; each returns what it read or wrote so that
 * {@link Workload} can check it (nothing is optimized away, a wrong answer stops the run).
 *
 * <p>Adding a system is one class implementing this, and one line in {@link Contenders}. Quarry on another
 * transport needs no class at all: {@link QuarryContender} takes any {@code Quarry} (see
 * {@link Contenders#quarry}).
 */
interface Contender extends AutoCloseable {

    /** The name in the tables and the chart. */
    String name();

    /** What it runs on, with versions ("jOOQ 3.21.9 on pgjdbc 42.7.14, HikariCP 7.1.0"). */
    String version();

    /** {@code SELECT ... FROM bench_item WHERE id = ?}, mapped to an {@link Item}. */
    Item get(long id) throws Exception;

    /** {@code ... WHERE id > ? ORDER BY id LIMIT size}, mapped. */
    List<Item> page(long afterId, int size) throws Exception;

    /** Inserts the events into {@code bench_event} all or nothing, and returns their generated ids in order. */
    List<Long> bulkInsert(List<Event> events) throws Exception;

    /**
     * One transaction: reads each of {@code ids} by pk, then runs {@code UPDATE bench_item SET views = views + 1
     * WHERE id = ?} for each ({@code ids} ascend, so concurrent transactions never deadlock). Returns the rows read
     * plus the rows updated.
     */
    int readsAndUpdates(long[] ids) throws Exception;

    /** Streams {@code WHERE id <= maxId ORDER BY id} (fetching {@code fetchSize} rows at a time where it can); the row count. */
    long stream(long maxId, int fetchSize) throws Exception;

    /** {@code SELECT status, COUNT(*), SUM(views) FROM bench_item GROUP BY status}: status to its row count. */
    Map<String, Long> countByStatus() throws Exception;

    @Override
    void close() throws Exception;
}
