package dev.quarry.provider.vertx;

import dev.quarry.spi.ConnectionConfig;
import dev.quarry.spi.Database;
import dev.quarry.spi.QuarryProvider;
import io.vertx.core.Vertx;

/**
 * The {@code vertx} transport: the Vert.x reactive PostgreSQL client, non-blocking from end to end.
 *
 * <p><b>Selection.</b> It is chosen by name, by libpq's URL scheme, or by a handed-in {@link Vertx}:
 * {@snippet :
 * Quarry a = Quarry.connect("postgresql://app:secret@localhost:5432/app");             // its own scheme
 * Quarry b = Quarry.builder().url("jdbc:postgresql://localhost/app?user=app").provider("vertx").build();
 * Quarry c = Quarry.builder().url("postgresql://localhost/app").user("app").client(vertx).build();  // your Vertx
 * }
 * A {@code jdbc:postgresql:} URL alone stays with {@code jdbc-virtual}, so adding this jar beside it leaves
 * {@code Quarry.connect(jdbcUrl)} unambiguous. The URL's forms and parameters, and the properties it reads, are
 * those of {@link ConnectOptions}.
 */
public final class VertxProvider implements QuarryProvider {

    /** The name users select this provider by. */
    public static final String NAME = "vertx";

    /** Called by {@link java.util.ServiceLoader}. */
    public VertxProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Accepts a {@code postgresql://} or {@code postgres://} URL without a handed-in client, and any PostgreSQL URL
     * with a handed-in {@link Vertx}.
     */
    @Override
    public boolean accepts(ConnectionConfig config) {
        if (config.native_() != null) {
            return config.native_() instanceof Vertx
                    && (ConnectOptions.isOwnScheme(config.url()) || config.url().startsWith("jdbc:postgresql://"));
        }
        return ConnectOptions.isOwnScheme(config.url());
    }

    /**
     * Opens the pool.
     *
     * @throws IllegalArgumentException when the URL, a URL parameter, a property or the handed-in client is not one
     *                                  this provider understands (the message lists the valid ones)
     * @throws dev.quarry.spi.DriverException when the database cannot be reached
     */
    @Override
    public Database open(ConnectionConfig config) {
        if (config.native_() != null && !(config.native_() instanceof Vertx)) {
            throw new IllegalArgumentException("The vertx provider takes an io.vertx.core.Vertx as its client, got a "
                    + config.native_().getClass().getName() + ".");
        }
        return VertxDatabase.open(config);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
