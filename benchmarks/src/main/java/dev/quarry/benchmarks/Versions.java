package dev.quarry.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of a library on the class path, from the {@code pom.properties} Maven puts in its jar. */
final class Versions {

    private Versions() {
    }

    /** {@code groupId:artifactId}'s version, or {@code ?} when its jar carries none. */
    static String of(String groupId, String artifactId) {
        String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Versions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "?";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }
}
