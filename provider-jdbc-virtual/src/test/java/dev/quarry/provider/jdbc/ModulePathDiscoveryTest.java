package dev.quarry.provider.jdbc;

import dev.quarry.spi.QuarryProvider;
import dev.quarry.testkit.ModulePath;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider is found by {@link ServiceLoader} on the class path (this JVM: Surefire runs with
 * {@code useModulePath=false}) and on the module path (child JVMs given only the SPI, the provider and its
 * dependencies as modules), where it also opens a pool and runs a statement.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ModulePathDiscoveryTest {

    private static final String MODULE = "dev.quarry.provider.jdbc";

    @Test
    void theProviderIsFoundOnTheClassPath() {
        List<QuarryProvider> providers = ServiceLoader.load(QuarryProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        QuarryProvider jdbc = providers.stream().filter(p -> p.name().equals("jdbc-virtual")).findFirst().orElse(null);
        assertNotNull(jdbc, "found only " + providers);
        assertEquals(JdbcVirtualProvider.class, jdbc.getClass());
        assertFalse(jdbc.getClass().getModule().isNamed(), "the test JVM should run on the class path");
    }

    @Test
    void theModuleDeclaresItsProvider() throws Exception {
        String output = ModulePath.describe(modulePath(), MODULE);

        assertTrue(output.contains("provides dev.quarry.spi.QuarryProvider with dev.quarry.provider.jdbc.JdbcVirtualProvider"),
                output);
        assertTrue(output.contains("requires dev.quarry.spi"), output);
        assertTrue(output.contains("requires org.postgresql.jdbc"), output);
        assertTrue(output.contains("requires com.zaxxer.hikari"), output);
    }

    @Test
    void theProviderIsFoundOnTheModulePathAndWorksThere(@TempDir Path work) throws Exception {
        String moduleInfo = """
                module probe {
                    requires dev.quarry.spi;
                    uses dev.quarry.spi.QuarryProvider;
                }
                """;
        String probe = """
                package probe;

                import dev.quarry.spi.*;
                import java.time.Duration;
                import java.util.*;

                public class Probe {
                    public static void main(String[] args) {
                        System.out.println("module present: " + ModuleLayer.boot().findModule(args[0]).isPresent());
                        for (QuarryProvider p : ServiceLoader.load(ModuleLayer.boot(), QuarryProvider.class)) {
                            Module m = p.getClass().getModule();
                            System.out.println("provider " + p.name() + " " + p.getClass().getName()
                                    + " named=" + m.isNamed() + " module=" + m.getName());
                            ConnectionConfig config = new ConnectionConfig(args[1], args.length > 2 ? args[2] : null,
                                    args.length > 3 ? args[3] : null, 1, Duration.ofSeconds(10), Map.of(), null);
                            System.out.println("accepts " + p.accepts(config));
                            try (Database db = p.open(config)) {
                                Connection c = db.acquire();
                                List<Long> rows = c.query(new Statement("SELECT ?::bigint + 1", List.of(41L)),
                                        r -> r.get(1, Long.class));
                                c.close();
                                System.out.println("query " + rows);
                            }
                        }
                    }
                }
                """;
        List<String> args = new ArrayList<>(List.of(MODULE, Pg.database().url()));
        if (Pg.database().user() != null) {
            args.add(Pg.database().user());
            if (Pg.database().password() != null) {
                args.add(Pg.database().password());
            }
        }
        String output = ModulePath.probe(work, modulePath(), moduleInfo, probe, args);

        assertTrue(output.contains("module present: true"), output);
        assertTrue(output.contains("provider jdbc-virtual dev.quarry.provider.jdbc.JdbcVirtualProvider named=true "
                + "module=" + MODULE), output);
        assertTrue(output.contains("accepts true"), output);
        assertTrue(output.contains("query [42]"), output);
    }

    /**
     * The SPI, the provider's own classes and its runtime dependencies (pgjdbc, HikariCP, SLF4J and a no-op
     * binding), wherever this JVM loaded them from: a jar in the local repository, a reactor jar or a
     * {@code target/classes} directory. No test classes, no JUnit, no api.
     */
    private static String modulePath() {
        return ModulePath.of(List.of("dev.quarry.spi.QuarryProvider", "dev.quarry.provider.jdbc.JdbcVirtualProvider",
                "org.postgresql.Driver", "com.zaxxer.hikari.HikariDataSource", "org.slf4j.LoggerFactory"),
                List.of("org.slf4j.nop.NOPServiceProvider"));
    }
}
