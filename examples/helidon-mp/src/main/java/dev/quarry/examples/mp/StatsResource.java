package dev.quarry.examples.mp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /stats}: what {@link StatementMetrics} has seen. */
@Path("/stats")
@ApplicationScoped
public class StatsResource {

    @Inject
    StatementMetrics metrics;

    /** @return {@code statements=N failures=N millis=N} */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String stats() {
        return "statements=" + metrics.statements() + " failures=" + metrics.failures() + " millis=" + metrics.nanos() / 1_000_000;
    }
}
