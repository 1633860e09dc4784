/**
 * Quarry's Vert.x transport: the reactive PostgreSQL client of Vert.x 5, non-blocking from end to end. Statements,
 * transactions, savepoints and cursors are sent on the event loop without a thread of their own; cancelling a
 * future sends PostgreSQL a cancel request and the connection goes back to the pool only once the statement has
 * ended. Select it with the provider name {@code vertx}, a {@code postgresql://} URL, or a handed-in
 * {@code io.vertx.core.Vertx}.
 *
 * <p>No package is exported: the provider is reached only through {@link dev.quarry.spi.QuarryProvider}.
 */
module dev.quarry.provider.vertx {
    requires dev.quarry.spi;
    requires io.vertx.core;
    requires io.vertx.sql.client;
    requires io.vertx.sql.client.pg;

    provides dev.quarry.spi.QuarryProvider with dev.quarry.provider.vertx.VertxProvider;
}
