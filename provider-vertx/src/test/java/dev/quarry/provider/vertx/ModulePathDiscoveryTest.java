package dev.quarry.provider.vertx;

import dev.quarry.spi.QuarryProvider;
import dev.quarry.testkit.ModulePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider is found by {@link ServiceLoader} on the class path (this JVM) and on the module path (a child JVM
 * given only the SPI, the provider and Vert.x with its dependencies as modules), where it opens a pool and runs a
 * statement.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ModulePathDiscoveryTest {

    private static final String MODULE = "dev.quarry.provider.vertx";

    @Test
    void theProviderIsFoundOnTheClassPath() {
        List<QuarryProvider> providers = ServiceLoader.load(QuarryProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        QuarryProvider vertx = providers.stream().filter(p -> p.name().equals("vertx")).findFirst().orElse(null);
        assertNotNull(vertx, "found only " + providers);
        assertEquals(VertxProvider.class, vertx.getClass());
        assertFalse(vertx.getClass().getModule().isNamed(), "the test JVM should run on the class path");
    }

    @Test
    void theModuleDeclaresItsProvider() throws Exception {
        String output = ModulePath.describe(modulePath(), MODULE);
        assertTrue(output.contains("provides dev.quarry.spi.QuarryProvider with dev.quarry.provider.vertx.VertxProvider"),
                output);
        assertTrue(output.contains("requires dev.quarry.spi"), output);
        assertTrue(output.contains("requires io.vertx.sql.client.pg"), output);
    }

    @Test
    void theProviderIsFoundOnTheModulePathAndWorksThere(@TempDir Path work) throws Exception {
        String moduleInfo = """
                module probe {
                    requires dev.quarry.spi;
                    uses dev.quarry.spi.QuarryProvider;
                }
                """;
        String probe = """
                package probe;

                import dev.quarry.spi.*;
                import java.time.Duration;
                import java.util.*;

                public class Probe {
                    public static void main(String[] args) {
                        for (QuarryProvider p : ServiceLoader.load(ModuleLayer.boot(), QuarryProvider.class)) {
                            Module m = p.getClass().getModule();
                            System.out.println("provider " + p.name() + " named=" + m.isNamed() + " module=" + m.getName());
                            ConnectionConfig config = new ConnectionConfig(args[0], args.length > 1 ? args[1] : null,
                                    args.length > 2 ? args[2] : null, 1, Duration.ofSeconds(10), Map.of(), null);
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
                """;
        List<String> args = new ArrayList<>(List.of(Pg.database().url().substring("jdbc:".length())));
        if (Pg.database().user() != null) {
            args.add(Pg.database().user());
            if (Pg.database().password() != null) {
                args.add(Pg.database().password());
            }
        }
        String output = ModulePath.probe(work, modulePath(), moduleInfo, probe, args);
        assertTrue(output.contains("provider vertx named=true module=" + MODULE), output);
        assertTrue(output.contains("accepts true"), output);
        assertTrue(output.contains("query [42]"), output);
    }

    /** The SPI, the provider, and Vert.x with its runtime dependencies (Netty, Jackson, SCRAM), wherever loaded from. */
    private static String modulePath() {
        return ModulePath.of(List.of("dev.quarry.spi.QuarryProvider", "dev.quarry.provider.vertx.VertxProvider",
                "io.vertx.pgclient.PgBuilder", "io.vertx.sqlclient.Pool", "io.vertx.core.Vertx",
                "io.vertx.core.logging.JULLogDelegateFactory", "com.fasterxml.jackson.core.JsonFactory",
                "io.netty.util.Version", "io.netty.buffer.ByteBuf", "io.netty.channel.Channel",
                "io.netty.handler.ssl.SslHandler", "io.netty.channel.unix.DomainDatagramSocketAddress",
                "io.netty.handler.codec.ByteToMessageDecoder", "io.netty.handler.proxy.Socks4ProxyHandler",
                "io.netty.handler.codec.socks.SocksMessage", "io.netty.handler.codec.http.HttpObject",
                "io.netty.handler.codec.compression.JdkZlibEncoder", "io.netty.handler.codec.http2.Http2MultiplexHandler",
                "io.netty.resolver.NoopAddressResolverGroup", "io.netty.resolver.dns.DefaultDnsServerAddressStreamProvider",
                "io.netty.handler.codec.dns.DefaultDnsQuestion"),
                List.of("com.ongres.scram.client.ScramClient", "com.ongres.scram.common.ScramMechanism",
                        "com.ongres.saslprep.SaslPrep", "com.ongres.stringprep.Stringprep"));
    }
}
