package dev.quarry.benchmarks;

import dev.quarry.Quarry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The systems of a run, the hand-written JDBC baseline first. Quarry on a further provider is one more line here
 * (and its jar on the class path), e.g. {@code quarry("Quarry on vertx", "vertx", url, poolSize)}.
 */
final class Contenders {

    /** How long a caller may wait for a connection: 64 callers share 8, and slow systems hold them long. */
    static final java.time.Duration CONNECT_TIMEOUT = java.time.Duration.ofMinutes(3);

    private Contenders() {
    }

    /**
     * Opens every system whose name {@code wanted} accepts (the baseline always); each has {@code poolSize}
     * connections (JDBC, jOOQ, Hibernate and raw Helidon share the baseline's pool: they never run at once).
     */
    static List<Contender> open(String url, int poolSize, Predicate<String> wanted) {
        JdbcBaseline jdbc = new JdbcBaseline(url, poolSize);
        List<Contender> all = new ArrayList<>();
        all.add(jdbc);
        try {
            boolean sync = wanted.test("Quarry sync");
            boolean async = wanted.test("Quarry async");
            if (sync || async) {
                Quarry quarry = Quarry.builder().url(url).provider("jdbc-virtual").poolSize(poolSize)
                        .connectTimeout(CONNECT_TIMEOUT).build();
                String version = "Quarry " + Versions.of("dev.quarry", "quarry-api") + " on jdbc-virtual (pgjdbc, HikariCP)";
                if (sync) {
                    all.add(QuarryContender.sync("Quarry sync", version, quarry));
                }
                if (async) {
                    all.add(QuarryContender.async("Quarry async", version, quarry, !sync));
                }
            }
            add(all, wanted, "Quarry on helidon", () -> quarry("Quarry on helidon", "helidon", url, poolSize));
            add(all, wanted, "Helidon DB Client", () -> new HelidonContender(jdbc.dataSource()));
            add(all, wanted, "jOOQ", () -> new JooqContender(jdbc.dataSource()));
            add(all, wanted, "Hibernate", () -> new HibernateContender(jdbc.dataSource()));
            add(all, wanted, "Vert.x pg client", () -> new VertxContender(url, poolSize));
        } catch (RuntimeException e) {
            closeAll(all);
            throw e;
        }
        return all;
    }

    /** The sync twins of Quarry on {@code provider}, with a pool of its own. */
    static Contender quarry(String name, String provider, String url, int poolSize) {
        Quarry db = Quarry.builder().url(url).provider(provider).poolSize(poolSize).connectTimeout(CONNECT_TIMEOUT)
                .build();
        return QuarryContender.sync(name, "Quarry " + Versions.of("dev.quarry", "quarry-api") + " on " + provider, db);
    }

    /** Closes each, the baseline last (the others may use its pool). */
    static void closeAll(List<Contender> all) {
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                all.get(i).close();
            } catch (Exception e) {
                System.err.println("closing " + all.get(i).name() + ": " + e);
            }
        }
    }

    private static void add(List<Contender> all, Predicate<String> wanted, String name,
                            java.util.function.Supplier<Contender> open) {
        if (wanted.test(name)) {
            all.add(open.get());
        }
    }
}
