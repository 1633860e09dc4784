package dev.quarry.provider.helidon;

import dev.quarry.spi.QuarryProvider;
import dev.quarry.testkit.TestDatabase;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider is found by {@link ServiceLoader} on the class path (this JVM) and on the module path: a child JVM
 * given only the SPI, the provider, Helidon's DB client modules and their dependencies as modules opens a pool
 * from a URL and from a Helidon config (whose HikariCP pool Helidon finds by ServiceLoader), and runs statements.
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
        String output = run(List.of(tool("java"), "--module-path", modulePath(), "--describe-module", MODULE));
        assertTrue(output.contains("provides dev.quarry.spi.QuarryProvider with dev.quarry.provider.helidon.HelidonProvider"),
                output);
        assertTrue(output.contains("requires io.helidon.dbclient.jdbc"), output);
        assertTrue(output.contains("uses io.helidon.dbclient.spi.DbClientServiceProvider"), output);
    }

    @Test
    void theProviderWorksOnTheModulePathFromAUrlAndFromAHelidonConfig(@TempDir Path work) throws Exception {
        Path sources = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(sources.resolve("probe"));
        Files.writeString(sources.resolve("module-info.java"), """
                module probe {
                    requires dev.quarry.spi;
                    requires io.helidon.config;
                    uses dev.quarry.spi.QuarryProvider;
                }
                """);
        Files.writeString(sources.resolve("probe/Probe.java"), """
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
                """);
        run(List.of(tool("javac"), "-d", classes.toString(), "--module-path", modulePath(),
                sources.resolve("module-info.java").toString(), sources.resolve("probe/Probe.java").toString()));

        TestDatabase database = TestDatabase.instance();
        List<String> command = new ArrayList<>(List.of(tool("java"), "--module-path",
                modulePath() + File.pathSeparator + classes, "--module", "probe/probe.Probe", database.url()));
        if (database.user() != null) {
            command.add(database.user());
            if (database.password() != null) {
                command.add(database.password());
            }
        }
        String output = run(command);

        assertTrue(output.contains("provider helidon module=" + MODULE), output);
        assertTrue(output.contains("url accepts false"), "a bare URL is left to other providers: " + output);
        assertTrue(output.contains("url query [42]"), output);
        assertTrue(output.contains("config accepts true"), output);
        assertTrue(output.contains("config query [42]"), output);
    }

    /** A tool of the JDK running this test ({@code java}, {@code javac}), beside this JVM's launcher. */
    private static String tool(String name) {
        Path bin = ProcessHandle.current().info().command().map(Path::of).map(Path::getParent)
                .orElse(Path.of(System.getProperty("java.home"), "bin"));
        return bin.resolve(name).toString();
    }

    /**
     * The SPI, the provider's classes and its runtime dependencies (Helidon's DB client, JDBC client and HikariCP
     * pool modules, the Helidon modules they require, pgjdbc, HikariCP, SLF4J), plus Helidon config for the probe,
     * wherever this JVM loaded them from. No test classes, no JUnit, no api.
     */
    private static String modulePath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>();
        for (String type : List.of("dev.quarry.spi.QuarryProvider", "dev.quarry.provider.helidon.HelidonProvider",
                "io.helidon.dbclient.DbClient", "io.helidon.dbclient.jdbc.JdbcClientBuilder",
                "io.helidon.dbclient.hikari.HikariConnectionPoolProvider", "io.helidon.common.HelidonServiceLoader",
                "io.helidon.common.config.Config", "io.helidon.common.context.Context",
                "io.helidon.common.mapper.MapperManager", "io.helidon.builder.api.Prototype",
                "io.helidon.common.features.api.Feature", "io.helidon.config.Config",
                "io.helidon.common.media.type.MediaType", "org.postgresql.Driver", "com.zaxxer.hikari.HikariDataSource",
                "org.slf4j.LoggerFactory", "org.slf4j.nop.NOPServiceProvider")) {
            try {
                Class<?> loaded = Class.forName(type, false, ModulePathDiscoveryTest.class.getClassLoader());
                entries.add(Path.of(loaded.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (ClassNotFoundException e) {
                throw new AssertionError("not on the test class path: " + type, e);
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
