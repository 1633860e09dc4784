package dev.quarry.testkit;

import dev.quarry.Features;
import dev.quarry.Quarry;
import dev.quarry.QuarryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The base of every TCK class: a {@link Quarry} {@link #db} per test class, built by the provider's
 * {@link TckConfiguration} on the JVM's {@link TestDatabase}; the tables of {@link #models()} dropped and created
 * anew before the class runs, and emptied before each test, so tests never see each other's rows.
 * {@snippet :
 * class MyTest extends TckBase {
 *     @Override
 *     protected List<Class<?>> models() {
 *         return List.of(Article.class);
 *     }
 *
 *     @Test
 *     void countsRows() {
 *         db.objects(Article.class).create(new Article("a"));
 *         assertEquals(1, db.objects(Article.class).count());
 *     }
 * }
 * }
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TckBase {

    /** The Quarry under test, shared by the tests of the class. */
    protected Quarry db;

    /** What the provider can do; gate tests with {@link #assumeFeature}. */
    protected Features features;

    /** The provider's plug-in. */
    protected TckConfiguration configuration;

    /** The database. */
    protected TestDatabase database;

    /** The models whose tables the tests use, FK targets before the models pointing to them. */
    protected abstract List<Class<?>> models();

    /** How many connections the tests of this class may need at once (default 10). */
    protected int poolSize() {
        return 10;
    }

    @BeforeAll
    final void openQuarryAndCreateTables() {
        configuration = TckConfiguration.load();
        database = TestDatabase.instance();
        db = configuration.connect(database.url(), database.user(), database.password(), poolSize());
        features = configuration.features(db);
        List<Class<?>> reversed = new ArrayList<>(models());
        java.util.Collections.reverse(reversed);
        db.schema().drop(reversed.toArray(Class<?>[]::new));
        db.schema().create(models().toArray(Class<?>[]::new));
    }

    @BeforeEach
    final void emptyTables() throws SQLException {
        if (models().isEmpty()) {
            return;
        }
        String tables = models().stream().map(Tables::tableName).map(Tables::quote).collect(Collectors.joining(", "));
        try (Connection c = database.jdbc(); Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '20s'"); // a transaction a failed test leaked must not hang the suite
            s.execute("TRUNCATE TABLE " + tables + " RESTART IDENTITY CASCADE");
        }
    }

    @AfterAll
    final void closeQuarry() {
        if (db != null) {
            db.close();
        }
    }

    /**
     * A builder of another Quarry on the test database with the provider under test, for tests of builder
     * settings (listeners, several databases); the test closes what it builds.
     */
    protected QuarryBuilder builder() {
        return Quarry.builder().url(database.url()).user(database.user()).password(database.password())
                .provider(configuration.providerName()).poolSize(poolSize());
    }

    /** Skips the test unless {@code feature} holds, naming it in the report. */
    protected void assumeFeature(Predicate<Features> feature, String name) {
        Assumptions.assumeTrue(feature.test(features),
                () -> "provider " + features.provider() + " lacks " + name + "; test skipped");
    }

    /** Runs SQL straight through JDBC, beside the provider under test (for setup and checks only). */
    protected void sql(String statement) throws SQLException {
        try (Connection c = database.jdbc(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** A single value read straight through JDBC, beside the provider under test. */
    protected Object sqlValue(String query) throws SQLException {
        try (Connection c = database.jdbc(); Statement s = c.createStatement(); var rs = s.executeQuery(query)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    /** Whether a table of this name exists in the schema the tests use, checked through JDBC. */
    protected boolean tableExists(String table) throws SQLException {
        try (Connection c = database.jdbc();
             var ps = c.prepareStatement("SELECT count(*) FROM information_schema.tables "
                     + "WHERE table_schema = current_schema() AND table_name = ?")) {
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }
}
