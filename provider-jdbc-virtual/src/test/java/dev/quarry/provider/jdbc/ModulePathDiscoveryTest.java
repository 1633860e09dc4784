package dev.quarry.provider.jdbc;

import dev.quarry.spi.QuarryProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
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
        String output = run(List.of(tool("java"), "--module-path", modulePath(), "--describe-module", MODULE));

        assertTrue(output.contains("provides dev.quarry.spi.QuarryProvider with dev.quarry.provider.jdbc.JdbcVirtualProvider"),
                output);
        assertTrue(output.contains("requires dev.quarry.spi"), output);
        assertTrue(output.contains("requires org.postgresql.jdbc"), output);
        assertTrue(output.contains("requires com.zaxxer.hikari"), output);
    }

    @Test
    void theProviderIsFoundOnTheModulePathAndWorksThere(@TempDir Path work) throws Exception {
        Path sources = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(sources.resolve("probe"));
        Files.writeString(sources.resolve("module-info.java"), """
                module probe {
                    requires dev.quarry.spi;
                    uses dev.quarry.spi.QuarryProvider;
                }
                """);
        Files.writeString(sources.resolve("probe/Probe.java"), """
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
                """);
        run(List.of(tool("javac"), "-d", classes.toString(), "--module-path", modulePath(),
                sources.resolve("module-info.java").toString(), sources.resolve("probe/Probe.java").toString()));

        List<String> command = new ArrayList<>(List.of(tool("java"), "--module-path",
                modulePath() + File.pathSeparator + classes, "--module", "probe/probe.Probe", MODULE,
                Pg.database().url()));
        if (Pg.database().user() != null) {
            command.add(Pg.database().user());
            if (Pg.database().password() != null) {
                command.add(Pg.database().password());
            }
        }
        String output = run(command);

        assertTrue(output.contains("module present: true"), output);
        assertTrue(output.contains("provider jdbc-virtual dev.quarry.provider.jdbc.JdbcVirtualProvider named=true "
                + "module=" + MODULE), output);
        assertTrue(output.contains("accepts true"), output);
        assertTrue(output.contains("query [42]"), output);
    }

    /** A tool of the JDK running this test ({@code java}, {@code javac}), beside this JVM's launcher. */
    private static String tool(String name) {
        Path bin = ProcessHandle.current().info().command().map(Path::of).map(Path::getParent)
                .orElse(Path.of(System.getProperty("java.home"), "bin"));
        return bin.resolve(name).toString();
    }

    /**
     * The SPI, the provider's own classes and its runtime dependencies (pgjdbc, HikariCP, SLF4J and a no-op
     * binding), wherever this JVM loaded them from: a jar in the local repository, a reactor jar or a
     * {@code target/classes} directory. No test classes, no JUnit, no api.
     */
    private static String modulePath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>();
        for (String type : List.of("dev.quarry.spi.QuarryProvider", "dev.quarry.provider.jdbc.JdbcVirtualProvider",
                "org.postgresql.Driver", "com.zaxxer.hikari.HikariDataSource", "org.slf4j.LoggerFactory",
                "org.slf4j.nop.NOPServiceProvider")) {
            try {
                Class<?> loaded = Class.forName(type, false, ModulePathDiscoveryTest.class.getClassLoader());
                entries.add(Path.of(loaded.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (ClassNotFoundException optional) {
                assertTrue(type.startsWith("org.slf4j.nop"), "not on the test class path: " + type);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command + "\n" + text);
        return text;
    }
}
