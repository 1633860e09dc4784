package dev.quarry.provider.helidon;

import io.helidon.common.config.Config;
import io.helidon.dbclient.DbClientService;
import io.helidon.dbclient.DbClientServiceContext;
import io.helidon.dbclient.spi.DbClientServiceProvider;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Helidon client service, like metrics and tracing, that records the statements it sees. Configured under
 * {@code db.services.recording} (with a {@code tag} telling one client's statements from another's), it is found by
 * ServiceLoader as Helidon's own services are.
 */
public final class RecordingService implements DbClientService {

    /** One statement seen by a client service, with the id of the Helidon context it ran in. */
    public record Seen(String tag, String name, String type, String sql, String contextId) {
    }

    /** Everything seen, by every instance. */
    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    private final String tag;

    RecordingService(String tag) {
        this.tag = tag;
    }

    /** The statement names seen with {@code tag}. */
    static List<String> names(String tag) {
        return SEEN.stream().filter(s -> s.tag().equals(tag)).map(Seen::name).toList();
    }

    @Override
    public DbClientServiceContext statement(DbClientServiceContext context) {
        SEEN.add(new Seen(tag, context.statementName(), context.statementType().name(), context.statement(),
                context.context().id()));
        return context;
    }

    /** The provider ServiceLoader finds, for the config key {@code recording}. */
    public static final class Provider implements DbClientServiceProvider {

        /** Called by {@link java.util.ServiceLoader}. */
        public Provider() {
        }

        @Override
        public String configKey() {
            return "recording";
        }

        @Override
        public Collection<DbClientService> create(Config config) {
            return List.of(new RecordingService(config.get("tag").asString().orElse("untagged")));
        }
    }
}
