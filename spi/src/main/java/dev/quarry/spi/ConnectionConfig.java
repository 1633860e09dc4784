package dev.quarry.spi;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the user told Quarry about the database to connect to.
 *
 * @param url            the JDBC-style URL ({@code jdbc:postgresql://host:port/db?user=...})
 * @param user           user name, or {@code null} when the URL carries it
 * @param password       password, or {@code null}
 * @param poolSize       the most connections the pool may open
 * @param connectTimeout how long acquiring a connection may wait
 * @param properties     provider-specific settings (never interpreted by Quarry itself)
 * @param native_        a provider-specific object the user handed in (e.g. an existing client), or {@code null}
 */
public record ConnectionConfig(String url, String user, String password, int poolSize, Duration connectTimeout,
                               Map<String, String> properties, Object native_) {

    /** Validates and freezes the settings. */
    public ConnectionConfig {
        Objects.requireNonNull(url, "url");
        if (poolSize <= 0) {
            throw new IllegalArgumentException("Pool size must be strictly positive, got " + poolSize + ".");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
