package dev.quarry.spi;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
 * @param timeZone       the session time zone every connection must be set to (PostgreSQL's {@code TimeZone}),
 *                       Django's {@code TIME_ZONE}; default UTC. Date/time transforms on {@code timestamptz} are
 *                       computed in it, never in the JVM's default zone.
 * @param statementTimeout the longest a single statement may run on the server ({@code statement_timeout}), or
 *                       {@code null} for the server's default
 */
public record ConnectionConfig(String url, String user, String password, int poolSize, Duration connectTimeout,
                               Map<String, String> properties, Object native_, ZoneId timeZone,
                               Duration statementTimeout) {

    /** Validates and freezes the settings. */
    public ConnectionConfig {
        Objects.requireNonNull(url, "url");
        if (poolSize <= 0) {
            throw new IllegalArgumentException("Pool size must be strictly positive, got " + poolSize + ".");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        if (statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.isZero())) {
            throw new IllegalArgumentException("Statement timeout must be strictly positive, got " + statementTimeout + ".");
        }
    }

    /** The settings with the default time zone (UTC) and no statement timeout. */
    public ConnectionConfig(String url, String user, String password, int poolSize, Duration connectTimeout,
                            Map<String, String> properties, Object native_) {
        this(url, user, password, poolSize, connectTimeout, properties, native_, null, null);
    }
}
