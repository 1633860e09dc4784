package dev.quarry.benchmarks;

import dev.quarry.BulkOptions;
import dev.quarry.F;
import dev.quarry.Manager;
import dev.quarry.Quarry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Hand-written JDBC versus Quarry sync and Quarry async, side by side in one run.
 *
 * <p>Every round runs every operation on the three systems one after the other, in an order that rotates from
 * round to round, so that drift of a noisy machine (JIT, GC, autovacuum, a neighbour) hits all three alike.
 * Each operation is timed on its own; the report gives the median per system and the ratio to JDBC. Everything
 * runs on one virtual thread, as a request handler would: the sync twins and JDBC block it, the async twins
 * are {@code join()}ed on it.
 *
 * <p>Settings (system properties): {@code bench.rounds} (default 8), {@code bench.warmup} (default 3 rounds
 * thrown away), {@code bench.pool} (default 8 connections for each system). The database is {@code QUARRY_URL}
 * (or the first argument), else an embedded PostgreSQL.
 */
public final class Benchmarks {

    static final int SEED_ROWS = 10_000;
    static final int PAGE = 100;
    static final int BULK = 1_000;
    static final int CHUNK = 2_000;
    static final int WRITERS = 1_000;
    static final int POSTS_PER_WRITER = 10;
    static final int WRITER_PAGE = 20;
    static final String[] SYSTEMS = {"JDBC", "Quarry sync", "Quarry async"};

    private Benchmarks() {
    }

    /** One timed operation of one system; {@code i} varies the arguments from call to call. */
    @FunctionalInterface
    interface Op {
        void run(int i) throws Exception;
    }

    /** An operation on the three systems, and how many times each runs it per round. */
    record Case(String name, int perRound, Op jdbc, Op sync, Op async) {
        Op of(int system) {
            return switch (system) {
                case 0 -> jdbc;
                case 1 -> sync;
                default -> async;
            };
        }
    }

    /**
     * Runs the benchmark and prints the table.
     *
     * @param args optionally a JDBC URL (else {@code QUARRY_URL}, else an embedded PostgreSQL)
     */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 8);
        int warmup = Integer.getInteger("bench.warmup", 3);
        int poolSize = Integer.getInteger("bench.pool", 8);
        String url = args.length > 0 ? args[0] : System.getenv("QUARRY_URL");
        EmbeddedPostgres embedded = null;
        if (url == null || url.isBlank()) {
            System.out.println("QUARRY_URL is not set: starting an embedded PostgreSQL");
            embedded = EmbeddedPostgres.start();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        try (Quarry db = Quarry.builder().url(url).poolSize(poolSize).build();
             JdbcBaseline jdbc = new JdbcBaseline(url, poolSize)) {
            String target = url;
            Throwable[] failure = new Throwable[1];
            Thread runner = Thread.ofVirtual().name("bench").start(() -> {
                try {
                    run(db, jdbc, target, rounds, warmup, poolSize);
                } catch (Throwable t) {
                    failure[0] = t;
                }
            });
            runner.join();
            if (failure[0] != null) {
                throw new IllegalStateException("The benchmark failed", failure[0]);
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static void run(Quarry db, JdbcBaseline jdbc, String url, int rounds, int warmup, int poolSize)
            throws Exception {
        Manager<Item> items = db.objects(Item.class);
        Manager<Event> events = db.objects(Event.class);
        Manager<Writer> writers = db.objects(Writer.class);
        Manager<Post> posts = db.objects(Post.class);
        db.schema().drop(Item.class, Event.class, Post.class, Writer.class);
        db.schema().create(Item.class, Event.class, Writer.class, Post.class);
        List<Item> seed = new ArrayList<>(SEED_ROWS);
        LocalDateTime t0 = LocalDateTime.of(2025, 1, 1, 0, 0);
        for (int i = 0; i < SEED_ROWS; i++) {
            seed.add(new Item("item " + i, i % 4 == 0 ? "closed" : "open", i % 1000, i / 7.0, t0.plusMinutes(i)));
        }
        items.bulkCreate(seed, BulkOptions.defaults().batchSize(2_000));
        jdbc.execute("CREATE INDEX IF NOT EXISTS bench_item_status_idx ON bench_item (status)");
        jdbc.execute("VACUUM ANALYZE bench_item");
        List<Writer> authors = new ArrayList<>(WRITERS);
        for (int i = 0; i < WRITERS; i++) {
            authors.add(new Writer("writer " + i, "writer" + i + "@example.org"));
        }
        authors = writers.bulkCreate(authors);
        List<Post> seedPosts = new ArrayList<>(WRITERS * POSTS_PER_WRITER);
        for (int i = 0; i < WRITERS * POSTS_PER_WRITER; i++) {
            seedPosts.add(new Post("post " + i, i % 1000, authors.get(i % WRITERS)));
        }
        posts.bulkCreate(seedPosts, BulkOptions.defaults().batchSize(2_000));
        jdbc.execute("VACUUM ANALYZE bench_writer");
        jdbc.execute("VACUUM ANALYZE bench_post");
        long open = jdbc.count("open");

        List<Case> cases = List.of(
                new Case("get by pk", 300,
                        i -> check(jdbc.get(pk(i)).getId() == pk(i)),
                        i -> check(items.get("pk", pk(i)).getId() == pk(i)),
                        i -> check(items.aget("pk", pk(i)).join().getId() == pk(i))),
                new Case("filter + list, 100 rows", 100,
                        i -> check(jdbc.page(after(i), PAGE).size() == PAGE),
                        i -> check(items.filter("id__gt", after(i)).orderBy("id").slice(0, PAGE).list().size() == PAGE),
                        i -> check(items.filter("id__gt", after(i)).orderBy("id").slice(0, PAGE).alist().join().size() == PAGE)),
                new Case("count (filtered)", 200,
                        i -> check(jdbc.count("open") == open),
                        i -> check(items.filter("status", "open").count() == open),
                        i -> check(items.filter("status", "open").acount().join() == open)),
                new Case("create (1 row)", 150,
                        i -> check(jdbc.create(event(i)).getId() != null),
                        i -> check(events.create(event(i)).getId() != null),
                        i -> check(events.acreate(event(i)).join().getId() != null)),
                new Case("bulkCreate 1000 rows", 4,
                        i -> check(jdbc.bulkCreateMultiRow(events(i)).get(BULK - 1).getId() != null),
                        i -> check(events.bulkCreate(events(i)).get(BULK - 1).getId() != null),
                        i -> check(events.abulkCreate(events(i)).join().get(BULK - 1).getId() != null)),
                new Case("bulkCreate vs addBatch", 4,
                        i -> check(jdbc.bulkCreateBatch(events(i)).get(BULK - 1).getId() != null),
                        i -> check(events.bulkCreate(events(i)).get(BULK - 1).getId() != null),
                        i -> check(events.abulkCreate(events(i)).join().get(BULK - 1).getId() != null)),
                new Case("update views = F + 1", 150,
                        i -> check(jdbc.incrementViews(pk(i)) == 1),
                        i -> check(items.filter("pk", pk(i)).update(Map.of("views", F.of("views").plus(1))) == 1),
                        i -> check(items.filter("pk", pk(i)).aupdate(Map.of("views", F.of("views").plus(1))).join() == 1)),
                new Case("selectRelated, 100 rows", 100,
                        i -> check(joined(jdbc.postsWithWriters(after(i), PAGE))),
                        i -> check(joined(posts.selectRelated("writer").filter("id__gt", after(i)).orderBy("id")
                                .slice(0, PAGE).list())),
                        i -> check(joined(posts.selectRelated("writer").filter("id__gt", after(i)).orderBy("id")
                                .slice(0, PAGE).alist().join()))),
                new Case("prefetchRelated, 20+200", 100,
                        i -> check(prefetched(jdbc.writersWithPosts(writerAfter(i), WRITER_PAGE))),
                        i -> check(prefetched(writers.filter("id__gt", writerAfter(i)).orderBy("id").slice(0, WRITER_PAGE)
                                .prefetchRelated("posts").list())),
                        i -> check(prefetched(writers.filter("id__gt", writerAfter(i)).orderBy("id").slice(0, WRITER_PAGE)
                                .prefetchRelated("posts").alist().join()))),
                new Case("stream 10k rows", 3,
                        i -> check(jdbc.stream(SEED_ROWS, CHUNK) == SEED_ROWS),
                        i -> {
                            try (Stream<Item> rows = items.filter("id__lte", SEED_ROWS).orderBy("id").iterator(CHUNK)) {
                                check(rows.mapToLong(Item::getViews).filter(v -> v >= 0).count() == SEED_ROWS);
                            }
                        },
                        i -> {
                            RowCounter<Item> counter = new RowCounter<>(CHUNK);
                            items.filter("id__lte", SEED_ROWS).orderBy("id").aiterator(CHUNK).subscribe(counter);
                            check(counter.done.join() == SEED_ROWS);
                        }));

        long[][][] samples = new long[cases.size()][SYSTEMS.length][];
        int[][] filled = new int[cases.size()][SYSTEMS.length];
        for (int c = 0; c < cases.size(); c++) {
            for (int s = 0; s < SYSTEMS.length; s++) {
                samples[c][s] = new long[cases.get(c).perRound() * rounds];
            }
        }
        System.out.printf("%d warm-up + %d measured rounds; systems alternate within each round%n", warmup, rounds);
        int call = 0;
        for (int round = 0; round < warmup + rounds; round++) {
            boolean measured = round >= warmup;
            long roundStart = System.nanoTime();
            for (int c = 0; c < cases.size(); c++) {
                Case theCase = cases.get(c);
                for (int k = 0; k < SYSTEMS.length; k++) {
                    int s = (k + round + c) % SYSTEMS.length;
                    Op op = theCase.of(s);
                    for (int n = 0; n < theCase.perRound(); n++) {
                        int i = call++;
                        long start = System.nanoTime();
                        op.run(i);
                        long took = System.nanoTime() - start;
                        if (measured) {
                            samples[c][s][filled[c][s]++] = took;
                        }
                    }
                }
            }
            jdbc.execute("TRUNCATE bench_event");
            System.out.printf("  round %d/%d %s in %d ms%n", round + 1, warmup + rounds, measured ? "measured" : "warm-up",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - roundStart));
        }
        report(cases, samples, url, rounds, warmup, poolSize);
        db.schema().drop(Item.class, Event.class, Post.class, Writer.class);
    }

    private static void report(List<Case> cases, long[][][] samples, String url, int rounds, int warmup, int poolSize) {
        System.out.println();
        System.out.printf("JDK %s, %d CPUs, pool %d per system, %d measured rounds (+%d warm-up), %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), poolSize, rounds, warmup,
                url.replaceAll("password=[^&]*", "password=***"));
        System.out.println("median time per operation (µs); ratio = Quarry / JDBC (lower is better, 1.00 = same)");
        System.out.println();
        System.out.printf("| %-24s | %6s | %10s | %11s | %12s | %10s | %11s |%n",
                "operation", "ops", "JDBC", "Quarry sync", "Quarry async", "sync/JDBC", "async/JDBC");
        System.out.printf("|%s|%s:|%s:|%s:|%s:|%s:|%s:|%n", "-".repeat(26), "-".repeat(7), "-".repeat(11),
                "-".repeat(12), "-".repeat(13), "-".repeat(11), "-".repeat(12));
        for (int c = 0; c < cases.size(); c++) {
            double[] median = new double[SYSTEMS.length];
            for (int s = 0; s < SYSTEMS.length; s++) {
                median[s] = median(samples[c][s]) / 1_000.0;
            }
            System.out.printf(Locale.ROOT, "| %-24s | %6d | %10.1f | %11.1f | %12.1f | %9.2fx | %10.2fx |%n",
                    cases.get(c).name(), samples[c][0].length, median[0], median[1], median[2],
                    median[1] / median[0], median[2] / median[0]);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static long pk(int i) {
        return 1 + (i * 7_919L) % SEED_ROWS;
    }

    private static long after(int i) {
        return (i * 131L) % (SEED_ROWS - PAGE);
    }

    private static long writerAfter(int i) {
        return (i * 37L) % (WRITERS - WRITER_PAGE);
    }

    /** A page of posts, each with its writer loaded. */
    private static boolean joined(List<Post> page) {
        return page.size() == PAGE && page.stream().allMatch(p -> p.getWriter().getName() != null);
    }

    /** A page of writers, each with its ten posts loaded. */
    private static boolean prefetched(List<Writer> page) {
        return page.size() == WRITER_PAGE && page.stream().allMatch(w -> w.getPosts().size() == POSTS_PER_WRITER);
    }

    private static Event event(int i) {
        return new Event("event " + i, "new", i % 100, i / 3.0, LocalDateTime.of(2025, 6, 1, 12, 0).plusSeconds(i));
    }

    private static List<Event> events(int i) {
        List<Event> list = new ArrayList<>(BULK);
        for (int k = 0; k < BULK; k++) {
            list.add(event(i * BULK + k));
        }
        return list;
    }

    private static void check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("an operation returned a wrong result");
        }
    }
}
