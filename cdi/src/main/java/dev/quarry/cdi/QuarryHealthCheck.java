package dev.quarry.cdi;

import dev.quarry.Quarry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health readiness check {@code quarry}: up when every configured database answers a round trip (an
 * empty transaction, {@code BEGIN}/{@code COMMIT}, so no table is needed), with one entry per alias, {@code "UP"}
 * or the failure's message.
 */
@Readiness
@ApplicationScoped
public class QuarryHealthCheck implements HealthCheck {

    private final Quarry quarry;

    /** For the container's proxy. */
    protected QuarryHealthCheck() {
        this(null);
    }

    /** @param quarry the application's Quarry */
    @Inject
    public QuarryHealthCheck(Quarry quarry) {
        this.quarry = quarry;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("quarry").up();
        for (String alias : quarry.databases()) {
            try {
                quarry.atomic(alias, tx -> Boolean.TRUE);
                response.withData(alias, "UP");
            } catch (RuntimeException e) {
                response.down().withData(alias, String.valueOf(e.getMessage()));
            }
        }
        return response.build();
    }
}
