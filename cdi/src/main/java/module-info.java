/**
 * Quarry for CDI (Helidon MP, any Jakarta EE 10+ server): {@code @Inject Quarry} and {@code @Inject Manager<T>},
 * configured from MicroProfile Config ({@link dev.quarry.cdi.QuarrySettings}), and a MicroProfile Health readiness
 * check. Beans are found by the container's bean discovery ({@code META-INF/beans.xml}), not by ServiceLoader.
 */
module dev.quarry.cdi {
    requires transitive dev.quarry.api;
    requires transitive jakarta.cdi;
    requires transitive jakarta.inject;
    requires transitive microprofile.config.api;
    requires microprofile.health.api;

    exports dev.quarry.cdi;

    // the container proxies and injects the beans reflectively
    opens dev.quarry.cdi;
}
