package dev.quarry.provider.helidon;

import dev.quarry.spi.ConnectionConfig;
import dev.quarry.spi.Database;
import dev.quarry.spi.QuarryProvider;
import io.helidon.common.config.Config;
import io.helidon.dbclient.DbClient;

/**
 * The {@code helidon} transport: statements run through a Helidon DB Client 4 {@link DbClient} (JDBC).
 *
 * <p><b>Selection.</b> A bare URL never selects this provider, so adding it beside {@code jdbc-virtual} leaves
 * {@code Quarry.connect(url)} unambiguous. It is chosen when named, or when the user hands in a Helidon object:
 * {@snippet :
 * Quarry a = Quarry.builder().url(url).provider("helidon").poolSize(16).build();   // by name: Quarry's settings
 * Quarry b = Quarry.builder().url(url).client(config.get("db")).build();          // a Helidon Config "db" node
 * Quarry c = Quarry.builder().url(url).client(dbClient).build();                  // an existing DbClient
 * }
 * The URL always picks the SQL dialect; with a {@code Config} or a {@code DbClient}, the connections come from
 * that object (see {@link HelidonDatabase} for what is taken from where).
 */
public final class HelidonProvider implements QuarryProvider {

    /** The name users select this provider by. */
    public static final String NAME = "helidon";

    /** Called by {@link java.util.ServiceLoader}. */
    public HelidonProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Accepts only a configuration carrying a Helidon {@link DbClient} or {@link Config} (given with
     * {@code Quarry.builder().client(...)}): a bare URL is left to the other providers.
     */
    @Override
    public boolean accepts(ConnectionConfig config) {
        return config.native_() instanceof DbClient || config.native_() instanceof Config;
    }

    /**
     * Opens the pool: builds a Helidon JDBC client from the URL and credentials, from the handed-in
     * {@link Config}, or over the handed-in {@link DbClient}'s connections.
     *
     * @throws IllegalArgumentException when the handed-in object is neither a {@code Config} nor a JDBC
     *                                  {@code DbClient}
     * @throws dev.quarry.spi.DriverException when the database cannot be reached
     */
    @Override
    public Database open(ConnectionConfig config) {
        return HelidonDatabase.open(config);
    }

    @Override
    public String toString() {
        return NAME;
    }
}
