package dev.quarry.benchmarks;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbResultDml;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Helidon DB Client 4.5 used directly: a JDBC {@link DbClient} over the baseline's pgjdbc + HikariCP pool,
 * {@code createGet}/{@code createQuery} with positional parameters, rows read with {@code column(i).get(type)},
 * the bulk insert as one multi-row {@code INSERT} with its keys read through the 4.5 generated-keys API.
 */
final class HelidonContender implements Contender {

    private static final String COLUMNS = "id, name, status, views, score, created_at";

    private final DbClient client;

    HelidonContender(DataSource dataSource) {
        this.client = JdbcClientBuilder.create().connectionPool(() -> {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new DbClientException("no connection", e);
            }
        }).build();
    }

    @Override
    public String name() {
        return "Helidon DB Client";
    }

    @Override
    public String version() {
        return "Helidon DB Client " + Versions.of("io.helidon.dbclient", "helidon-dbclient") + " (JDBC) on the JDBC pool";
    }

    @Override
    public Item get(long id) {
        return get(client.execute(), id);
    }

    private static Item get(DbExecute execute, long id) {
        return execute.createGet("SELECT " + COLUMNS + " FROM bench_item WHERE id = ?").addParam(id).execute()
                .map(HelidonContender::item).orElseThrow();
    }

    @Override
    public List<Item> page(long afterId, int size) {
        try (Stream<DbRow> rows = client.execute()
                .createQuery("SELECT " + COLUMNS + " FROM bench_item WHERE id > ? ORDER BY id LIMIT " + size)
                .addParam(afterId).execute()) {
            return rows.map(HelidonContender::item).toList();
        }
    }

    @Override
    public List<Long> bulkInsert(List<Event> events) {
        StringBuilder sql = new StringBuilder("INSERT INTO bench_event (name, status, views, score, created_at) VALUES ");
        List<Object> params = new ArrayList<>(events.size() * 5);
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
            Event e = events.get(i);
            params.add(e.name);
            params.add(e.status);
            params.add(e.views);
            params.add(e.score);
            params.add(e.createdAt);
        }
        try (DbResultDml result = client.execute().createInsert(sql.toString()).params(params)
                .returnColumns(List.of("id")).insert(); Stream<DbRow> keys = result.generatedKeys()) {
            return keys.map(row -> row.column(1).get(Long.class)).toList();
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    @Override
    public int readsAndUpdates(long[] ids) {
        DbTransaction tx = client.transaction();
        try {
            int done = 0;
            for (long id : ids) {
                done += get(tx, id).getId() == id ? 1 : 0;
            }
            for (long id : ids) {
                done += (int) tx.createUpdate("UPDATE bench_item SET views = views + 1 WHERE id = ?").addParam(id)
                        .execute();
            }
            tx.commit();
            return done;
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
    }

    @Override
    public long stream(long maxId, int fetchSize) {
        // Helidon has no fetch-size setting: pgjdbc reads the whole result before the first row
        try (Stream<DbRow> rows = client.execute()
                .createQuery("SELECT " + COLUMNS + " FROM bench_item WHERE id <= ? ORDER BY id").addParam(maxId)
                .execute()) {
            return rows.map(HelidonContender::item).mapToLong(Item::getViews).filter(v -> v >= 0).count();
        }
    }

    @Override
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new HashMap<>();
        try (Stream<DbRow> rows = client.execute()
                .query("SELECT status, COUNT(*), SUM(views) FROM bench_item GROUP BY status ORDER BY status")) {
            rows.forEach(r -> counts.put(r.column(1).get(String.class), r.column(2).get(Long.class)));
        }
        return counts;
    }

    @Override
    public void close() {
        client.close();
    }

    private static Item item(DbRow row) {
        Item item = new Item(row.column(2).get(String.class), row.column(3).get(String.class),
                row.column(4).get(Integer.class), row.column(5).get(Double.class),
                row.column(6).get(Timestamp.class).toLocalDateTime());
        item.id = row.column(1).get(Long.class);
        return item;
    }
}
