package dev.quarry.examples.blog;

import dev.quarry.Quarry;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.Status;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Helidon SE 4 web server with a small blog API on Quarry's async API.
 *
 * <p>Configuration (Helidon Config: {@code application.yaml}, overridden by environment variables such as
 * {@code SERVER_PORT} and {@code DB_CONNECTION_URL}, and by system properties such as {@code -Dserver.port=9090}):
 * <ul>
 *   <li>{@code server.port} (default 8080; 0 picks a free port), {@code server.host};</li>
 *   <li>{@code db}: Helidon DB Client's section as Helidon documents it ({@code source: jdbc}, {@code connection}
 *       with {@code url}, {@code username}, {@code password} and HikariCP's settings, {@code services}), handed
 *       to Quarry with {@code Quarry.builder().client(config.get("db"))}. Without {@code db.connection.url} the
 *       environment variable {@code QUARRY_URL} is used, else an embedded PostgreSQL started for the life of the
 *       server;</li>
 *   <li>{@code blog.reset} drops the blog's tables first (default false), {@code blog.seed} inserts the sample
 *       data into empty tables (default true).</li>
 * </ul>
 * {@snippet :
 * try (BlogApp app = BlogApp.start(Config.create())) {
 *     System.out.println("http://localhost:" + app.port() + "/api/articles");
 * }
 * }
 */
public final class BlogApp implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BlogApp.class.getName());

    private final WebServer server;
    private final Quarry db;
    private final EmbeddedPostgres embedded;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BlogApp(WebServer server, Quarry db, EmbeddedPostgres embedded) {
        this.server = server;
        this.db = db;
        this.embedded = embedded;
    }

    /**
     * Starts the server with {@code application.yaml}, environment variables and system properties; stops it
     * (and the embedded PostgreSQL, if any) when the JVM exits.
     *
     * @param args ignored; configure with {@code SERVER_PORT}, {@code QUARRY_URL}, {@code -Dserver.port=...}
     */
    public static void main(String[] args) {
        LogConfig.configureRuntime();                      // logging.properties, through helidon-logging-jul
        BlogApp app = start(Config.create());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("blog-stop").unstarted(app::close));
        System.out.println("Quarry blog on Helidon SE is up: http://localhost:" + app.port() + "/api/articles"
                + " (" + app.db.features() + "; press Ctrl+C to stop)");
    }

    /**
     * Connects (or starts an embedded PostgreSQL), creates the schema, seeds it and starts the web server.
     *
     * @param config the root configuration, with {@code server} and {@code db} sections
     * @return the running application; close it to stop everything
     */
    public static BlogApp start(Config config) {
        String url = config.get("db.connection.url").asString().filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("QUARRY_URL")).filter(s -> !s.isBlank()))
                .orElse(null);
        EmbeddedPostgres embedded = null;
        if (url == null) {
            LOG.log(System.Logger.Level.INFO, "Neither db.connection.url nor QUARRY_URL is set: starting an embedded PostgreSQL");
            embedded = startEmbedded();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        Quarry db = null;
        try {
            // Helidon's "db" section (pool, client services) goes to Quarry as it is: quarry-provider-helidon
            // builds its Helidon DbClient from it. The URL also picks Quarry's SQL dialect.
            // Quarry's own listener times every statement (BEGIN/COMMIT and cursors too) into Helidon metrics
            db = Quarry.builder().url(url).client(withUrl(config, url).get("db")).listener(new StatementTimers()).build();
            Config blog = config.get("blog");
            if (blog.get("reset").asBoolean().orElse(false)) {
                Seed.drop(db);
            }
            Seed.create(db);
            if (blog.get("seed").asBoolean().orElse(true) && Seed.seedIfEmpty(db)) {
                LOG.log(System.Logger.Level.INFO, "Seeded 3 authors, 4 tags and 8 articles");
            }
            Quarry quarry = db;
            WebServer server = WebServer.builder()
                    .config(config.get("server"))
                    .routing(routing -> routing(routing, quarry))
                    .build()
                    .start();
            return new BlogApp(server, db, embedded);
        } catch (RuntimeException | Error e) {
            if (db != null) {
                db.close();
            }
            stopEmbedded(embedded);
            throw e;
        }
    }

    /** {@code config} with {@code db.connection.url} set to {@code url} (from QUARRY_URL or the embedded server). */
    private static Config withUrl(Config config, String url) {
        if (config.get("db.connection.url").asString().filter(s -> !s.isBlank()).isPresent()) {
            return config;
        }
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("db.connection.url", url)))
                .addSource(ConfigSources.create(config))
                .build();
    }

    /** The routes: {@code /api/articles}, {@code /api/authors}, {@code /api/tags}, {@code /api/stats}. */
    static void routing(HttpRouting.Builder routing, Quarry db) {
        routing.register("/api/articles", new ArticleService(db))
                .register("/api/authors", new AuthorService(db))
                .register("/api", new StatsService(db))
                .get("/", (req, res) -> res.send(Json.createObjectBuilder().add("endpoints", Json.createArrayBuilder()
                        .add("GET /api/articles?status=&author=&tag=&q=&order=&limit=&offset=&<field>__<lookup>=")
                        .add("POST /api/articles").add("GET|PATCH|DELETE /api/articles/{id}")
                        .add("POST /api/articles/{id}/view")
                        .add("GET|POST /api/authors").add("GET|DELETE /api/authors/{id}")
                        .add("GET /api/tags").add("GET /api/stats").add("GET /observe/metrics")).build()));
        Errors.register(routing);
    }

    /** @return the port the server listens on (the chosen one when configured with 0) */
    public int port() {
        return server.port();
    }

    /** @return the Quarry the handlers use */
    public Quarry db() {
        return db;
    }

    /** Stops the server, closes the pool and stops the embedded PostgreSQL, if any; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop();
        } finally {
            try {
                db.close();
            } finally {
                stopEmbedded(embedded);
            }
        }
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start an embedded PostgreSQL; set QUARRY_URL or db.connection.url instead", e);
        }
    }

    private static void stopEmbedded(EmbeddedPostgres embedded) {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not stop the embedded PostgreSQL cleanly", e);
        }
    }
}
