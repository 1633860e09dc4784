package dev.quarry.provider.helidon;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.CloseableJdbcConnectionPool;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Quarry's own HikariCP pool under a Helidon client. Helidon 4.5's HikariCP pool module
 * ({@code helidon-dbclient-hikari}) has no 4.5 release, and the 4.1 one does not run on the 4.5 client, so Quarry
 * builds the pool of a Helidon {@code connection} config node itself ({@link Builder}), reading the node as that
 * module does: {@code url}, {@code username}, {@code password}, and every other key (such as
 * {@code maximumPoolSize}, {@code poolName}, {@code dataSource.ApplicationName}) a HikariCP property.
 *
 * @param dataSource the pool
 * @param dbType     the database type Helidon's client reports ({@code jdbc:postgresql})
 */
record HikariConnections(HikariDataSource dataSource, String dbType) implements CloseableJdbcConnectionPool {

    /** Reads a Helidon {@code connection} config node (through Helidon's own base builder) into a pool. */
    static Builder builder() {
        return new Builder();
    }

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

    /** Helidon's {@link JdbcConnectionPool.BuilderBase} (which reads the config keys) building a HikariCP pool. */
    static final class Builder extends JdbcConnectionPool.BuilderBase<Builder, HikariConnections> {

        private Builder() {
        }

        /** The pool; fails as HikariCP does when the first connection cannot be opened. */
        @Override
        public HikariConnections build() {
            if (url() == null) {
                throw new IllegalArgumentException("The Helidon connection config has no 'url'.");
            }
            HikariConfig hikari = new HikariConfig(properties());
            hikari.setJdbcUrl(url());
            if (username() != null) {
                hikari.setUsername(username());
            }
            if (password() != null) {
                hikari.setPassword(password());
            }
            return new HikariConnections(new HikariDataSource(hikari), Clients.dbType(url()));
        }
    }
}
