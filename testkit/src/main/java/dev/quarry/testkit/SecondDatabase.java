package dev.quarry.testkit;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A second database for tests of several databases ({@code QuarryBuilder.database(alias, url)}): a schema of its
 * own on the {@link TestDatabase}'s server, reached through a URL whose {@code currentSchema} is that schema, so
 * it has its own tables and its own pool like another database would. Works wherever the TCK runs (a given URL,
 * Docker, embedded), because it needs no {@code CREATE DATABASE} rights. Close it to drop the schema.
 * {@snippet :
 * try (SecondDatabase other = SecondDatabase.create(TestDatabase.instance())) {
 *     Quarry db = Quarry.builder().url(main.url()).database("other", other.url()).build();
 * }
 * }
 */
public final class SecondDatabase implements AutoCloseable {

    private final TestDatabase server;
    private final String schema;
    private final String url;

    private SecondDatabase(TestDatabase server, String schema, String url) {
        this.server = server;
        this.schema = schema;
        this.url = url;
    }

    /** Creates a fresh schema on {@code server}'s database. */
    public static SecondDatabase create(TestDatabase server) throws SQLException {
        String schema = "quarry_tck_other_" + ProcessHandle.current().pid() + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 30), 36);
        try (var c = server.jdbc(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return new SecondDatabase(server, schema, withCurrentSchema(server.url(), schema));
    }

    /** {@code url} with its {@code currentSchema} parameter set to {@code schema} (replaced if it had one). */
    static String withCurrentSchema(String url, String schema) {
        int q = url.indexOf('?');
        StringBuilder b = new StringBuilder(q < 0 ? url : url.substring(0, q)).append('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                if (!pair.isEmpty() && !pair.startsWith("currentSchema=")) {
                    b.append(pair).append('&');
                }
            }
        }
        return b.append("currentSchema=").append(schema).toString();
    }

    /** The URL of the second database (same user and password as the {@link TestDatabase}). */
    public String url() {
        return url;
    }

    /** A JDBC connection to the second database, for setup and checks beside the provider under test. */
    public java.sql.Connection jdbc() throws SQLException {
        return server.user() == null ? java.sql.DriverManager.getConnection(url)
                : java.sql.DriverManager.getConnection(url, server.user(), server.password());
    }

    /** The schema's name. */
    public String schema() {
        return schema;
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() throws SQLException {
        try (var c = server.jdbc(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
