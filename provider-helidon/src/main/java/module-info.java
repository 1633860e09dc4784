/**
 * Quarry's Helidon DB Client transport: every statement goes through a Helidon 4 {@code DbClient} (JDBC, with
 * HikariCP), so Helidon's client services (metrics, tracing) see it; transactions are Helidon
 * {@code DbTransaction}s, and the async twins run one virtual thread per operation. Select it with the provider
 * name {@code helidon}, or hand Quarry a Helidon {@code Config} or {@code DbClient} with
 * {@code Quarry.builder().client(...)}.
 *
 * <p>No package is exported: the provider is reached only through {@link dev.quarry.spi.QuarryProvider}.
 */
module dev.quarry.provider.helidon {
    requires dev.quarry.spi;
    requires java.sql;
    requires io.helidon.common;
    requires io.helidon.common.config;
    requires io.helidon.common.context;
    requires io.helidon.dbclient;
    requires io.helidon.dbclient.jdbc;
    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;

    uses io.helidon.dbclient.spi.DbClientServiceProvider;

    provides dev.quarry.spi.QuarryProvider with dev.quarry.provider.helidon.HelidonProvider;
}
