/**
 * Quarry: Django's QuerySet API, sync and async, for Java 21+. The public API is package {@code dev.quarry}.
 * Models' packages must be opened to this module ({@code opens com.example.blog to dev.quarry.api}).
 */
module dev.quarry.api {
    requires dev.quarry.spi;
    requires transitive jakarta.persistence;
    requires java.sql;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports dev.quarry;

    uses dev.quarry.spi.QuarryProvider;
    uses dev.quarry.spi.Dialect;
}
