package dev.quarry.benchmarks;

import dev.quarry.Manager;
import dev.quarry.Quarry;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@code QueryListener} costs on the shortest statement: a plain {@code get} by pk, on three Quarry
 * instances over the same database (no listener, a listener counting events, a listener with
 * {@code logParameters(true)}), alternated call by call so machine drift hits all three alike. Reports the median
 * per system and its ratio to "no listener".
 * {@snippet lang = "shell" :
 * ./mvnw -q -pl benchmarks exec:java -Dexec.mainClass=dev.quarry.benchmarks.ListenerOverhead -Dexec.args="jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
 * }
 */
public final class ListenerOverhead {

    private ListenerOverhead() {
    }

    /**
     * @param args a JDBC URL (else {@code QUARRY_URL})
     */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : System.getenv("QUARRY_URL");
        if (url == null) {
            throw new IllegalArgumentException("Give a JDBC URL as the first argument or in QUARRY_URL.");
        }
        int rounds = Integer.getInteger("bench.calls", 20_000);
        LongAdder seen = new LongAdder();
        try (Quarry plain = Quarry.builder().url(url).poolSize(2).build();
             Quarry listened = Quarry.builder().url(url).poolSize(2).listener(e -> seen.increment()).build();
             Quarry withValues = Quarry.builder().url(url).poolSize(2).logParameters(true)
                     .listener(e -> seen.add(e.parameters().map(List::size).orElse(0))).build()) {
            plain.schema().drop(Item.class);
            plain.schema().create(Item.class);
            Manager<Item> items = plain.objects(Item.class);
            List<Item> rows = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                rows.add(new Item("item " + i, "open", i, i / 3.0, LocalDateTime.of(2026, 1, 1, 0, 0)));
            }
            List<Object> ids = items.bulkCreate(rows).stream().map(it -> (Object) it.id).toList();
            List<Manager<Item>> systems = List.of(items, listened.objects(Item.class), withValues.objects(Item.class));
            String[] names = {"no listener", "counting listener", "listener + logParameters"};
            long[][] nanos = new long[systems.size()][rounds];
            for (int warm = 0; warm < 3_000; warm++) {
                for (Manager<Item> m : systems) {
                    m.get("pk", ids.get(warm % ids.size()));
                }
            }
            for (int i = 0; i < rounds; i++) {
                for (int k = 0; k < systems.size(); k++) {
                    int s = (k + i) % systems.size();
                    long t0 = System.nanoTime();
                    systems.get(s).get("pk", ids.get(i % ids.size()));
                    nanos[s][i] = System.nanoTime() - t0;
                }
            }
            double base = median(nanos[0]);
            for (int s = 0; s < systems.size(); s++) {
                double m = median(nanos[s]);
                System.out.printf(Locale.ROOT, "%-26s median %7.1f us   ratio %.3f%n", names[s], m / 1000, m / base);
            }
            System.out.println("events seen: " + seen.sum());
            plain.schema().drop(Item.class);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
