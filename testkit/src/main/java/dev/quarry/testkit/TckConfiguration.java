package dev.quarry.testkit;

import dev.quarry.Features;
import dev.quarry.Quarry;
import dev.quarry.QuarryBuilder;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * How a provider plugs into the TCK: implement this in ONE small class of the provider's test sources and register
 * it in {@code META-INF/services/dev.quarry.testkit.TckConfiguration} (and/or with {@code provides} in a test
 * module-info).
 * {@snippet :
 * public final class JdbcVirtualTck implements TckConfiguration {
 *     @Override
 *     public String providerName() {
 *         return "jdbc-virtual";
 *     }
 * }
 * }
 * The defaults build the {@link Quarry} with {@code Quarry.builder().url(..).user(..).password(..).provider(providerName())}
 * and read the capabilities from {@link Quarry#features()}; override {@link #connect} when the provider needs
 * more settings (a client object, properties), and {@link #features} to declare less than the provider claims
 * (tests of a missing capability are skipped, not failed).
 */
public interface TckConfiguration {

    /** The provider's name, as given to {@link dev.quarry.QuarryBuilder#provider(String)}. */
    String providerName();

    /**
     * Opens a {@link Quarry} on the test database.
     *
     * @param url      a PostgreSQL JDBC URL ({@code jdbc:postgresql://host:port/db?user=...})
     * @param user     the user, or {@code null} when the URL carries it
     * @param password the password, or {@code null}
     * @param poolSize how many connections the tests of one class may need at once
     */
    default Quarry connect(String url, String user, String password, int poolSize) {
        return builder(url, user, password, poolSize).build();
    }

    /**
     * The builder {@link #connect} builds, for tests that add settings of their own (converters, a JSON codec);
     * override it rather than {@code connect} when the provider needs more settings.
     */
    default QuarryBuilder builder(String url, String user, String password, int poolSize) {
        return Quarry.builder().url(url).user(user).password(password).provider(providerName()).poolSize(poolSize);
    }

    /**
     * Whether the transport reads an {@code xml} column in the results of a statement with parameters (default
     * {@code true}). The Vert.x pg client reads xml only in text results, which it gets for statements without
     * parameters; the TCK then explains {@code explain("xml")} on a QuerySet without a filter.
     */
    default boolean readsXmlWithParameters() {
        return true;
    }

    /**
     * Opens a {@link Quarry} on the test database with more settings ({@code timeZone}, {@code statementTimeout}),
     * for the tests of those settings. By default {@link #builder} plus {@code settings}.
     */
    default Quarry connect(String url, String user, String password, int poolSize,
                           java.util.function.Consumer<dev.quarry.QuarryBuilder> settings) {
        dev.quarry.QuarryBuilder builder = builder(url, user, password, poolSize);
        settings.accept(builder);
        return builder.build();
    }

    /** What the TCK may rely on; by default what {@code db} reports. */
    default Features features(Quarry db) {
        return db.features();
    }

    /**
     * The one configuration on the class path (or module path).
     *
     * @throws IllegalStateException when there is none or more than one, naming what was found
     */
    static TckConfiguration load() {
        List<TckConfiguration> found = ServiceLoader.load(TckConfiguration.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (found.size() == 1) {
            return found.getFirst();
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("No dev.quarry.testkit.TckConfiguration found. A provider running the TCK "
                    + "implements it in its test sources and lists that class in "
                    + "src/test/resources/META-INF/services/dev.quarry.testkit.TckConfiguration.");
        }
        throw new IllegalStateException("Several TckConfigurations found, keep one: " + found.stream()
                .map(c -> c.getClass().getName()).collect(Collectors.joining(", ")));
    }
}
