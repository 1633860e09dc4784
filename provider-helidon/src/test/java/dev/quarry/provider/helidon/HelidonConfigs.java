package dev.quarry.provider.helidon;

import dev.quarry.testkit.TestDatabase;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/** Helidon configs for the test database, written as a Helidon application's {@code application.yaml}. */
final class HelidonConfigs {

    private HelidonConfigs() {
    }

    /**
     * A root config whose {@code db} section is Helidon's documented DB client configuration: a JDBC source, a
     * HikariCP connection pool of {@code maximumPoolSize} connections named by {@code applicationName} in
     * {@code pg_stat_activity}, and the {@code recording} client service tagged {@code tag}.
     */
    static Config db(TestDatabase database, int maximumPoolSize, String applicationName, String tag) {
        String yaml = """
                db:
                  source: "jdbc"
                  connection:
                    url: "%s"
                %s%s    poolName: "%s"
                    maximumPoolSize: %d
                    dataSource:
                      ApplicationName: "%s"
                  services:
                    recording:
                      tag: "%s"
                """.formatted(database.url(),
                database.user() == null ? "" : "    username: \"" + database.user() + "\"\n",
                database.password() == null ? "" : "    password: \"" + database.password() + "\"\n",
                applicationName, maximumPoolSize, applicationName, tag);
        return Config.just(ConfigSources.create(yaml, MediaTypes.APPLICATION_YAML));
    }
}
