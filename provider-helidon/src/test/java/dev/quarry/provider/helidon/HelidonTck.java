package dev.quarry.provider.helidon;

import dev.quarry.testkit.TckConfiguration;

/** Plugs the {@code helidon} provider into the TCK (the testkit's tests, run by Surefire from its jar). */
public final class HelidonTck implements TckConfiguration {

    /** Called by {@link java.util.ServiceLoader}. */
    public HelidonTck() {
    }

    @Override
    public String providerName() {
        return HelidonProvider.NAME;
    }
}
