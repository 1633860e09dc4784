package dev.quarry.cdi;

import dev.quarry.Quarry;
import dev.quarry.QuarryBuilder;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a {@link QuarryBuilder}'s settings from MicroProfile Config, under the prefix {@code quarry}:
 * <pre>
 * quarry.url=jdbc:postgresql://primary:5432/app        (required)
 * quarry.user=app
 * quarry.password=${DB_PASSWORD}
 * quarry.provider=jdbc-virtual                         (default: the one accepting the URL)
 * quarry.pool-size=16
 * quarry.connect-timeout=PT30S                         (ISO-8601 durations)
 * quarry.statement-timeout=PT5S
 * quarry.time-zone=UTC
 * quarry.slow-query-threshold=PT0.2S
 * quarry.log-parameters=false
 * quarry.databases=replica,reporting                   (more aliases, each with its url, user and password)
 * quarry.database.replica.url=jdbc:postgresql://replica:5432/app
 * quarry.database.replica.user=reader
 * quarry.database.replica.password=...
 * quarry.property.prepareThreshold=0                   (provider properties, passed through)
 * </pre>
 */
public final class QuarrySettings {

    /** The prefix of every key. */
    public static final String PREFIX = "quarry.";

    private QuarrySettings() {
    }

    /** A builder with every setting {@code config} has; fails naming the key when one is missing or malformed. */
    public static QuarryBuilder builder(Config config) {
        QuarryBuilder b = Quarry.builder().url(config.getOptionalValue(PREFIX + "url", String.class).orElseThrow(() ->
                new IllegalStateException("MicroProfile Config has no 'quarry.url'; set it to the database's JDBC URL, "
                        + "e.g. quarry.url=jdbc:postgresql://localhost:5432/app")));
        string(config, "user").ifPresent(b::user);
        string(config, "password").ifPresent(b::password);
        string(config, "provider").ifPresent(b::provider);
        config.getOptionalValue(PREFIX + "pool-size", Integer.class).ifPresent(b::poolSize);
        duration(config, "connect-timeout").ifPresent(b::connectTimeout);
        duration(config, "statement-timeout").ifPresent(b::statementTimeout);
        duration(config, "slow-query-threshold").ifPresent(b::slowQueryThreshold);
        string(config, "time-zone").map(ZoneId::of).ifPresent(b::timeZone);
        config.getOptionalValue(PREFIX + "log-parameters", Boolean.class).ifPresent(b::logParameters);
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX + "property.")) {
                b.property(name.substring((PREFIX + "property.").length()), config.getValue(name, String.class));
            }
        }
        for (String alias : config.getOptionalValues(PREFIX + "databases", String.class).orElse(java.util.List.of())) {
            String key = "database." + alias.strip() + ".";
            String url = string(config, key + "url").orElseThrow(() -> new IllegalStateException("quarry.databases lists '"
                    + alias.strip() + "' but MicroProfile Config has no 'quarry." + key + "url'."));
            b.database(alias.strip(), url, string(config, key + "user").orElse(null), string(config, key + "password").orElse(null));
        }
        return b;
    }

    private static Optional<String> string(Config config, String key) {
        return config.getOptionalValue(PREFIX + key, String.class);
    }

    private static Optional<Duration> duration(Config config, String key) {
        return string(config, key).map(text -> {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("'quarry." + key + "' must be an ISO-8601 duration such as PT5S, got '"
                        + text + "'.", e);
            }
        });
    }
}
