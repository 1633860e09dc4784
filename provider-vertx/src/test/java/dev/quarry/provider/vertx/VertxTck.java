package dev.quarry.provider.vertx;

import dev.quarry.testkit.TckConfiguration;

/** Plugs the {@code vertx} provider into the TCK (the testkit's tests, run by Surefire from its jar). */
public final class VertxTck implements TckConfiguration {

    /** Called by {@link java.util.ServiceLoader}. */
    public VertxTck() {
    }

    @Override
    public String providerName() {
        return VertxProvider.NAME;
    }

    /** The pg client decodes xml only as text; with parameters it reads binary results (the provider then fails loudly). */
    @Override
    public boolean readsXmlWithParameters() {
        return false;
    }
}
