package dev.quarry.testkit;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Helpers for a provider's test that it works on the module path, where Surefire (with
 * {@code useModulePath=false}) does not run it: build a module path from the jars or directories this JVM loaded
 * some classes from, and run the JDK's tools ({@code java --describe-module}, {@code javac}, a probe program) in
 * child JVMs on it.
 *
 * {@snippet :
 * String path = ModulePath.of(List.of("dev.quarry.spi.QuarryProvider", "com.example.MyProvider",
 *         "org.postgresql.Driver"), List.of("org.slf4j.nop.NOPServiceProvider"));
 * String module = ModulePath.describe(path, "com.example.quarry");
 * assertTrue(module.contains("provides dev.quarry.spi.QuarryProvider with com.example.MyProvider"), module);
 *
 * String output = ModulePath.probe(work, path, """
 *         module probe {
 *             requires dev.quarry.spi;
 *             uses dev.quarry.spi.QuarryProvider;
 *         }
 *         """, """
 *         package probe;
 *         public class Probe {
 *             public static void main(String[] args) { ... }
 *         }
 *         """, List.of(TestDatabase.instance().url()));
 * }
 */
public final class ModulePath {

    private static final long TIMEOUT_SECONDS = 60;

    private ModulePath() {
    }

    /**
     * A tool of the JDK running this test ({@code java}, {@code javac}), beside this JVM's launcher.
     *
     * @param name the tool's file name, without extension
     * @return its path
     */
    public static String tool(String name) {
        Path bin = ProcessHandle.current().info().command().map(Path::of).map(Path::getParent)
                .orElse(Path.of(System.getProperty("java.home"), "bin"));
        return bin.resolve(name).toString();
    }

    /**
     * A module path of the places (a jar in the local repository, a reactor jar or a {@code target/classes}
     * directory) this test's class loader loads the given classes from, one entry per place, in order. Name
     * one class of every module the child JVM needs (the SPI, the provider, each runtime dependency), and
     * nothing of the test's own (test classes, JUnit, the api).
     *
     * @param required classes that must be on this test's class path; a missing one fails the test
     * @param optional classes added only if present (e.g. a logging binding)
     * @return the entries, joined with the platform's path separator
     */
    public static String of(List<String> required, List<String> optional) {
        Set<String> entries = new LinkedHashSet<>();
        add(entries, required, true);
        add(entries, optional, false);
        return String.join(File.pathSeparator, entries);
    }

    private static void add(Set<String> entries, List<String> types, boolean required) {
        for (String type : types) {
            try {
                Class<?> loaded = Class.forName(type, false, ModulePath.class.getClassLoader());
                entries.add(Path.of(loaded.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (ClassNotFoundException e) {
                if (required) {
                    throw new AssertionError("not on the test class path: " + type, e);
                }
            } catch (URISyntaxException e) {
                throw new AssertionError("no location for " + type, e);
            }
        }
    }

    /**
     * {@code java --describe-module}: how the module on {@code modulePath} declares itself (its
     * {@code requires}, {@code provides ... with ...}, {@code uses}).
     *
     * @param modulePath a module path, e.g. from {@link #of}
     * @param module     the module's name
     * @return the tool's output
     */
    public static String describe(String modulePath, String module) throws IOException, InterruptedException {
        return run(List.of(tool("java"), "--module-path", modulePath, "--describe-module", module));
    }

    /**
     * Compiles a probe module (a {@code module-info.java} and the class {@code probe.Probe}) against
     * {@code modulePath} in {@code work}, then runs {@code probe/probe.Probe} with {@code args} in a child JVM
     * whose module path is {@code modulePath} and the probe.
     *
     * @param work       an empty directory for the sources and classes (a JUnit {@code @TempDir})
     * @param modulePath a module path, e.g. from {@link #of}
     * @param moduleInfo the probe's {@code module-info.java}, declaring {@code module probe}
     * @param probe      the source of {@code probe.Probe}, which has a {@code main} method
     * @param args       the arguments of {@code main}
     * @return what the probe printed
     */
    public static String probe(Path work, String modulePath, String moduleInfo, String probe, List<String> args)
            throws IOException, InterruptedException {
        Path sources = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(sources.resolve("probe"));
        Path info = Files.writeString(sources.resolve("module-info.java"), moduleInfo);
        Path main = Files.writeString(sources.resolve("probe/Probe.java"), probe);
        run(List.of(tool("javac"), "-d", classes.toString(), "--module-path", modulePath, info.toString(),
                main.toString()));
        List<String> command = new ArrayList<>(List.of(tool("java"), "--module-path",
                modulePath + File.pathSeparator + classes, "--module", "probe/probe.Probe"));
        command.addAll(args);
        return run(command);
    }

    /**
     * Runs a command to its end (at most a minute) and returns what it printed, its error output included;
     * fails the test if it times out or exits with a status other than 0.
     *
     * @param command the program and its arguments, e.g. {@code List.of(tool("javac"), ...)}
     * @return standard output and standard error, interleaved
     */
    public static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "timed out: " + command);
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command + "\n" + text);
        return text;
    }
}
