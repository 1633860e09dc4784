/**
 * Quarry's TCK: the conformance tests every provider passes ({@code dev.quarry.testkit.tck}), the models they
 * use ({@code dev.quarry.testkit.models}), the provider plug-in {@link dev.quarry.testkit.TckConfiguration} and
 * the test database ({@link dev.quarry.testkit.TestDatabase}).
 */
module dev.quarry.testkit {
    requires transitive dev.quarry.api;
    requires transitive org.junit.jupiter.api;
    requires transitive java.sql;
    requires net.jqwik.api;

    exports dev.quarry.testkit;
    exports dev.quarry.testkit.models;
    exports dev.quarry.testkit.tck;

    opens dev.quarry.testkit.models to dev.quarry.api;
    opens dev.quarry.testkit to org.junit.platform.commons;
    opens dev.quarry.testkit.tck to org.junit.platform.commons, net.jqwik.engine;

    uses dev.quarry.testkit.TckConfiguration;
}
