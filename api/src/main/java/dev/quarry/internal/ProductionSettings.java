package dev.quarry.internal;

import dev.quarry.QueryListener;
import dev.quarry.Router;
import dev.quarry.spi.ConnectionConfig;

import java.time.Duration;
import java.util.Map;

/**
 * The builder's settings for seeing and routing statements.
 *
 * @param databases     the databases beside {@code "default"}, by alias, in the order they were added
 * @param router        decides the database of unrouted reads and writes, or {@code null}
 * @param listener      receives every statement's event, or {@code null}
 * @param logParameters whether events and log lines carry bound values
 * @param slowThreshold statements at least this slow are logged at WARNING, or {@code null}
 */
public record ProductionSettings(Map<String, ConnectionConfig> databases, Router router, QueryListener listener,
                                 boolean logParameters, Duration slowThreshold) {

    /** No other database, no router, no listener. */
    public static final ProductionSettings NONE = new ProductionSettings(Map.of(), null, null, false, null);

    /** Freezes the map, keeping its order. */
    public ProductionSettings {
        databases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(databases));
    }
}
