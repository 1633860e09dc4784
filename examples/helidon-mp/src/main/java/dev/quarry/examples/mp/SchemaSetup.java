package dev.quarry.examples.mp;

import dev.quarry.Quarry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * Creates the example's table at start-up ({@code CREATE TABLE IF NOT EXISTS}); a real service would leave that to
 * Flyway (README, "Migrations with Flyway").
 */
@ApplicationScoped
public class SchemaSetup {

    /** Runs once the application scope starts. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started, Quarry quarry) {
        quarry.schema().create(Note.class);
    }
}
