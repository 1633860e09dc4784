package dev.quarry.provider.helidon;

import io.helidon.dbclient.DbStatement;
import dev.quarry.spi.Intervals;
import dev.quarry.spi.JsonText;
import org.postgresql.util.PGobject;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hands Quarry's parameter values (the types listed on {@link dev.quarry.spi.Row}, or {@code null}) to a Helidon
 * statement as positional parameters, in forms that Helidon's binder sends with the right type.
 *
 * <p>Positional parameters matter: Helidon parses {@code :name} parameters only in a statement given named
 * parameters, so Quarry's SQL (with {@code ?} placeholders) reaches the driver untouched, {@code ::} casts and
 * colons inside string literals included.
 */
final class Parameters {

    private Parameters() {
    }

    /** Adds {@code values} as the statement's positional parameters; none leaves the statement without any. */
    static <S extends DbStatement<S>> S bind(S statement, List<Object> values) {
        if (!values.isEmpty()) {
            List<Object> converted = new ArrayList<>(values.size());
            for (Object value : values) {
                converted.add(convert(value));
            }
            statement.params(converted);
        }
        return statement;
    }

    /**
     * What Helidon's binder gets for one value. It binds a {@link UUID} with {@code setString} (PostgreSQL then
     * refuses {@code uuid = varchar}), so a UUID goes as a typed {@link PGobject}; it has no case for
     * {@link Instant} (pgjdbc's {@code setObject} refuses one), so an Instant goes as a UTC
     * {@link OffsetDateTime} (timestamptz, with {@link Instant#MAX}/{@link Instant#MIN} as
     * {@code infinity}/{@code -infinity}); an enum goes by name; a {@link JsonText} as a {@code jsonb} and a
     * {@link Duration} as an {@code interval} {@link PGobject}; arrays of scalars as they are (pgjdbc's
     * {@code setObject} binds them as SQL arrays). The rest (strings, numbers, booleans, byte
     * arrays, {@code java.time} values, {@code null}) Helidon binds with the matching typed setter.
     */
    static Object convert(Object value) {
        return switch (value) {
            case null -> null;
            case UUID uuid -> typed("uuid", uuid.toString());
            case Instant instant -> offsetDateTime(instant);
            case Character c -> c.toString();
            // The api converts enums itself; this only keeps a stray one from becoming an opaque object.
            case Enum<?> e -> e.name();
            case JsonText json -> typed("jsonb", json.text());
            case Duration d -> typed("interval", Intervals.text(d));
            default -> value;
        };
    }

    private static PGobject typed(String type, String text) {
        PGobject object = new PGobject();
        object.setType(type);
        try {
            object.setValue(text);
        } catch (SQLException e) {
            throw new IllegalArgumentException(e.getMessage(), e); // PGobject.setValue never fails
        }
        return object;
    }

    /** In UTC; {@link Instant#MAX} and {@link Instant#MIN} (out of OffsetDateTime's range) become +-infinity. */
    private static OffsetDateTime offsetDateTime(Instant instant) {
        if (instant.equals(Instant.MAX)) {
            return OffsetDateTime.MAX;
        }
        if (instant.equals(Instant.MIN)) {
            return OffsetDateTime.MIN;
        }
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
