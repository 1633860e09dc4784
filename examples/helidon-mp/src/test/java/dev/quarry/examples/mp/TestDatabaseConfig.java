package dev.quarry.examples.mp;

import dev.quarry.testkit.TestDatabase;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Points the example's {@code quarry.url} at the tests' database (QUARRY_TEST_URL in a private schema, else embedded). */
public final class TestDatabaseConfig implements ConfigSource {

    private final Map<String, String> values = new HashMap<>();

    /** Called by ServiceLoader. */
    public TestDatabaseConfig() {
        TestDatabase db = TestDatabase.instance();
        values.put("quarry.url", db.url());
        if (db.user() != null) {
            values.put("quarry.user", db.user());
        }
        if (db.password() != null) {
            values.put("quarry.password", db.password());
        }
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
        return "example-test-database";
    }

    @Override
    public int getOrdinal() {
        return 500;
    }
}
