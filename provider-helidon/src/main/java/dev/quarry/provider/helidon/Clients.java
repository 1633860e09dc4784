package dev.quarry.provider.helidon;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.quarry.spi.ConnectionConfig;
import dev.quarry.spi.postgresql.PostgresSession;
import io.helidon.common.HelidonServiceLoader;
import io.helidon.common.config.Config;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientBase;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.DbClientService;
import io.helidon.dbclient.jdbc.CloseableJdbcConnectionPool;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import io.helidon.dbclient.jdbc.JdbcParametersConfig;
import io.helidon.dbclient.spi.DbClientServiceProvider;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the Helidon JDBC client Quarry runs on, from each source a user can give. Every client is a Helidon
 * {@code JdbcClient} over a {@link CapturingPool}; what differs is where its connections and its client services
 * (metrics, tracing) come from:
 * <table>
 * <caption>Sources</caption>
 * <tr><th>given</th><th>connections</th><th>client services</th><th>the pool, when Quarry closes</th></tr>
 * <tr><td>a URL</td><td>a HikariCP pool of {@code poolSize}</td><td>none</td><td>closed with Quarry</td></tr>
 * <tr><td>a Helidon {@link Config}</td><td>its {@code connection} node, as Helidon reads it</td>
 *     <td>its {@code services} node, as Helidon reads it</td><td>closed with Quarry</td></tr>
 * <tr><td>a {@link DbClient}</td><td>the client's own pool</td><td>the client's own services</td>
 *     <td>left to the user</td></tr>
 * </table>
 */
final class Clients {

    /** Keys of {@link ConnectionConfig#properties()} with this prefix configure HikariCP, not the driver. */
    static final String HIKARI_PREFIX = "hikari.";
    /** HikariCP's default {@code maximumPoolSize}, used when a Helidon config does not set one. */
    static final int HIKARI_DEFAULT_POOL_SIZE = 10;

    private static final Pattern DB_TYPE = Pattern.compile("(\\w+:\\w+):.*");
    private static final AtomicInteger POOLS = new AtomicInteger();

    private Clients() {
    }

    /**
     * A client, the pool under it, and how many connections Quarry may borrow at once.
     *
     * @param client   the Helidon client statements run through
     * @param pool     the pool under it
     * @param poolSize how many Quarry connections may be borrowed at once
     */
    record Built(DbClient client, CapturingPool pool, int poolSize) {
    }

    /** Quarry's own settings: a HikariCP pool of {@code poolSize} on the URL, no client services. */
    static Built fromUrl(ConnectionConfig config) {
        CapturingPool pool = urlPool(config);
        return new Built(JdbcClientBuilder.create().connectionPool(pool).build(), pool, config.poolSize());
    }

    /**
     * The session time zone and statement timeout for a PostgreSQL pool, set once on each new physical
     * connection, or {@code null} for another database.
     */
    static String sessionSetup(ConnectionConfig config, String dbType) {
        return dbType != null && dbType.startsWith("jdbc:postgresql") ? PostgresSession.setupSql(config) : null;
    }

    /** A HikariCP pool of {@code poolSize} on the URL, with the {@code hikari.*} and driver properties. */
    private static CapturingPool urlPool(ConnectionConfig config) {
        HikariConfig hikari = new HikariConfig(hikariProperties(config.properties()));
        hikari.setPoolName("quarry-helidon-" + POOLS.incrementAndGet());
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
        hikari.setConnectionTimeout(Math.max(250L, config.connectTimeout().toMillis())); // HikariCP's minimum
        String setup = sessionSetup(config, dbType(config.url()));
        if (setup != null) {
            String users = hikari.getConnectionInitSql();
            hikari.setConnectionInitSql(users == null || users.isBlank() ? setup : setup + "; " + users);
        }
        config.properties().forEach((key, value) -> {
            if (!key.startsWith(HIKARI_PREFIX)) {
                hikari.addDataSourceProperty(key, value);
            }
        });
        try {
            return new CapturingPool(new HikariConnections(new HikariDataSource(hikari), dbType(config.url())), true, null);
        } catch (HikariPool.PoolInitializationException e) {
            throw Errors.translate("Cannot connect to " + Errors.redact(config.url()) + ": ", e);
        }
    }

    /**
     * A Helidon config: the {@code db} node of {@code root} if it has one, else {@code root} itself, read as
     * Helidon's {@code DbClient.create(config)} reads it. Its {@code connection} node makes the pool (HikariCP,
     * all its settings included; without that node the pool is made from Quarry's settings as
     * {@link #fromUrl}); its {@code services} node adds the client services found by ServiceLoader (metrics,
     * tracing), its {@code parameters} node configures how values are bound.
     */
    static Built fromConfig(ConnectionConfig config, Config root) {
        Config db = root.get("db").exists() ? root.get("db") : root;
        String source = db.get("source").asString().orElse("jdbc");
        if (!source.equals("jdbc")) {
            throw new IllegalArgumentException("Quarry's helidon provider runs on Helidon's JDBC client; the config "
                    + "names the DB client source '" + source + "'.");
        }
        Config connection = db.get("connection");
        CapturingPool pool;
        int poolSize;
        if (connection.exists()) {
            JdbcConnectionPool helidonPool;
            try {
                helidonPool = JdbcConnectionPool.create(connection.detach());
            } catch (RuntimeException e) {
                throw Errors.translate("Cannot connect with the Helidon config '" + connection.key() + "': ", e);
            }
            pool = new CapturingPool(helidonPool, true, sessionSetup(config, helidonPool.dbType()));
            poolSize = connection.get("maximumPoolSize").asInt().orElse(HIKARI_DEFAULT_POOL_SIZE);
        } else {
            pool = urlPool(config);
            poolSize = config.poolSize();
        }
        JdbcClientBuilder builder = JdbcClientBuilder.create().connectionPool(pool);
        Config parameters = db.get("parameters");
        if (parameters.exists()) {
            builder.parametersSetter(JdbcParametersConfig.create(parameters));
        }
        try {
            services(db.get("services")).forEach(builder::addService);
        } catch (RuntimeException e) {
            closeQuietly(pool);
            throw e;
        }
        return new Built(builder.build(), pool, poolSize);
    }

    /**
     * A user's client: Quarry runs on a client of its own over the user's connections (borrowed with
     * {@code DbClient.unwrap(Connection.class)}, which takes one from the client's pool) with the user's client
     * services, so the statements count in the user's metrics and traces. The user's pool stays the user's:
     * closing Quarry does not close it. Quarry borrows at most {@code poolSize} connections at once.
     */
    static Built fromClient(ConnectionConfig config, DbClient user) {
        String dbType = user.dbType();
        if (dbType == null || !dbType.startsWith("jdbc")) {
            throw new IllegalArgumentException("Quarry's helidon provider runs on Helidon's JDBC client; the DbClient "
                    + "handed in is of type '" + dbType + "'.");
        }
        CapturingPool pool = new CapturingPool(new BorrowedConnections(user), false, sessionSetup(config, dbType));
        JdbcClientBuilder builder = JdbcClientBuilder.create().connectionPool(pool);
        if (user instanceof DbClientBase base) {
            base.context().clientServices().forEach(builder::addService);
        }
        return new Built(builder.build(), pool, config.poolSize());
    }

    /** As Helidon's {@code DbClient.Builder.build()}: each service provider whose key is configured. */
    private static List<DbClientService> services(Config services) {
        List<DbClientService> result = new ArrayList<>();
        if (!services.exists()) {
            return result;
        }
        for (DbClientServiceProvider provider : HelidonServiceLoader
                .create(ServiceLoader.load(DbClientServiceProvider.class)).asList()) {
            Config providerConfig = services.get(provider.configKey());
            if (providerConfig.exists()) {
                result.addAll(provider.create(providerConfig));
            }
        }
        return result;
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

    /** {@code jdbc:postgresql} for {@code jdbc:postgresql://...}, as Helidon's Hikari pool names it. */
    static String dbType(String url) {
        Matcher matcher = DB_TYPE.matcher(url);
        return matcher.matches() ? matcher.group(1) : JdbcConnectionPool.DEFAULT_DB_TYPE;
    }

    private static void closeQuietly(CapturingPool pool) {
        try {
            pool.close();
        } catch (RuntimeException ignored) {
            // already failing
        }
    }

    /** Quarry's own HikariCP pool. */
    private record HikariConnections(HikariDataSource dataSource, String dbType) implements CloseableJdbcConnectionPool {

        @Override
        public Connection connection() {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                throw new DbClientException("Failed to get a connection from " + dataSource.getPoolName(), e);
            }
        }

        @Override
        public String name() {
            return dataSource.getPoolName();
        }

        @Override
        public String type() {
            return "hikari";
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }

    /** The connections of a user's client. */
    private record BorrowedConnections(DbClient client) implements JdbcConnectionPool {

        @Override
        public Connection connection() {
            return client.unwrap(Connection.class);
        }

        @Override
        public String dbType() {
            return client.dbType();
        }

        @Override
        public String name() {
            return "borrowed";
        }
    }
}
