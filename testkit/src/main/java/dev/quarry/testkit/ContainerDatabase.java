package dev.quarry.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A PostgreSQL in a Testcontainers container. Testcontainers is reached by reflection so that the testkit's
 * module needs no automatic-module name of it (its jars split packages, which a module path refuses).
 */
final class ContainerDatabase {

    private static final String CONTAINER = "org.testcontainers.postgresql.PostgreSQLContainer";
    private static final String IMAGE = "postgres:17-alpine";

    private ContainerDatabase() {
    }

    static boolean available() {
        try {
            Class.forName(CONTAINER, false, ContainerDatabase.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static TestDatabase start() {
        String image = TestDatabase.setting("quarry.test.image", "QUARRY_TEST_IMAGE");
        try {
            Class<?> type = Class.forName(CONTAINER, true, ContainerDatabase.class.getClassLoader());
            Object container = type.getConstructor(String.class).newInstance(image == null ? IMAGE : image);
            type.getMethod("start").invoke(container);
            String url = (String) type.getMethod("getJdbcUrl").invoke(container);
            String user = (String) type.getMethod("getUsername").invoke(container);
            String password = (String) type.getMethod("getPassword").invoke(container);
            Method stop = type.getMethod("stop");
            String fullUrl = url + (url.contains("?") ? "&" : "?") + "user=" + user;
            return TestDatabase.started(TestDatabase.Kind.DOCKER, fullUrl, user, password, () -> stop.invoke(container));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Cannot start a PostgreSQL container: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Testcontainers' PostgreSQL module is not usable: " + e, e);
        }
    }
}
