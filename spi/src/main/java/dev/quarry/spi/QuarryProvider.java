package dev.quarry.spi;

/**
 * A transport: how statements reach the database. Discovered with {@link java.util.ServiceLoader};
 * register it both with {@code provides dev.quarry.spi.QuarryProvider with ...} in module-info and in
 * {@code META-INF/services/dev.quarry.spi.QuarryProvider}.
 *
 * <p>A provider knows connections, statements, rows and transactions. It knows no SQL grammar: the SQL it
 * receives was written by a {@link Dialect}, with {@code ?} placeholders (a driver that numbers its
 * parameters rewrites them with {@link Placeholders#numbered(String)}).
 */
public interface QuarryProvider {

    /** The name users select this provider by, e.g. {@code "jdbc-virtual"}. */
    String name();

    /**
     * Whether this provider can connect with these settings (usually a check of the URL scheme). When the
     * user names no provider, Quarry keeps the providers that accept the configuration and fails when none
     * or several do.
     */
    boolean accepts(ConnectionConfig config);

    /** Opens a pool of connections. Called once per {@code Quarry} instance. */
    Database open(ConnectionConfig config);
}
