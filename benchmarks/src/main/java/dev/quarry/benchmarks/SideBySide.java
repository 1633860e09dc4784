package dev.quarry.benchmarks;

import dev.quarry.BulkOptions;
import dev.quarry.Quarry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Every system of {@link Contenders} on every {@link Workload}, in one JVM and one run, the systems alternating
 * within each round in an order that rotates from round to round and workload to workload (so the drift of a
 * noisy machine, the JIT, the GC and the autovacuum hit all alike).
 *
 * <p>For each workload and system a round measures <b>throughput</b>: {@code bench.callers} (64) virtual threads
 * calling as fast as they can for {@code bench.window} over {@code bench.pool} (8) connections, and <b>latency</b>:
 * one virtual thread calling for {@code bench.latencyWindow}, each call timed. The report gives, per workload,
 * the median over the rounds of each system's throughput divided by the JDBC baseline's in the same round, the
 * median throughput, and the median latency of a single caller; {@link Results} writes it as Markdown and a PNG
 * chart under {@code bench.results}. A JFR recording of the whole run counts the virtual-thread pinning events.
 *
 * <p>Settings (system properties): {@code bench.quick=true} (2 short rounds, for development), {@code bench.rounds}
 * (5), {@code bench.window} (ms, 800), {@code bench.latencyWindow} (ms, 300), {@code bench.callers} (64),
 * {@code bench.pool} (8), {@code bench.systems} and {@code bench.workloads} (comma-separated names to keep; the
 * baseline always runs), {@code bench.results} (folder, default {@code results}). The database is
 * {@code QUARRY_URL} (or the first argument), else an embedded PostgreSQL.
 */
public final class SideBySide {

    static final int SEED_ROWS = 10_000;
    static final int CALLERS = Integer.getInteger("bench.callers", 64);

    private SideBySide() {
    }

    /** What one run measured: {@code throughput[w][s][round]} in calls per second, {@code latency[w][s]} in ns. */
    record Measured(List<Workload> workloads, List<Contender> systems, double[][][] throughput, long[][][] latency,
                    Settings settings, String server, double loadBefore, double loadAfter, Duration took,
                    Pinning pinning) {
    }

    /** The run's settings. */
    record Settings(boolean quick, int rounds, Duration window, Duration latencyWindow, int callers, int poolSize,
                    String url) {
    }

    /**
     * Runs the benchmark, prints the tables and writes them with the chart.
     *
     * @param args optionally a JDBC URL (else {@code QUARRY_URL}, else an embedded PostgreSQL)
     */
    public static void main(String[] args) throws Exception {
        boolean quick = Boolean.getBoolean("bench.quick");
        Settings settings = new Settings(quick, Integer.getInteger("bench.rounds", quick ? 2 : 5),
                Duration.ofMillis(Integer.getInteger("bench.window", quick ? 300 : 800)),
                Duration.ofMillis(Integer.getInteger("bench.latencyWindow", quick ? 150 : 300)),
                CALLERS, Integer.getInteger("bench.pool", 8), null);
        String url = args.length > 0 ? args[0] : System.getenv("QUARRY_URL");
        EmbeddedPostgres embedded = null;
        if (url == null || url.isBlank()) {
            System.out.println("QUARRY_URL is not set: starting an embedded PostgreSQL");
            embedded = EmbeddedPostgres.start();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        settings = new Settings(settings.quick(), settings.rounds(), settings.window(), settings.latencyWindow(),
                settings.callers(), settings.poolSize(), url);
        Path results = Path.of(System.getProperty("bench.results", "results"));
        try {
            Measured measured = run(settings);
            try (Pinning pinning = measured.pinning()) {
                Results.write(measured, results);
            }
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static Measured run(Settings settings) throws Exception {
        List<Workload> workloads = Arrays.stream(Workload.values())
                .filter(w -> names("bench.workloads").test(w.name())).toList();
        seed(settings.url());
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long began = System.nanoTime();
        List<Contender> systems = Contenders.open(settings.url(), settings.poolSize(), names("bench.systems"));
        try {
            for (Contender c : systems) {
                System.out.println("  " + c.name() + ": " + c.version());
            }
            double[][][] throughput = new double[workloads.size()][systems.size()][settings.rounds()];
            long[][][] latency = new long[workloads.size()][systems.size()][];
            List<List<List<Long>>> samples = new ArrayList<>();
            for (int w = 0; w < workloads.size(); w++) {
                List<List<Long>> perSystem = new ArrayList<>();
                for (int s = 0; s < systems.size(); s++) {
                    perSystem.add(new ArrayList<>());
                }
                samples.add(perSystem);
            }
            JdbcBaseline jdbc = (JdbcBaseline) systems.get(0);
            System.out.printf("1 warm-up + %d measured rounds of %d workloads x %d systems; %d callers over %d connections%n",
                    settings.rounds(), workloads.size(), systems.size(), settings.callers(), settings.poolSize());
            Pinning pinning = null;
            for (int round = -1; round < settings.rounds(); round++) {
                if (round == 0) {
                    pinning = Pinning.start(); // after the warm-up: class loading and initialization pin too
                }
                long start = System.nanoTime();
                boolean warmup = round < 0;
                Duration window = warmup ? settings.window().dividedBy(2) : settings.window();
                Duration latencyWindow = warmup ? settings.latencyWindow().dividedBy(2) : settings.latencyWindow();
                for (int w = 0; w < workloads.size(); w++) {
                    Workload workload = workloads.get(w);
                    for (int k = 0; k < systems.size(); k++) {
                        int s = Math.floorMod(k + round + w, systems.size());
                        Contender c = systems.get(s);
                        double opsPerSecond = throughput(c, workload, window, settings.callers());
                        List<Long> times = latency(c, workload, latencyWindow);
                        if (!warmup) {
                            throughput[w][s][round] = opsPerSecond;
                            samples.get(w).get(s).addAll(times);
                        }
                        if (workload == Workload.BULK) {
                            jdbc.execute("TRUNCATE bench_event");
                        }
                    }
                }
                System.out.printf("  round %s in %d s%n", warmup ? "warm-up" : (round + 1) + "/" + settings.rounds(),
                        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
            }
            for (int w = 0; w < workloads.size(); w++) {
                for (int s = 0; s < systems.size(); s++) {
                    latency[w][s] = samples.get(w).get(s).stream().mapToLong(Long::longValue).sorted().toArray();
                }
            }
            return new Measured(workloads, systems, throughput, latency, settings, jdbc.serverVersion(), loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Duration.ofNanos(System.nanoTime() - began), pinning);
        } finally {
            Contenders.closeAll(systems);
        }
    }

    /**
     * {@code callers} virtual threads calling {@code workload} until {@code window} is over; calls per second,
     * counting the calls still running at the end and the time they took.
     */
    static double throughput(Contender c, Workload workload, Duration window, int callers) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] calls = new long[callers];
        Thread[] threads = new Thread[callers];
        long start = System.nanoTime();
        long deadline = start + window.toNanos();
        for (int i = 0; i < callers; i++) {
            int caller = i;
            threads[i] = Thread.ofVirtual().name("bench-" + caller).start(() -> {
                long n = 0;
                try {
                    while (System.nanoTime() < deadline && failure.get() == null) {
                        workload.call(c, caller, n++);
                        calls[caller]++;
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        if (failure.get() != null) {
            throw new IllegalStateException(c.name() + " failed on " + workload.title(), failure.get());
        }
        return Arrays.stream(calls).sum() * 1e9 / elapsed;
    }

    /** One virtual thread calling {@code workload} for {@code window} (at least 3 calls), each call timed. */
    static List<Long> latency(Contender c, Workload workload, Duration window) throws Exception {
        List<Long> times = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = Thread.ofVirtual().name("bench-latency").start(() -> {
            long end = System.nanoTime() + window.toNanos();
            long n = 1_000_000;
            try {
                while (System.nanoTime() < end || times.size() < 3) {
                    long start = System.nanoTime();
                    workload.call(c, 0, n++);
                    times.add(System.nanoTime() - start);
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.join();
        if (failure.get() != null) {
            throw new IllegalStateException(c.name() + " failed on " + workload.title(), failure.get());
        }
        return times;
    }

    /** Creates and fills {@code bench_item} (10,000 rows) and an empty {@code bench_event}. */
    private static void seed(String url) throws Exception {
        try (Quarry db = Quarry.builder().url(url).poolSize(2).build();
             JdbcBaseline jdbc = new JdbcBaseline(url, 1)) {
            db.schema().drop(Item.class, Event.class);
            db.schema().create(Item.class, Event.class);
            List<Item> seed = new ArrayList<>(SEED_ROWS);
            LocalDateTime t0 = LocalDateTime.of(2025, 1, 1, 0, 0);
            for (int i = 0; i < SEED_ROWS; i++) {
                seed.add(new Item("item " + i, i % 4 == 0 ? "closed" : "open", i % 1000, i / 7.0, t0.plusMinutes(i)));
            }
            db.objects(Item.class).bulkCreate(seed, BulkOptions.defaults().batchSize(2_000));
            jdbc.execute("VACUUM ANALYZE bench_item");
        }
    }

    /** Names listed in the property {@code key} (all when it is unset; the JDBC baseline always). */
    private static Predicate<String> names(String key) {
        String list = System.getProperty(key);
        if (list == null || list.isBlank()) {
            return name -> true;
        }
        Set<String> keep = Set.of(list.toLowerCase(java.util.Locale.ROOT).split("\\s*,\\s*"));
        return name -> keep.contains(name.toLowerCase(java.util.Locale.ROOT)) || name.equals("JDBC");
    }
}
