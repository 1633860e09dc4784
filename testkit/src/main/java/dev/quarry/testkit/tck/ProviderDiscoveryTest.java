package dev.quarry.testkit.tck;

import dev.quarry.Quarry;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The provider is found by name, reports itself in features(), and a wrong name fails listing the real ones. */
class ProviderDiscoveryTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class);
    }

    @Test
    void featuresNameTheProviderAndTheDialect() {
        assertEquals(configuration.providerName(), db.features().provider());
        assertFalse(db.features().dialect() == null || db.features().dialect().isBlank());
        assertTrue(db.features().dialect().toLowerCase(java.util.Locale.ROOT).contains("postgres"),
                () -> "the TCK database is PostgreSQL: " + db.features().dialect());
    }

    @Test
    void anUnknownProviderNameFailsListingTheAvailableOnes() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> Quarry.builder().url(database.url())
                .user(database.user()).password(database.password()).provider("no-such-provider").build().close());
        assertTrue(e.getMessage().contains("no-such-provider") && e.getMessage().contains(configuration.providerName()),
                () -> "the message names the wrong provider and lists the available ones: " + e.getMessage());
    }

    @Test
    void closingAQuarryTwiceIsHarmlessAndOthersGoOn() {
        Quarry other = configuration.connect(database.url(), database.user(), database.password(), 2);
        other.objects(SimpleModel.class).create(new SimpleModel(1));
        other.close();
        other.close();
        assertEquals(1, db.objects(SimpleModel.class).count(), "closing one Quarry leaves the others working");
    }
}
