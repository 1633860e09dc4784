package dev.quarry.provider.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.quarry.spi.Capabilities;
import dev.quarry.spi.Connection;
import dev.quarry.spi.ConnectionConfig;
import dev.quarry.spi.Database;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.postgresql.PostgresSession;

import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A HikariCP pool plus the executor the async twins run on: one new virtual thread per operation, named
 * {@code quarry-jdbc-N}. Thread-safe.
 */
final class JdbcDatabase implements Database {

    /** Keys of {@link ConnectionConfig#properties()} with this prefix configure HikariCP, not the driver. */
    static final String HIKARI_PREFIX = "hikari.";

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final HikariDataSource pool;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The pool's default isolation level, read from the first connection that needs it; -1 until then. */
    private volatile int defaultIsolation = -1;

    JdbcDatabase(ConnectionConfig config) {
        HikariConfig hikari = new HikariConfig(hikariProperties(config.properties()));
        hikari.setPoolName("quarry-jdbc-" + POOLS.incrementAndGet());
        hikari.setJdbcUrl(config.url());
        if (config.user() != null) {
            hikari.setUsername(config.user());
        }
        if (config.password() != null) {
            hikari.setPassword(config.password());
        }
        hikari.setMaximumPoolSize(config.poolSize());
        if (hikari.getMinimumIdle() > config.poolSize()) {
            hikari.setMinimumIdle(config.poolSize());
        }
        // HikariCP refuses less than 250 ms.
        hikari.setConnectionTimeout(Math.max(250L, config.connectTimeout().toMillis()));
        if (config.url().startsWith("jdbc:postgresql:")) {
            hikari.setConnectionInitSql(sessionSetup(config, hikari.getConnectionInitSql()));
        }
        config.properties().forEach((key, value) -> {
            if (!key.startsWith(HIKARI_PREFIX)) {
                hikari.addDataSourceProperty(key, value);
            }
        });
        try {
            this.pool = new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            throw Errors.translate("Cannot connect to " + Errors.redact(config.url()) + ": ", e);
        }
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("quarry-jdbc-", 0).factory());
    }

    /**
     * The session time zone and statement timeout, set once on each new physical connection (never per
     * statement), before a {@code hikari.connectionInitSql} of the user's.
     */
    static String sessionSetup(ConnectionConfig config, String users) {
        String ours = PostgresSession.setupSql(config);
        return users == null || users.isBlank() ? ours : ours + "; " + users;
    }

    private static Properties hikariProperties(Map<String, String> properties) {
        Properties result = new Properties();
        properties.forEach((key, value) -> {
            if (key.startsWith(HIKARI_PREFIX)) {
                result.setProperty(key.substring(HIKARI_PREFIX.length()), value);
            }
        });
        return result;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.all();
    }

    @Override
    public Connection acquire() {
        if (closed.get()) {
            throw closedException(null);
        }
        java.sql.Connection jdbc;
        try {
            jdbc = pool.getConnection();
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
        return new JdbcConnection(this, jdbc);
    }

    /** Closes the pool (aborting connections still borrowed) and stops accepting async work. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.shutdown();
        } finally {
            pool.close();
        }
    }

    /** Runs {@code task} on a virtual thread, even after {@link #close()} (the task then fails on its own). */
    /** The virtual-thread executor: Quarry runs each async operation as one task on it. */
    @Override
    public java.util.Optional<java.util.concurrent.Executor> blockingExecutor() {
        return java.util.Optional.of(this::execute);
    }

    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closedAlready) {
            Thread.ofVirtual().name("quarry-jdbc-closed").start(task);
        }
    }

    /** Hands a connection whose state could not be restored back to the pool for eviction. */
    void evict(java.sql.Connection jdbc) {
        pool.evictConnection(jdbc);
    }

    /** The isolation level every pooled connection starts with (HikariCP restores it on return). */
    int defaultIsolation(java.sql.Connection jdbc) throws SQLException {
        int level = defaultIsolation;
        if (level < 0) {
            level = jdbc.getTransactionIsolation();
            defaultIsolation = level;
        }
        return level;
    }

    boolean isClosed() {
        return closed.get();
    }

    private static DriverException closedException(Throwable cause) {
        return new DriverException("The database has been closed.", Errors.CONNECTION_DOES_NOT_EXIST, null, cause);
    }

    @Override
    public String toString() {
        if (closed.get()) {
            return "JdbcDatabase[" + pool.getPoolName() + ", closed]";
        }
        var stats = pool.getHikariPoolMXBean();
        return "JdbcDatabase[" + pool.getPoolName() + (stats == null ? "]"
                : ", active=" + stats.getActiveConnections() + ", idle=" + stats.getIdleConnections() + "]");
    }
}
