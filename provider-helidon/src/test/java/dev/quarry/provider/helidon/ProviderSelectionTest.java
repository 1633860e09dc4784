package dev.quarry.provider.helidon;

import dev.quarry.Quarry;
import dev.quarry.QuarryException;
import dev.quarry.spi.ConnectionConfig;
import io.helidon.config.Config;
import io.helidon.dbclient.DbClient;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** This provider never claims a bare URL; a Helidon object handed in selects it. */
class ProviderSelectionTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:1/none";

    private static ConnectionConfig config(Object client) {
        return new ConnectionConfig(URL, null, null, 1, null, Map.of(), client);
    }

    private static DbClient fakeClient(String dbType) {
        return (DbClient) Proxy.newProxyInstance(DbClient.class.getClassLoader(), new Class<?>[] {DbClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "dbType" -> dbType;
                    case "toString" -> "fake " + dbType;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aBareUrlIsLeftToOtherProviders() {
        assertFalse(new HelidonProvider().accepts(config(null)));
        assertFalse(new HelidonProvider().accepts(config("not a Helidon object")));
        QuarryException e = assertThrows(QuarryException.class, () -> Quarry.connect(URL));
        assertTrue(e.getMessage().contains("No Quarry provider accepts") && e.getMessage().contains("helidon"),
                e::getMessage);
    }

    @Test
    void aHelidonConfigOrDbClientSelectsIt() {
        assertTrue(new HelidonProvider().accepts(config(Config.empty())));
        assertTrue(new HelidonProvider().accepts(config(fakeClient("jdbc:postgresql"))));
    }

    @Test
    void anotherClientObjectIsRefusedNamingWhatIsAccepted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quarry.builder().url(URL)
                .provider("helidon").client(new Object()).build());
        assertTrue(e.getMessage().contains("DbClient") && e.getMessage().contains("Config"), e::getMessage);
    }

    @Test
    void aDbClientThatIsNotJdbcIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quarry.builder().url(URL)
                .client(fakeClient("mongoDb")).build());
        assertTrue(e.getMessage().contains("mongoDb"), e::getMessage);
    }

    @Test
    void aConfigNamingAnotherSourceIsRefused() {
        Config mongo = Config.just(io.helidon.config.ConfigSources.create(Map.of("db.source", "mongoDb")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Quarry.builder().url(URL)
                .client(mongo).build());
        assertTrue(e.getMessage().contains("mongoDb"), e::getMessage);
    }
}
