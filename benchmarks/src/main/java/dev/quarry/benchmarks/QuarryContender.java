package dev.quarry.benchmarks;

import dev.quarry.Aggregate;
import dev.quarry.F;
import dev.quarry.Manager;
import dev.quarry.Quarry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Quarry on any transport: the sync twins ({@code get}, {@code list}, {@code atomic}...) or the async twins
 * ({@code aget}, {@code alist}, {@code aatomic}...), each {@code join()}ed by the calling virtual thread as a
 * request handler would. Quarry on a new provider is {@code QuarryContender.sync("Quarry on x", quarry)}.
 */
final class QuarryContender implements Contender {

    private static final Map<String, F> PLUS_ONE = Map.of("views", F.of("views").plus(1));

    private final String name;
    private final String version;
    private final Quarry db;
    private final boolean async;
    private final boolean owner;
    private final Manager<Item> items;
    private final Manager<Event> events;

    private QuarryContender(String name, String version, Quarry db, boolean async, boolean owner) {
        this.name = name;
        this.version = version;
        this.db = db;
        this.async = async;
        this.owner = owner;
        this.items = db.objects(Item.class);
        this.events = db.objects(Event.class);
    }

    /** The blocking twins on {@code db}, which this contender closes. */
    static QuarryContender sync(String name, String version, Quarry db) {
        return new QuarryContender(name, version, db, false, true);
    }

    /** The async twins on {@code db}, which this contender closes if it {@code owns} it. */
    static QuarryContender async(String name, String version, Quarry db, boolean owns) {
        return new QuarryContender(name, version, db, true, owns);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Item get(long id) {
        return async ? items.aget("pk", id).join() : items.get("pk", id);
    }

    @Override
    public List<Item> page(long afterId, int size) {
        var page = items.filter("id__gt", afterId).orderBy("id").slice(0, size);
        return async ? page.alist().join() : page.list();
    }

    @Override
    public List<Long> bulkInsert(List<Event> rows) {
        List<Event> created = async ? events.abulkCreate(rows).join() : events.bulkCreate(rows);
        return created.stream().map(Event::getId).toList();
    }

    @Override
    public int readsAndUpdates(long[] ids) {
        if (!async) {
            return db.atomic(tx -> {
                Manager<Item> inTx = tx.objects(Item.class);
                int done = 0;
                for (long id : ids) {
                    done += inTx.get("pk", id).getId() == id ? 1 : 0;
                }
                for (long id : ids) {
                    done += (int) inTx.filter("pk", id).update(PLUS_ONE);
                }
                return done;
            });
        }
        return db.aatomic(tx -> {
            Manager<Item> inTx = tx.objects(Item.class);
            CompletableFuture<Integer> done = CompletableFuture.completedFuture(0);
            for (long id : ids) {
                done = done.thenCompose(n -> inTx.aget("pk", id).thenApply(item -> n + (item.getId() == id ? 1 : 0)));
            }
            for (long id : ids) {
                done = done.thenCompose(n -> inTx.filter("pk", id).aupdate(PLUS_ONE).thenApply(u -> n + u.intValue()));
            }
            return done;
        }).join();
    }

    @Override
    public long stream(long maxId, int fetchSize) {
        var rows = items.filter("id__lte", maxId).orderBy("id");
        if (!async) {
            try (Stream<Item> stream = rows.iterator(fetchSize)) {
                return stream.mapToLong(Item::getViews).filter(v -> v >= 0).count();
            }
        }
        RowCounter<Item> counter = new RowCounter<>(fetchSize);
        rows.aiterator(fetchSize).subscribe(counter);
        return counter.done.join();
    }

    @Override
    public Map<String, Long> countByStatus() {
        var grouped = items.values("status").annotate("n", Aggregate.count("id"))
                .annotate("total", Aggregate.sum("views")).orderBy("status");
        List<Map<String, Object>> rows = async ? grouped.alist().join() : grouped.list();
        Map<String, Long> counts = new HashMap<>();
        for (Map<String, Object> row : rows) {
            counts.put((String) row.get("status"), ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    @Override
    public void close() {
        if (owner) {
            db.close();
        }
    }
}
