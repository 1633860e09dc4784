package dev.quarry.provider.jdbc;

import dev.quarry.spi.Intervals;
import dev.quarry.spi.JsonText;
import org.postgresql.util.PGobject;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Binds Quarry's parameter values (the types listed on {@link dev.quarry.spi.Row}, or {@code null}) to a
 * {@link PreparedStatement}, choosing the typed setter so the driver sends the right type.
 */
final class Parameters {

    private Parameters() {
    }

    /** Binds {@code values} to placeholders 1..n. */
    static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0, n = values.size(); i < n; i++) {
            bind(ps, i + 1, values.get(i));
        }
    }

    /**
     * Binds one value. {@code null} is an untyped NULL ({@link Types#NULL}, which pgjdbc sends as "unspecified"
     * so the server infers the type); an {@link Instant} goes as a UTC {@link OffsetDateTime} (timestamptz, with
     * {@link Instant#MAX}/{@link Instant#MIN} as {@code infinity}/{@code -infinity}); a
     * {@link BigInteger} as a {@link BigDecimal} (numeric). UUIDs, {@code java.time} values and anything else go
     * through {@link PreparedStatement#setObject(int, Object)}, which pgjdbc maps to the matching type (arrays of
     * scalars to SQL arrays). A {@link JsonText} goes as {@code jsonb}, a {@link Duration} as an {@code interval}.
     */
    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.NULL);
            case String s -> ps.setString(index, s);
            case Long l -> ps.setLong(index, l);
            case Integer i -> ps.setInt(index, i);
            case Boolean b -> ps.setBoolean(index, b);
            case Instant instant -> ps.setObject(index, offsetDateTime(instant));
            case BigDecimal d -> ps.setBigDecimal(index, d);
            case BigInteger b -> ps.setBigDecimal(index, new BigDecimal(b));
            case Double d -> ps.setDouble(index, d);
            case Short s -> ps.setShort(index, s);
            case Float f -> ps.setFloat(index, f);
            case byte[] bytes -> ps.setBytes(index, bytes);
            case Byte b -> ps.setShort(index, b);
            case Character c -> ps.setString(index, c.toString());
            // The api converts enums itself; this only keeps a stray one from becoming an opaque object.
            case Enum<?> e -> ps.setString(index, e.name());
            case JsonText json -> ps.setObject(index, typed("jsonb", json.text()));
            case Duration d -> ps.setObject(index, typed("interval", Intervals.text(d)));
            // pgjdbc binds arrays of the scalar types as SQL arrays of the matching type (String[] as varchar[])
            case Object[] array -> ps.setObject(index, array);
            default -> ps.setObject(index, value);
        }
    }

    /** A value of a named PostgreSQL type, sent as text for the server to parse. */
    static PGobject typed(String type, String text) throws SQLException {
        PGobject object = new PGobject();
        object.setType(type);
        object.setValue(text);
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
