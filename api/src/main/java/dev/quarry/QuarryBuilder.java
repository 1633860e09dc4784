package dev.quarry;

import dev.quarry.internal.QuarryImpl;
import dev.quarry.internal.ProductionSettings;
import dev.quarry.internal.meta.FieldTypes;
import dev.quarry.internal.meta.JacksonJsonCodec;
import dev.quarry.spi.ConnectionConfig;

import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings for {@link Quarry}: mutable and short-lived; what it builds is immutable and thread-safe.
 * {@snippet :
 * Quarry db = Quarry.builder().url(url).user("app").password(secret).provider("jdbc-virtual").poolSize(16).build();
 * }
 */
public final class QuarryBuilder {

    private String url;
    private String user;
    private String password;
    private String provider;
    private int poolSize = 10;
    private Duration connectTimeout = Duration.ofSeconds(30);
    private final Map<String, String> properties = new LinkedHashMap<>();
    private Object client;
    private Consumer<Throwable> callbackFailureHandler;
    private ZoneId timeZone = ZoneId.of("UTC");
    private Duration statementTimeout;
    private final Map<String, String[]> databases = new LinkedHashMap<>();
    private Router router;
    private QueryListener listener;
    private boolean logParameters;
    private Duration slowQueryThreshold;
    private JsonCodec jsonCodec;
    private final java.util.List<jakarta.persistence.AttributeConverter<?, ?>> converters = new java.util.ArrayList<>();

    QuarryBuilder() {
    }

    /** The database URL, e.g. {@code jdbc:postgresql://localhost:5432/app}. Required. */
    public QuarryBuilder url(String url) {
        this.url = Objects.requireNonNull(url, "url");
        return this;
    }

    /** The user name (else taken from the URL). */
    public QuarryBuilder user(String user) {
        this.user = user;
        return this;
    }

    /** The password (else taken from the URL). */
    public QuarryBuilder password(String password) {
        this.password = password;
        return this;
    }

    /** The provider's name ({@code "jdbc-virtual"}, {@code "helidon"}); by default the one accepting the URL. */
    public QuarryBuilder provider(String name) {
        this.provider = name;
        return this;
    }

    /** The most connections the pool may open (default 10). */
    public QuarryBuilder poolSize(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("Pool size must be strictly positive, got " + size + ".");
        }
        this.poolSize = size;
        return this;
    }

    /** How long borrowing a connection may wait (default 30 s). */
    public QuarryBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * The session time zone of every connection (default {@code UTC}), Django's {@code TIME_ZONE}: date and time
     * transforms ({@code __date}, {@code __year}, {@code __hour}...) on {@code timestamptz} columns are computed
     * in it, whatever the JVM's default zone is.
     */
    public QuarryBuilder timeZone(ZoneId zone) {
        this.timeZone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /**
     * The longest any single statement may run on the server (PostgreSQL's {@code statement_timeout}); by
     * default the server's own setting. A statement that runs longer fails with a {@link DatabaseException}.
     */
    public QuarryBuilder statementTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Statement timeout must be strictly positive, got " + timeout + ".");
        }
        this.statementTimeout = timeout;
        return this;
    }

    /**
     * Replaces the codec of JSON fields (default: Jackson, with {@code java.time} support), e.g. to use a
     * configured {@code ObjectMapper} or JSON-B.
     */
    public QuarryBuilder jsonCodec(JsonCodec codec) {
        this.jsonCodec = Objects.requireNonNull(codec, "codec");
        return this;
    }

    /**
     * Registers a {@code @Converter(autoApply = true)} JPA converter: every model field of its attribute type is
     * stored through it (unless the field says {@code @Convert(disableConversion = true)}). Converters named by
     * {@code @Convert(converter = X.class)} on a field need no registration.
     * {@snippet :
     * @Converter(autoApply = true)
     * public class MoneyConverter implements AttributeConverter<Money, String> { ... }
     *
     * Quarry db = Quarry.builder().url(url).converter(new MoneyConverter()).build();
     * }
     *
     * @throws IllegalArgumentException when the converter is not annotated {@code @Converter(autoApply = true)}
     */
    public QuarryBuilder converter(jakarta.persistence.AttributeConverter<?, ?> converter) {
        Objects.requireNonNull(converter, "converter");
        jakarta.persistence.Converter marker = converter.getClass().getAnnotation(jakarta.persistence.Converter.class);
        if (marker == null || !marker.autoApply()) {
            throw new IllegalArgumentException(converter.getClass().getName() + " must be annotated "
                    + "@Converter(autoApply = true) to be registered; name other converters with @Convert(converter = ...).");
        }
        converters.add(converter);
        return this;
    }

    /** A provider-specific setting, passed through untouched. */
    public QuarryBuilder property(String key, String value) {
        properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** A provider-specific client the user already has (e.g. a Helidon {@code DbClient}). */
    public QuarryBuilder client(Object client) {
        this.client = client;
        return this;
    }

    /** Receives the exceptions of failing {@link Transaction#onCommit} callbacks (default: logged). */
    public QuarryBuilder onCallbackFailure(Consumer<Throwable> handler) {
        this.callbackFailureHandler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Adds a database under {@code alias} (Django's {@code DATABASES}): same provider, its own pool, with this
     * builder's user and password (unless given with {@link #database(String, String, String, String)}), pool size,
     * timeouts, time zone and properties. The builder's own
     * {@link #url(String)} is {@code "default"}. Reach it with {@link QuerySet#using(String)}, a {@link Router}, or
     * {@link Quarry#atomic(String, java.util.function.Function)}.
     * {@snippet :
     * Quarry db = Quarry.builder().url("jdbc:postgresql://primary/app")
     *         .database("replica", "jdbc:postgresql://replica/app")
     *         .build();
     * long n = db.objects(Article.class).using("replica").count();
     * }
     */
    public QuarryBuilder database(String alias, String url) {
        return database(alias, url, null, null);
    }

    /** {@link #database(String, String)} with its own credentials. */
    public QuarryBuilder database(String alias, String url, String user, String password) {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(url, "url");
        if (alias.isBlank() || !alias.equals(alias.strip())) {
            throw new IllegalArgumentException("A database alias must be a non-blank name without surrounding spaces, got '"
                    + alias + "'.");
        }
        if (Quarry.DEFAULT_DATABASE.equals(alias)) {
            throw new IllegalArgumentException("The alias 'default' is the builder's own url(...); choose another alias.");
        }
        if (databases.containsKey(alias)) {
            throw new IllegalArgumentException("The database alias '" + alias + "' is already configured.");
        }
        databases.put(alias, new String[] {url, user, password});
        return this;
    }

    /** Decides the database of reads and writes that name none (Django's {@code DATABASE_ROUTERS}). */
    public QuarryBuilder router(Router router) {
        this.router = Objects.requireNonNull(router, "router");
        return this;
    }

    /**
     * Receives a {@link QueryEvent} after every statement on every database. Statements are also logged through
     * {@code System.Logger} {@code dev.quarry.sql} at DEBUG, whether or not a listener is set.
     */
    public QuarryBuilder listener(QueryListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Whether {@link QueryEvent#parameters()} and the {@code dev.quarry.sql} log lines carry the bound values
     * (default {@code false}: they may hold personal data).
     */
    public QuarryBuilder logParameters(boolean on) {
        this.logParameters = on;
        return this;
    }

    /** Statements taking at least this long are logged at WARNING on {@code dev.quarry.sql} (default: never). */
    public QuarryBuilder slowQueryThreshold(Duration threshold) {
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("The slow query threshold cannot be negative, got " + threshold + ".");
        }
        this.slowQueryThreshold = threshold;
        return this;
    }

    /** Opens the pool. Fails with a message listing the available providers when none fits. */
    public Quarry build() {
        if (url == null) {
            throw new IllegalStateException("A URL is required: Quarry.builder().url(\"jdbc:postgresql://host/db\").");
        }
        ConnectionConfig config = new ConnectionConfig(url, user, password, poolSize, connectTimeout, properties, client,
                timeZone, statementTimeout);
        Map<String, ConnectionConfig> others = new LinkedHashMap<>();
        databases.forEach((alias, d) -> others.put(alias, new ConnectionConfig(d[0], d[1] != null ? d[1] : user,
                d[1] != null ? d[2] : password, poolSize, connectTimeout, properties, null, timeZone, statementTimeout)));
        FieldTypes types = new FieldTypes(jsonCodec != null ? jsonCodec : new JacksonJsonCodec(), converters, timeZone);
        return QuarryImpl.open(config, provider, callbackFailureHandler,
                new ProductionSettings(others, router, listener, logParameters, slowQueryThreshold), types);
    }
}
