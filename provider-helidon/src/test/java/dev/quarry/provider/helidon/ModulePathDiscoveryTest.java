package dev.quarry.provider.helidon;

import dev.quarry.spi.QuarryProvider;
import dev.quarry.testkit.ModulePath;
import dev.quarry.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider is found by {@link ServiceLoader} on the class path (this JVM) and on the module path: a child JVM
 * given only the SPI, the provider, Helidon's DB client modules and their dependencies as modules opens a pool
 * from a URL and from a Helidon config (whose HikariCP pool Quarry builds from the config), and runs statements.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ModulePathDiscoveryTest {

    private static final String MODULE = "dev.quarry.provider.helidon";

    @Test
    void theProviderIsFoundOnTheClassPath() {
        List<QuarryProvider> providers = ServiceLoader.load(QuarryProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        QuarryProvider helidon = providers.stream().filter(p -> p.name().equals("helidon")).findFirst()
                .orElseThrow(() -> new AssertionError("found only " + providers));
        assertEquals(HelidonProvider.class, helidon.getClass());
        assertFalse(helidon.getClass().getModule().isNamed(), "the test JVM runs on the class path");
    }

    @Test
    void theModuleDeclaresItsProvider() throws Exception {
        String output = ModulePath.describe(modulePath(), MODULE);
        assertTrue(output.contains("provides dev.quarry.spi.QuarryProvider with dev.quarry.provider.helidon.HelidonProvider"),
                output);
        assertTrue(output.contains("requires io.helidon.dbclient.jdbc"), output);
        assertTrue(output.contains("uses io.helidon.dbclient.spi.DbClientServiceProvider"), output);
    }

    @Test
    void theProviderWorksOnTheModulePathFromAUrlAndFromAHelidonConfig(@TempDir Path work) throws Exception {
        String moduleInfo = """
                module probe {
                    requires dev.quarry.spi;
                    requires io.helidon.config;
                    uses dev.quarry.spi.QuarryProvider;
                }
                """;
        String probe = """
                package probe;

                import dev.quarry.spi.*;
                import io.helidon.config.ConfigSources;
                import java.time.Duration;
                import java.util.*;

                public class Probe {
                    public static void main(String[] args) {
                        String url = args[0];
                        String user = args.length > 1 ? args[1] : null;
                        String password = args.length > 2 ? args[2] : null;
                        Map<String, String> db = new HashMap<>(Map.of("db.connection.url", url));
                        if (user != null) {
                            db.put("db.connection.username", user);
                        }
                        if (password != null) {
                            db.put("db.connection.password", password);
                        }
                        io.helidon.config.Config helidon = io.helidon.config.Config.just(ConfigSources.create(db));
                        for (QuarryProvider p : ServiceLoader.load(ModuleLayer.boot(), QuarryProvider.class)) {
                            System.out.println("provider " + p.name() + " module=" + p.getClass().getModule().getName());
                            probe("url", p, new ConnectionConfig(url, user, password, 1, Duration.ofSeconds(10), Map.of(), null));
                            probe("config", p, new ConnectionConfig(url, null, null, 1, Duration.ofSeconds(10), Map.of(), helidon));
                        }
                    }

                    static void probe(String how, QuarryProvider p, ConnectionConfig config) {
                        System.out.println(how + " accepts " + p.accepts(config));
                        try (Database db = p.open(config)) {
                            Connection c = db.acquire();
                            c.begin(TxOptions.DEFAULT);
                            List<Long> rows = c.query(new Statement("SELECT ?::bigint + 1", List.of(41L)),
                                    r -> r.get(1, Long.class));
                            c.commit();
                            c.close();
                            System.out.println(how + " query " + rows);
                        }
                    }
                }
                """;
        TestDatabase database = TestDatabase.instance();
        List<String> args = new ArrayList<>(List.of(database.url()));
        if (database.user() != null) {
            args.add(database.user());
            if (database.password() != null) {
                args.add(database.password());
            }
        }
        String output = ModulePath.probe(work, modulePath(), moduleInfo, probe, args);

        assertTrue(output.contains("provider helidon module=" + MODULE), output);
        assertTrue(output.contains("url accepts false"), "a bare URL is left to other providers: " + output);
        assertTrue(output.contains("url query [42]"), output);
        assertTrue(output.contains("config accepts true"), output);
        assertTrue(output.contains("config query [42]"), output);
    }

    /**
     * The SPI, the provider's classes and its runtime dependencies (Helidon's DB client and JDBC client modules,
     * the Helidon modules they require, pgjdbc, HikariCP, SLF4J), plus Helidon config for the probe,
     * wherever this JVM loaded them from. No test classes, no JUnit, no api.
     */
    private static String modulePath() {
        return ModulePath.of(List.of("dev.quarry.spi.QuarryProvider", "dev.quarry.provider.helidon.HelidonProvider",
                "io.helidon.dbclient.DbClient", "io.helidon.dbclient.jdbc.JdbcClientBuilder",
                "io.helidon.common.HelidonServiceLoader", "io.helidon.service.registry.RegistryMetrics",
                "io.helidon.service.metadata.Descriptors", "io.helidon.metadata.hson.Hson",
                "io.helidon.metadata.MetadataDiscovery", "io.helidon.spi.HelidonStartupProvider",
                "io.helidon.common.types.TypedElementInfo", "io.helidon.logging.common.MdcSupplierPropagator",
                "io.helidon.common.buffers.CompositeListBufferData",
                "io.helidon.common.config.Config", "io.helidon.common.context.Context",
                "io.helidon.common.mapper.MapperManager", "io.helidon.builder.api.Prototype",
                "io.helidon.common.features.api.Feature", "io.helidon.config.Config",
                "io.helidon.common.media.type.MediaType", "org.postgresql.Driver", "com.zaxxer.hikari.HikariDataSource",
                "org.slf4j.LoggerFactory", "org.slf4j.nop.NOPServiceProvider"), List.of());
    }
}
