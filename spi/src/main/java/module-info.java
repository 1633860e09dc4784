/**
 * Quarry's service provider interface: transports ({@link dev.quarry.spi.QuarryProvider}) and SQL
 * grammars ({@link dev.quarry.spi.Dialect}), two independent axes.
 */
module dev.quarry.spi {
    exports dev.quarry.spi;
    exports dev.quarry.spi.postgresql;

    uses dev.quarry.spi.QuarryProvider;
    uses dev.quarry.spi.Dialect;

    provides dev.quarry.spi.Dialect with dev.quarry.spi.postgresql.PostgresDialect;
}
