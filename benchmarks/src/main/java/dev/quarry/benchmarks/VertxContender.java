package dev.quarry.benchmarks;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Cursor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Vert.x reactive PostgreSQL client (its own wire protocol, no JDBC), a pool of the same size, prepared
 * statements cached per connection; every call's {@code Future} is joined by the calling virtual thread. The bulk
 * insert is one {@code executeBatch} (pipelined) in a transaction, the stream a cursor read in chunks.
 */
final class VertxContender implements Contender {

    private static final String COLUMNS = "id, name, status, views, score, created_at";
    private static final String GET = "SELECT " + COLUMNS + " FROM bench_item WHERE id = $1";
    private static final String UPDATE = "UPDATE bench_item SET views = views + 1 WHERE id = $1";

    private final Vertx vertx;
    private final Pool pool;

    /** {@code jdbcUrl} as the other systems get it: {@code jdbc:postgresql://host:port/db?user=...&password=...}. */
    VertxContender(String jdbcUrl, int poolSize) {
        this.vertx = Vertx.vertx();
        PgConnectOptions options = PgConnectOptions.fromUri(jdbcUrl.substring("jdbc:".length()))
                .setCachePreparedStatements(true);
        this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(poolSize)
                        .setConnectionTimeout((int) Contenders.CONNECT_TIMEOUT.toSeconds())).connectingTo(options).using(vertx)
                .build();
    }

    @Override
    public String name() {
        return "Vert.x pg client";
    }

    @Override
    public String version() {
        return "Vert.x pg client " + Versions.of("io.vertx", "vertx-pg-client") + " (own pool)";
    }

    @Override
    public Item get(long id) {
        return join(pool.preparedQuery(GET).execute(Tuple.of(id)).map(rows -> item(rows.iterator().next())));
    }

    @Override
    public List<Item> page(long afterId, int size) {
        return join(pool.preparedQuery("SELECT " + COLUMNS + " FROM bench_item WHERE id > $1 ORDER BY id LIMIT " + size)
                .execute(Tuple.of(afterId)).map(VertxContender::items));
    }

    @Override
    public List<Long> bulkInsert(List<Event> events) {
        List<Tuple> tuples = new ArrayList<>(events.size());
        for (Event e : events) {
            tuples.add(Tuple.of(e.name, e.status, e.views, e.score, e.createdAt));
        }
        return join(pool.withTransaction(connection -> connection.preparedQuery(
                        "INSERT INTO bench_event (name, status, views, score, created_at) VALUES ($1, $2, $3, $4, $5)"
                                + " RETURNING id").executeBatch(tuples))
                .map(first -> {
                    List<Long> ids = new ArrayList<>(events.size());
                    for (RowSet<Row> rows = first; rows != null; rows = rows.next()) {
                        ids.add(rows.iterator().next().getLong(0));
                    }
                    return ids;
                }));
    }

    @Override
    public int readsAndUpdates(long[] ids) {
        return join(pool.withTransaction(connection -> {
            Future<Integer> done = Future.succeededFuture(0);
            for (long id : ids) {
                done = done.compose(n -> connection.preparedQuery(GET).execute(Tuple.of(id))
                        .map(rows -> n + (item(rows.iterator().next()).getId() == id ? 1 : 0)));
            }
            for (long id : ids) {
                done = done.compose(n -> connection.preparedQuery(UPDATE).execute(Tuple.of(id))
                        .map(rows -> n + rows.rowCount()));
            }
            return done;
        }));
    }

    @Override
    public long stream(long maxId, int fetchSize) {
        return join(pool.withTransaction(connection -> connection
                .prepare("SELECT " + COLUMNS + " FROM bench_item WHERE id <= $1 ORDER BY id")
                .compose(statement -> read(statement.cursor(Tuple.of(maxId)), fetchSize, 0L)
                        .eventually(statement::close))));
    }

    private static Future<Long> read(Cursor cursor, int fetchSize, long counted) {
        return cursor.read(fetchSize).compose(rows -> {
            long n = counted;
            for (Row row : rows) {
                n += item(row).getViews() >= 0 ? 1 : 0;
            }
            long total = n;
            return cursor.hasMore() ? read(cursor, fetchSize, total) : cursor.close().map(total);
        });
    }

    @Override
    public Map<String, Long> countByStatus() {
        return join(pool.query("SELECT status, COUNT(*), SUM(views) FROM bench_item GROUP BY status ORDER BY status")
                .execute().map(rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    rows.forEach(r -> counts.put(r.getString(0), r.getLong(1)));
                    return counts;
                }));
    }

    @Override
    public void close() {
        join(pool.close());
        join(vertx.close());
    }

    private static List<Item> items(RowSet<Row> rows) {
        List<Item> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(item(row)));
        return items;
    }

    private static Item item(Row row) {
        Item item = new Item(row.getString(1), row.getString(2), row.getInteger(3), row.getDouble(4),
                row.getLocalDateTime(5));
        item.id = row.getLong(0);
        return item;
    }

    private static <T> T join(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }
}
