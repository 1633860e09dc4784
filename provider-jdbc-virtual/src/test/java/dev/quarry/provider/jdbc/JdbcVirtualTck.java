package dev.quarry.provider.jdbc;

import dev.quarry.testkit.TckConfiguration;

/** Plugs the {@code jdbc-virtual} provider into the TCK (the testkit's tests, run by Surefire from its jar). */
public final class JdbcVirtualTck implements TckConfiguration {

    /** Called by {@link java.util.ServiceLoader}. */
    public JdbcVirtualTck() {
    }

    @Override
    public String providerName() {
        return JdbcVirtualProvider.NAME;
    }
}
