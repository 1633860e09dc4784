package dev.quarry.provider.vertx;

import dev.quarry.spi.ConnectionConfig;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@link ConnectionConfig} into the Vert.x pg client's {@link PgConnectOptions} and this provider's own
 * settings. Two URL forms are understood:
 * <ul>
 *   <li>{@code postgresql://[user[:password]@]host[:port]/database[?...]} (or {@code postgres://}), libpq's
 *       connection URI, which selects this provider on its own;</li>
 *   <li>{@code jdbc:postgresql://host[:port]/database[?...]}, used when the provider is named or a {@code Vertx}
 *       is handed in.</li>
 * </ul>
 * Query parameters: {@code user}, {@code password}, {@code currentSchema} (or {@code search_path}),
 * {@code ApplicationName} (or {@code application_name}), {@code sslmode}
 * ({@code disable allow prefer require verify-ca verify-full}). Any other parameter fails, naming the valid ones:
 * a setting this client would silently ignore is a bug waiting to happen.
 *
 * <p>The session is set up in the startup packet, so no statement is spent on it: {@code TimeZone} from
 * {@link ConnectionConfig#timeZone()} and {@code statement_timeout} from {@link ConnectionConfig#statementTimeout()}.
 */
final class ConnectOptions {

    /** Keys of {@link ConnectionConfig#properties()} this provider reads. */
    static final String EVENT_LOOPS = "vertx.eventLoops";
    static final String CACHE_PREPARED = "vertx.cachePreparedStatements";
    static final String CACHE_SIZE = "vertx.preparedStatementCacheMaxSize";
    private static final Set<String> PROPERTIES = Set.of(EVENT_LOOPS, CACHE_PREPARED, CACHE_SIZE);
    private static final Set<String> URL_PARAMETERS = Set.of("user", "password", "currentSchema", "search_path",
            "ApplicationName", "application_name", "sslmode");

    private ConnectOptions() {
    }

    /** Whether {@code url} is libpq's connection URI, this provider's own scheme. */
    static boolean isOwnScheme(String url) {
        return url.startsWith("postgresql://") || url.startsWith("postgres://");
    }

    /** The pg client's options for {@code config}. */
    static PgConnectOptions of(ConnectionConfig config) {
        checkProperties(config.properties());
        String url = config.url();
        String uriText;
        if (url.startsWith("jdbc:postgresql://")) {
            uriText = url.substring("jdbc:".length());
        } else if (isOwnScheme(url)) {
            uriText = url;
        } else {
            throw new IllegalArgumentException("The vertx provider needs a URL postgresql://host:port/database or "
                    + "jdbc:postgresql://host:port/database, got '" + Errors.redact(url) + "'.");
        }
        URI uri;
        try {
            uri = new URI(uriText);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Malformed database URL '" + Errors.redact(url) + "': " + e.getMessage(), e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The database URL '" + Errors.redact(url)
                    + "' names no host (one host only: the vertx provider has no multi-host failover).");
        }
        Map<String, String> query = query(uri.getRawQuery(), url);
        PgConnectOptions options = new PgConnectOptions()
                .setHost(uri.getHost())
                .setPort(uri.getPort() > 0 ? uri.getPort() : PgConnectOptions.DEFAULT_PORT);
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            options.setDatabase(path.substring(1));
        }
        String[] userInfo = uri.getUserInfo() == null ? new String[0] : uri.getUserInfo().split(":", 2);
        String user = first(config.user(), query.get("user"), userInfo.length > 0 ? userInfo[0] : null);
        String password = first(config.password(), query.get("password"), userInfo.length > 1 ? userInfo[1] : null);
        if (user != null) {
            options.setUser(user);
        }
        if (password != null) {
            options.setPassword(password);
        }
        if (query.containsKey("sslmode")) {
            options.setSslMode(sslMode(query.get("sslmode")));
        }
        options.setCachePreparedStatements(Boolean.parseBoolean(config.properties().getOrDefault(CACHE_PREPARED, "true")));
        if (config.properties().containsKey(CACHE_SIZE)) {
            options.setPreparedStatementCacheMaxSize(positive(config.properties(), CACHE_SIZE));
        }
        Map<String, String> session = new HashMap<>(options.getProperties());
        session.put("TimeZone", timeZone(config.timeZone()));
        if (config.statementTimeout() != null) {
            session.put("statement_timeout", Long.toString(config.statementTimeout().toMillis()));
        }
        String schema = first(query.get("currentSchema"), query.get("search_path"), null);
        if (schema != null) {
            session.put("search_path", schema);
        }
        String application = first(query.get("ApplicationName"), query.get("application_name"), null);
        session.put("application_name", application != null ? application : "quarry-vertx");
        options.setProperties(session);
        return options;
    }

    /** How many event loops the pool spreads its connections over (default: one per CPU, at most the pool size). */
    static int eventLoops(ConnectionConfig config) {
        if (config.properties().containsKey(EVENT_LOOPS)) {
            return positive(config.properties(), EVENT_LOOPS);
        }
        return Math.max(1, Math.min(config.poolSize(), Runtime.getRuntime().availableProcessors()));
    }

    /**
     * PostgreSQL's spelling of a zone: a region's id as it is ({@code Europe/Paris}), {@code UTC} for UTC, and a
     * fixed offset in POSIX form ({@code <+05:30>-05:30}), whose sign is the opposite of ISO 8601's.
     */
    static String timeZone(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (normalized instanceof ZoneOffset offset) {
            if (offset.getTotalSeconds() == 0) {
                return "UTC";
            }
            int seconds = offset.getTotalSeconds();
            String iso = offset.getId();
            int abs = Math.abs(seconds);
            String posix = (seconds > 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d:%02d:%02d", abs / 3600,
                    abs / 60 % 60, abs % 60);
            return "<" + iso + ">" + posix;
        }
        return zone.getId();
    }

    private static SslMode sslMode(String value) {
        try {
            return SslMode.of(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unknown sslmode '" + value
                    + "'; choose one of: disable, allow, prefer, require, verify-ca, verify-full.", e);
        }
    }

    private static void checkProperties(Map<String, String> properties) {
        for (String key : properties.keySet()) {
            if (!PROPERTIES.contains(key)) {
                throw new IllegalArgumentException("Unknown property '" + key + "' for the vertx provider; valid ones: "
                        + String.join(", ", new TreeSet<>(PROPERTIES)) + ".");
            }
        }
    }

    private static int positive(Map<String, String> properties, String key) {
        String value = properties.get(key);
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("Property " + key + " must be a strictly positive integer, got '" + value + "'.");
    }

    private static Map<String, String> query(String rawQuery, String url) {
        Map<String, String> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!URL_PARAMETERS.contains(key)) {
                throw new IllegalArgumentException("Unknown parameter '" + key + "' in the database URL '"
                        + Errors.redact(url) + "' for the vertx provider; valid ones: "
                        + String.join(", ", new TreeSet<>(URL_PARAMETERS)) + ".");
            }
            result.put(key, value);
        }
        return result;
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
