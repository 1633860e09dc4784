package dev.quarry.provider.vertx;

import dev.quarry.spi.DriverException;
import dev.quarry.spi.Row;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.data.Interval;
import io.vertx.sqlclient.Tuple;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.desc.ColumnDescriptor;
import io.vertx.sqlclient.data.Numeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@link Row} over a Vert.x {@link io.vertx.sqlclient.Row}. One instance serves every row of a result ({@link #at}).
 *
 * <p>The pg client decodes each column into its natural class ({@code Integer}, {@link Numeric},
 * {@link OffsetDateTime} in UTC for a {@code timestamptz}, {@link Buffer} for a {@code bytea}...); this converts it to
 * the type asked for, as pgjdbc's typed getters do: a {@code timestamptz} read as a local date-time is seen in the
 * session time zone ({@link dev.quarry.spi.ConnectionConfig#timeZone()}, as PostgreSQL's own cast to
 * {@code timestamp} does), a {@code timestamp} read as an instant is taken as UTC, PostgreSQL's {@code infinity} and
 * {@code -infinity} are the {@code MAX} and {@code MIN} of the java.time type. {@code Object} gives the natural
 * class, except that a numeric is a {@link BigDecimal}, a bytea a {@code byte[]} and JSON its text.
 */
final class VertxRow implements Row {

    /** Types whose binary form the client does not decode (it gives NULL for them). */
    private static final java.util.Set<String> UNDECODED_IN_BINARY = java.util.Set.of("xml", "money");

    private final List<String> names;
    private final ZoneId sessionZone;
    private final boolean[] unreadable;
    private io.vertx.sqlclient.Row row;

    /**
     * @param binary whether the result came in binary (a prepared statement's), where the client reads some
     *               types as NULL: such a NULL then fails instead of being taken for SQL NULL
     */
    VertxRow(RowSet<?> result, boolean binary, ZoneId sessionZone) {
        this.names = result.columnsNames() == null ? List.of() : result.columnsNames();
        this.sessionZone = sessionZone;
        this.unreadable = new boolean[names.size()];
        if (binary && result.columnDescriptors() != null) {
            List<ColumnDescriptor> columns = result.columnDescriptors();
            for (int i = 0; i < columns.size() && i < unreadable.length; i++) {
                String typeName = columns.get(i).typeName();
                unreadable[i] = typeName != null && UNDECODED_IN_BINARY.contains(typeName.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Points at the next row of the same result. */
    VertxRow at(io.vertx.sqlclient.Row next) {
        this.row = next;
        return this;
    }

    @Override
    public int columnCount() {
        return names.size();
    }

    @Override
    public String columnName(int index) {
        check(index);
        return names.get(index - 1);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(int index, Class<T> type) {
        check(index);
        Object value = row.getValue(index - 1);
        if (value == null) {
            if (unreadable[index - 1]) {
                throw new DriverException("Column " + index + " (" + names.get(index - 1) + ") is of a type that the "
                        + "Vert.x pg client cannot read in the binary results of a statement with parameters; cast it "
                        + "to text in the query, or run it without parameters.", "0A000", null, null);
            }
            return null;
        }
        Class<?> wanted = box(type);
        if (wanted == Object.class) {
            return (T) natural(value);
        }
        if (wanted.isInstance(value)) {
            return (T) value;
        }
        Object converted = convert(value, wanted, index);
        if (converted == null) {
            throw new DriverException("Column " + index + " (" + names.get(index - 1) + ") holds a "
                    + value.getClass().getName() + " that cannot be read as " + wanted.getName() + ".", "22000", null, null);
        }
        return (T) converted;
    }

    private void check(int index) {
        if (index < 1 || index > names.size()) {
            throw new IndexOutOfBoundsException("Column " + index + " of " + names.size());
        }
    }

    /** The driver's value without Vert.x's own classes. */
    private static Object natural(Object value) {
        return switch (value) {
            case Numeric n -> n.isNaN() ? (Object) Double.NaN : n.bigDecimalValue();
            case Buffer b -> b.getBytes();
            case JsonObject j -> j.encode();
            case JsonArray j -> j.encode();
            default -> value;
        };
    }

    private Object convert(Object value, Class<?> type, int index) {
        if (type == String.class) {
            return text(value);
        }
        if (type == Long.class || type == Integer.class || type == Short.class) {
            return integral(value, type, index);
        }
        if (type == Double.class || type == Float.class) {
            Double d = switch (value) {
                case Number n -> n.doubleValue();
                case String s -> Double.valueOf(s.trim());
                default -> null;
            };
            return d == null ? null : type == Double.class ? d : (Object) d.floatValue();
        }
        if (type == BigDecimal.class) {
            return switch (value) {
                case Numeric n when !n.isNaN() -> n.bigDecimalValue();
                case Double d -> new BigDecimal(d.toString());
                case Float f -> new BigDecimal(f.toString());
                case Long l -> BigDecimal.valueOf(l);
                case Integer i -> BigDecimal.valueOf(i);
                case Short s -> BigDecimal.valueOf(s);
                case String s -> new BigDecimal(s.trim());
                default -> null;
            };
        }
        if (type == BigInteger.class) {
            return bigInteger(value, index);
        }
        if (type == Boolean.class) {
            return switch (value) {
                case Number n -> n.doubleValue() != 0;
                case String s -> bool(s);
                default -> null;
            };
        }
        if (type == byte[].class) {
            return switch (value) {
                case Buffer b -> b.getBytes();
                case String s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                default -> null;
            };
        }
        if (type == UUID.class) {
            return value instanceof String s ? UUID.fromString(s.trim()) : null;
        }
        return temporal(value, type);
    }

    /** Conversions between date/time classes, infinities kept. */
    private Object temporal(Object value, Class<?> type) {
        if (type == Instant.class) {
            return switch (value) {
                case OffsetDateTime o -> o.equals(OffsetDateTime.MAX) ? Instant.MAX
                        : o.equals(OffsetDateTime.MIN) ? Instant.MIN : o.toInstant();
                case LocalDateTime l -> l.equals(LocalDateTime.MAX) ? Instant.MAX
                        : l.equals(LocalDateTime.MIN) ? Instant.MIN : l.toInstant(ZoneOffset.UTC);
                case LocalDate d -> d.equals(LocalDate.MAX) ? Instant.MAX
                        : d.equals(LocalDate.MIN) ? Instant.MIN : d.atStartOfDay().toInstant(ZoneOffset.UTC);
                default -> null;
            };
        }
        if (type == OffsetDateTime.class) {
            return switch (value) {
                case LocalDateTime l -> l.equals(LocalDateTime.MAX) ? OffsetDateTime.MAX
                        : l.equals(LocalDateTime.MIN) ? OffsetDateTime.MIN : l.atOffset(ZoneOffset.UTC);
                case LocalDate d -> d.equals(LocalDate.MAX) ? OffsetDateTime.MAX
                        : d.equals(LocalDate.MIN) ? OffsetDateTime.MIN : d.atStartOfDay().atOffset(ZoneOffset.UTC);
                default -> null;
            };
        }
        if (type == LocalDateTime.class) {
            return switch (value) {
                case OffsetDateTime o -> o.equals(OffsetDateTime.MAX) ? LocalDateTime.MAX
                        : o.equals(OffsetDateTime.MIN) ? LocalDateTime.MIN
                        : o.atZoneSameInstant(sessionZone).toLocalDateTime();
                case LocalDate d -> d.equals(LocalDate.MAX) ? LocalDateTime.MAX
                        : d.equals(LocalDate.MIN) ? LocalDateTime.MIN : d.atStartOfDay();
                default -> null;
            };
        }
        if (type == LocalDate.class) {
            return switch (value) {
                case LocalDateTime l -> l.equals(LocalDateTime.MAX) ? LocalDate.MAX
                        : l.equals(LocalDateTime.MIN) ? LocalDate.MIN : l.toLocalDate();
                case OffsetDateTime o -> o.equals(OffsetDateTime.MAX) ? LocalDate.MAX
                        : o.equals(OffsetDateTime.MIN) ? LocalDate.MIN : o.atZoneSameInstant(sessionZone).toLocalDate();
                default -> null;
            };
        }
        if (type == LocalTime.class) {
            return switch (value) {
                case OffsetTime t -> t.toLocalTime();
                case LocalDateTime l -> l.toLocalTime();
                default -> null;
            };
        }
        if (type == Duration.class && value instanceof Interval i) {
            return dev.quarry.spi.Intervals.duration(i.getYears() * 12L + i.getMonths(), i.getDays(),
                    ((i.getHours() * 60L + i.getMinutes()) * 60L + i.getSeconds()) * 1_000_000L + i.getMicroseconds());
        }
        if (type == dev.quarry.spi.JsonText.class) {
            return new dev.quarry.spi.JsonText(value == Tuple.JSON_NULL ? "null" : io.vertx.core.json.Json.encode(value));
        }
        return null;
    }

    private static String text(Object value) {
        return switch (value) {
            case Buffer b -> b.toString(java.nio.charset.StandardCharsets.UTF_8);
            case JsonObject j -> j.encode();
            case JsonArray j -> j.encode();
            case Numeric n -> n.toString();
            case OffsetDateTime o when o.equals(OffsetDateTime.MAX) -> "infinity";
            case OffsetDateTime o when o.equals(OffsetDateTime.MIN) -> "-infinity";
            case LocalDateTime l when l.equals(LocalDateTime.MAX) -> "infinity";
            case LocalDateTime l when l.equals(LocalDateTime.MIN) -> "-infinity";
            default -> value.toString();
        };
    }

    private static Object integral(Object value, Class<?> type, int index) {
        long v;
        switch (value) {
            case Long l -> v = l;
            case Integer i -> v = i;
            case Short s -> v = s;
            case Numeric n -> v = exactLong(n.isNaN() ? null : n.bigDecimalValue(), value, index);
            case Double d -> v = exactLong(new BigDecimal(d.toString()), value, index);
            case Float f -> v = exactLong(new BigDecimal(f.toString()), value, index);
            case String s -> v = Long.parseLong(s.trim());
            default -> {
                return null;
            }
        }
        if (type == Long.class) {
            return v;
        }
        if (type == Integer.class && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return (int) v;
        }
        if (type == Short.class && v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            return (short) v;
        }
        throw outOfRange(value, type, index);
    }

    /** The whole part, as pgjdbc's {@code getLong} truncates a numeric; out of range fails. */
    private static long exactLong(BigDecimal d, Object value, int index) {
        if (d == null) {
            throw outOfRange(value, Long.class, index);
        }
        BigInteger whole = d.toBigInteger();
        if (whole.bitLength() > 63) {
            throw outOfRange(value, Long.class, index);
        }
        return whole.longValue();
    }

    private static Object bigInteger(Object value, int index) {
        BigDecimal d = switch (value) {
            case Numeric n when !n.isNaN() -> n.bigDecimalValue();
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case String s -> new BigDecimal(s.trim());
            default -> null;
        };
        if (d == null) {
            return null;
        }
        try {
            return d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new DriverException("Column " + index + " holds " + d + ", which is not an integer.", "22003", null, e);
        }
    }

    private static Boolean bool(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "t", "true", "y", "yes", "on", "1" -> Boolean.TRUE;
            case "f", "false", "n", "no", "off", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static DriverException outOfRange(Object value, Class<?> type, int index) {
        return new DriverException("Column " + index + " holds " + value + ", out of the range of " + type.getSimpleName()
                + ".", "22003", null, null);
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        return type == byte.class ? Byte.class : type == char.class ? Character.class : type;
    }
}
