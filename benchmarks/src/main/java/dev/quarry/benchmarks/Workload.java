package dev.quarry.benchmarks;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The six workloads, each one call on a {@link Contender} and a check of what it returned. A call is given the
 * index of its caller (0 to 63) and a per-caller counter, which choose its arguments: the transaction workload
 * touches only its caller's own slice of rows, so 64 concurrent transactions never wait for each other's locks.
 */
enum Workload {
    GET("get by pk") {
        @Override
        void call(Contender c, int caller, long n) throws Exception {
            long id = pk(caller, n);
            check(c.get(id).getId() == id, c, "the row asked for");
        }
    },
    FILTER("filter, 100 rows") {
        @Override
        void call(Contender c, int caller, long n) throws Exception {
            long after = (caller * 977L + n * 131L) % (SideBySide.SEED_ROWS - PAGE);
            List<Item> page = c.page(after, PAGE);
            check(page.size() == PAGE && page.get(0).getId() == after + 1, c, "100 rows from id " + (after + 1));
        }
    },
    BULK("bulk insert 1,000") {
        @Override
        void call(Contender c, int caller, long n) throws Exception {
            List<Event> events = events(caller, n);
            List<Long> ids = c.bulkInsert(events);
            check(ids.size() == BULK_ROWS && ids.stream().allMatch(id -> id != null && id > 0), c, "1,000 generated ids");
        }
    },
    TX("20 reads + 20 updates in a tx") {
        @Override
        void call(Contender c, int caller, long n) throws Exception {
            long[] ids = new long[TX_ROWS];
            long slice = SideBySide.SEED_ROWS / SideBySide.CALLERS;
            for (int k = 0; k < TX_ROWS; k++) {
                ids[k] = 1 + caller * slice + (n * 7 + k * 3) % slice;
            }
            Arrays.sort(ids);
            ids = Arrays.stream(ids).distinct().toArray();
            check(c.readsAndUpdates(ids) == 2 * ids.length, c, "each row read and updated");
        }
    },
    STREAM("stream 10,000 rows") {
        @Override
        void call(Contender c, int caller, long n) throws Exception {
            check(c.stream(SideBySide.SEED_ROWS, FETCH) == SideBySide.SEED_ROWS, c, "10,000 rows");
        }
    },
    AGGREGATE("aggregate, group by") {
        @Override
        void call(Contender c, int caller, long n) throws Exception {
            Map<String, Long> counts = c.countByStatus();
            check(counts.size() == 2 && counts.get("open") == SideBySide.SEED_ROWS * 3 / 4
                    && counts.get("closed") == SideBySide.SEED_ROWS / 4, c, "7,500 open and 2,500 closed");
        }
    };

    static final int PAGE = 100;
    static final int BULK_ROWS = 1_000;
    static final int TX_ROWS = 20;
    static final int FETCH = 2_000;

    private final String title;

    Workload(String title) {
        this.title = title;
    }

    /** The name in the tables and the chart. */
    String title() {
        return title;
    }

    /** One call, checked. */
    abstract void call(Contender c, int caller, long n) throws Exception;

    /** A pk of the seeded rows, spread over the table. */
    static long pk(int caller, long n) {
        return 1 + (caller * 6_113L + n * 7_919L) % SideBySide.SEED_ROWS;
    }

    static List<Event> events(int caller, long n) {
        List<Event> list = new ArrayList<>(BULK_ROWS);
        LocalDateTime t0 = LocalDateTime.of(2025, 6, 1, 12, 0);
        for (int k = 0; k < BULK_ROWS; k++) {
            long i = n * BULK_ROWS + k;
            list.add(new Event("event " + caller + "/" + i, "new", (int) (i % 100), i / 3.0, t0.plusSeconds(i)));
        }
        return list;
    }

    private static void check(boolean ok, Contender c, String expected) {
        if (!ok) {
            throw new IllegalStateException(c.name() + " returned a wrong result; expected " + expected);
        }
    }
}
