package dev.quarry.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one would write by hand: pgjdbc behind HikariCP (the pool size Quarry gets), one
 * {@link PreparedStatement} per operation, rows mapped to the same model classes Quarry fills.
 */
final class JdbcBaseline implements Contender {

    private static final String COLUMNS = "id, name, status, views, score, created_at";

    private final HikariDataSource pool;

    JdbcBaseline(String url, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("bench-jdbc");
        // 64 callers queue for 8 connections; on a loaded machine a slow workload (Hibernate's row-by-row
        // inserts) keeps them waiting far past HikariCP's default 30 s
        config.setConnectionTimeout(Contenders.CONNECT_TIMEOUT.toMillis());
        this.pool = new HikariDataSource(config);
    }

    /** The pool, also under the jOOQ, Hibernate and raw Helidon contenders (they never run at the same time). */
    DataSource dataSource() {
        return pool;
    }

    @Override
    public String name() {
        return "JDBC";
    }

    @Override
    public String version() {
        return "pgjdbc " + org.postgresql.util.DriverInfo.DRIVER_VERSION + ", HikariCP " + Versions.of("com.zaxxer", "HikariCP");
    }

    @Override
    public Item get(long id) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bench_item WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no item " + id);
                }
                return item(rs);
            }
        }
    }

    @Override
    public List<Item> page(long afterId, int size) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM bench_item WHERE id > ? ORDER BY id LIMIT " + size)) {
            ps.setLong(1, afterId);
            List<Item> items = new ArrayList<>(size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(item(rs));
                }
            }
            return items;
        }
    }

    long count(String status) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bench_item WHERE status = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    Event create(Event e) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO bench_event (name, status, views, score, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            bind(ps, e);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                e.id = rs.getLong(1);
            }
            return e;
        }
    }

    /** The bulk insert Quarry also sends: one multi-row {@code INSERT ... VALUES (...), (...) RETURNING id}. */
    List<Event> bulkCreateMultiRow(List<Event> events) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO bench_event (name, status, views, score, created_at) VALUES ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
        }
        sql.append(" RETURNING id");
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (Event e : events) {
                ps.setString(p++, e.name);
                ps.setString(p++, e.status);
                ps.setInt(p++, e.views);
                ps.setDouble(p++, e.score);
                ps.setObject(p++, e.createdAt);
            }
            try (ResultSet keys = ps.executeQuery()) {
                int i = 0;
                while (keys.next()) {
                    events.get(i++).id = keys.getLong(1);
                }
            }
            return events;
        }
    }

    /** The textbook JDBC bulk insert: addBatch/executeBatch, generated keys read back. */
    List<Event> bulkCreateBatch(List<Event> events) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO bench_event (name, status, views, score, created_at) VALUES (?, ?, ?, ?, ?)",
                     new String[] {"id"})) {
            for (Event e : events) {
                bind(ps, e);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                int i = 0;
                while (keys.next()) {
                    events.get(i++).id = keys.getLong(1);
                }
            }
            return events;
        }
    }

    long incrementViews(long id) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE bench_item SET views = views + 1 WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate();
        }
    }

    @Override
    public List<Long> bulkInsert(List<Event> events) throws SQLException {
        return bulkCreateBatch(events).stream().map(Event::getId).toList();
    }

    @Override
    public int readsAndUpdates(long[] ids) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                int done = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM bench_item WHERE id = ?")) {
                    for (long id : ids) {
                        ps.setLong(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            done += rs.next() && item(rs).id == id ? 1 : 0;
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE bench_item SET views = views + 1 WHERE id = ?")) {
                    for (long id : ids) {
                        ps.setLong(1, id);
                        done += ps.executeUpdate();
                    }
                }
                c.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @Override
    public Map<String, Long> countByStatus() throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT status, COUNT(*), SUM(views) FROM bench_item GROUP BY status ORDER BY status");
             ResultSet rs = ps.executeQuery()) {
            Map<String, Long> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        }
    }

    /** Streams rows through a server-side cursor: pgjdbc needs autocommit off and a fetch size. */
    @Override
    public long stream(long maxId, int fetchSize) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM bench_item WHERE id <= ? ORDER BY id")) {
                ps.setFetchSize(fetchSize);
                ps.setLong(1, maxId);
                long n = 0;
                long views = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        views += item(rs).views;
                        n++;
                    }
                }
                c.commit();
                return views >= 0 ? n : -1;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** What {@code selectRelated("writer")} does by hand: one JOIN, each post with its writer. */
    List<Post> postsWithWriters(long afterId, int size) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT p.id, p.title, p.views, w.id, w.name, w.email"
                     + " FROM bench_post p JOIN bench_writer w ON w.id = p.writer_id"
                     + " WHERE p.id > ? ORDER BY p.id LIMIT " + size)) {
            ps.setLong(1, afterId);
            List<Post> posts = new ArrayList<>(size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Post post = new Post();
                    post.id = rs.getLong(1);
                    post.title = rs.getString(2);
                    post.views = rs.getInt(3);
                    Writer writer = new Writer();
                    writer.id = rs.getLong(4);
                    writer.name = rs.getString(5);
                    writer.email = rs.getString(6);
                    post.writer = writer;
                    posts.add(post);
                }
            }
            return posts;
        }
    }

    /**
     * What {@code prefetchRelated("posts")} does by hand: the writers, then all their posts in one
     * {@code WHERE writer_id IN (...)} query on the same connection, grouped by writer.
     */
    List<Writer> writersWithPosts(long afterId, int size) throws SQLException {
        try (Connection c = pool.getConnection()) {
            List<Writer> writers = new ArrayList<>(size);
            Map<Long, Writer> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, email FROM bench_writer WHERE id > ? ORDER BY id LIMIT " + size)) {
                ps.setLong(1, afterId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Writer w = new Writer();
                        w.id = rs.getLong(1);
                        w.name = rs.getString(2);
                        w.email = rs.getString(3);
                        w.posts = new ArrayList<>();
                        writers.add(w);
                        byId.put(w.id, w);
                    }
                }
            }
            if (writers.isEmpty()) {
                return writers;
            }
            StringBuilder sql = new StringBuilder("SELECT id, title, views, writer_id FROM bench_post WHERE writer_id IN (");
            for (int i = 0; i < writers.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
                for (int i = 0; i < writers.size(); i++) {
                    ps.setLong(i + 1, writers.get(i).id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Post post = new Post();
                        post.id = rs.getLong(1);
                        post.title = rs.getString(2);
                        post.views = rs.getInt(3);
                        Writer w = byId.get(rs.getLong(4));
                        post.writer = w;
                        w.posts.add(post);
                    }
                }
            }
            return writers;
        }
    }

    /** PostgreSQL's {@code server_version}. */
    String serverVersion() throws SQLException {
        try (Connection c = pool.getConnection(); var st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Runs one statement outside any measurement. */
    void execute(String sql) throws SQLException {
        try (Connection c = pool.getConnection(); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void bind(PreparedStatement ps, Event e) throws SQLException {
        ps.setString(1, e.name);
        ps.setString(2, e.status);
        ps.setInt(3, e.views);
        ps.setDouble(4, e.score);
        ps.setObject(5, e.createdAt);
    }

    private static Item item(ResultSet rs) throws SQLException {
        Item item = new Item();
        item.id = rs.getLong(1);
        item.name = rs.getString(2);
        item.status = rs.getString(3);
        item.views = rs.getInt(4);
        item.score = rs.getDouble(5);
        item.createdAt = rs.getObject(6, LocalDateTime.class);
        return item;
    }

    @Override
    public void close() {
        pool.close();
    }
}
