package dev.quarry.cdi;

import dev.quarry.testkit.TestDatabase;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** MicroProfile Config pointing {@code quarry.*} at the tests' database (QUARRY_TEST_URL, else embedded). */
public final class TestDatabaseConfigSource implements ConfigSource {

    private final Map<String, String> values = new HashMap<>();

    /** Called by ServiceLoader. */
    public TestDatabaseConfigSource() {
        TestDatabase db = TestDatabase.instance();
        values.put("quarry.url", db.url());
        if (db.user() != null) {
            values.put("quarry.user", db.user());
        }
        if (db.password() != null) {
            values.put("quarry.password", db.password());
        }
        values.put("quarry.provider", "jdbc-virtual");
        values.put("quarry.pool-size", "3");
        values.put("quarry.slow-query-threshold", "PT10S");
        values.put("quarry.property.prepareThreshold", "0");
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String name) {
        return values.get(name);
    }

    @Override
    public String getName() {
        return "quarry-test-database";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
