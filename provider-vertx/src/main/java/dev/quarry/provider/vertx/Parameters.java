package dev.quarry.provider.vertx;

import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.data.Interval;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.data.Numeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Turns Quarry's parameter values (the types listed on {@link dev.quarry.spi.Row}, or {@code null}) into a Vert.x
 * {@link Tuple}, in the classes the pg client encodes: the one place where this provider binds values.
 *
 * <p>The Vert.x client sends every parameter with the type PostgreSQL infers for its placeholder (it prepares the
 * statement first) and encodes the Java value to that type.
 */
final class Parameters {

    private static final Tuple NONE = Tuple.tuple();

    private Parameters() {
    }

    /** The tuple of {@code values}, in order. */
    static Tuple tuple(List<Object> values) {
        int n = values.size();
        if (n == 0) {
            return NONE;
        }
        Object[] converted = new Object[n];
        for (int i = 0; i < n; i++) {
            converted[i] = convert(values.get(i));
        }
        return Tuple.wrap(converted);
    }

    /**
     * One value: {@code byte[]} becomes a {@link Buffer} (bytea); {@link BigDecimal} and {@link BigInteger} a
     * {@link Numeric}; an {@link Instant} a UTC {@link OffsetDateTime} (timestamptz, with {@link Instant#MAX} and
     * {@link Instant#MIN} as {@code infinity} and {@code -infinity}); a {@link Duration} an {@link Interval};
     * {@code Byte} a {@code Short}, {@code Character} a {@code String}, a stray enum its name. The rest (strings,
     * numbers, booleans, UUIDs, {@code java.time} values, {@code null}) go as they are.
     */
    static Object convert(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Long l -> l;
            case Integer i -> i;
            case byte[] bytes -> Buffer.buffer(bytes);
            case BigDecimal d -> Numeric.create(d);
            case BigInteger b -> Numeric.create(new BigDecimal(b));
            case Instant instant -> offsetDateTime(instant);
            case Duration d -> interval(d);
            case dev.quarry.spi.JsonText j -> json(j.text());
            case Byte b -> (short) b;
            case Character c -> c.toString();
            // The api converts enums itself; this only keeps a stray one from becoming an opaque object.
            case Enum<?> e -> e.name();
            default -> value;
        };
    }

    /** JSON text as the value Vert.x encodes to {@code jsonb}: JSON {@code null} is {@link Tuple#JSON_NULL}. */
    private static Object json(String text) {
        Object decoded = io.vertx.core.json.Json.decodeValue(text);
        return decoded == null ? Tuple.JSON_NULL : decoded;
    }

    /** A duration as an interval of days, hours, minutes, seconds and microseconds (exactly, no month guessing). */
    static Interval interval(Duration d) {
        long micros = Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000);
        long days = micros / 86_400_000_000L;
        long rest = micros % 86_400_000_000L;
        return new Interval(0, 0, (int) days, (int) (rest / 3_600_000_000L), (int) (rest / 60_000_000L % 60),
                (int) (rest / 1_000_000L % 60), (int) (rest % 1_000_000L));
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
