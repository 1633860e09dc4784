/**
 * Quarry's JDBC transport on virtual threads: pgjdbc (or any JDBC driver on the path) behind a HikariCP pool,
 * with the async twins running one virtual thread per operation. Select it with the provider name
 * {@code jdbc-virtual}, or let Quarry pick it for a {@code jdbc:} URL.
 *
 * <p>No package is exported: the provider is reached only through {@link dev.quarry.spi.QuarryProvider}.
 */
module dev.quarry.provider.jdbc {
    requires dev.quarry.spi;
    requires java.sql;
    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;

    provides dev.quarry.spi.QuarryProvider with dev.quarry.provider.jdbc.JdbcVirtualProvider;
}
