package dev.quarry.provider.helidon;

import dev.quarry.spi.DriverException;
import dev.quarry.spi.Row;
import io.helidon.dbclient.DbColumn;
import io.helidon.dbclient.DbRow;
import dev.quarry.spi.Intervals;
import dev.quarry.spi.JsonText;
import org.postgresql.util.PGInterval;
import org.postgresql.util.PGobject;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * {@link Row} over Helidon's {@link DbRow}. One instance serves every row of a result ({@link #at}).
 *
 * <p>Helidon reads each column with JDBC's {@code getObject(index)}, so a value arrives in the driver's natural
 * type ({@code java.sql.Timestamp}, {@code java.sql.Date}, {@code Integer}...) and is converted here to the type
 * asked for, following pgjdbc's own typed getters: a {@code timestamptz} is an instant (read as a local date-time,
 * it is seen in the JVM's time zone), a {@code timestamp} read as an instant or offset date-time is taken as UTC,
 * PostgreSQL's {@code infinity} and {@code -infinity} are the {@code MAX} and {@code MIN} of the java.time type.
 */
final class HelidonRow implements Row {

    /** pgjdbc's {@code PGStatement} markers for {@code infinity} / {@code -infinity} (and their date forms). */
    private static final long POSITIVE_INFINITY = 9223372036825200000L;
    private static final long NEGATIVE_INFINITY = -9223372036832400000L;
    private static final long POSITIVE_SMALLER_INFINITY = 185543533774800000L;
    private static final long NEGATIVE_SMALLER_INFINITY = -185543533774800000L;

    private DbRow row;
    private int columnCount = -1;

    /** Points at the next row of the same result. */
    HelidonRow at(DbRow next) {
        this.row = next;
        return this;
    }

    /** Helidon's row has no column count: the first index it refuses ends the columns (once per result). */
    @Override
    public int columnCount() {
        if (columnCount < 0) {
            int n = 0;
            while (true) {
                try {
                    row.column(n + 1);
                } catch (IndexOutOfBoundsException end) {
                    break;
                }
                n++;
            }
            columnCount = n;
        }
        return columnCount;
    }

    @Override
    public String columnName(int index) {
        return column(index).name();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(int index, Class<T> type) {
        DbColumn column = column(index);
        Object value = column.get(Object.class);
        if (value == null) {
            return null;
        }
        return (T) convert(value, box(type), column.dbType(), index);
    }

    private DbColumn column(int index) {
        int count = columnCount();
        if (index < 1 || index > count) {
            throw new IndexOutOfBoundsException("Column " + index + " of " + count);
        }
        return row.column(index);
    }

    /** Converts a driver value to {@code type}; fails with SQLState 22000 when there is no sensible conversion. */
    static Object convert(Object value, Class<?> type, String dbType, int index) {
        if (type == Object.class || type.isInstance(value)) {
            return value;
        }
        if (type == JsonText.class || type == Duration.class || (type.isArray() && type != byte[].class)) {
            return typed(value, type, index);
        }
        Object converted = switch (value) {
            case Timestamp t -> fromTimestamp(t, type, dbType != null && dbType.toLowerCase(Locale.ROOT).contains("tz"));
            case java.sql.Date d -> fromDate(d, type);
            case Time t -> fromTime(t, type);
            default -> fromOther(value, type, index);
        };
        if (converted == null) {
            throw new DriverException("Column " + index + " holds a " + value.getClass().getName()
                    + (dbType == null ? "" : " (" + dbType + ")") + " that cannot be read as " + type.getName() + ".",
                    "22000", null, null);
        }
        return converted;
    }

    /** JSON text, an interval or an array (each element converted as the scalar it is). */
    private static Object typed(Object value, Class<?> type, int index) {
        if (type == JsonText.class) {
            return new JsonText(text(value, index));
        }
        if (type == Duration.class) {
            if (value instanceof PGInterval p) {
                return Intervals.duration(p.getYears() * 12L + p.getMonths(), p.getDays(), p.getHours() * 3_600_000_000L
                        + p.getMinutes() * 60_000_000L + p.getWholeSeconds() * 1_000_000L + p.getMicroSeconds());
            }
            throw new DriverException("Column " + index + " holds a " + value.getClass().getName() + ", not an interval.",
                    "22000", null, null);
        }
        Object[] raw;
        try {
            raw = value instanceof java.sql.Array a ? (Object[]) a.getArray() : value instanceof Object[] o ? o : null;
        } catch (SQLException e) {
            throw new DriverException("Column " + index + " cannot be read as an array: " + e.getMessage(), e.getSQLState(),
                    null, e);
        }
        if (raw == null) {
            throw new DriverException("Column " + index + " holds a " + value.getClass().getName() + ", not an array.",
                    "22000", null, null);
        }
        Class<?> component = type.getComponentType();
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(component, raw.length);
        for (int k = 0; k < raw.length; k++) {
            out[k] = raw[k] == null ? null : convert(raw[k], component, null, index);
        }
        return out;
    }

    private static Object fromTimestamp(Timestamp t, Class<?> type, boolean withTimeZone) {
        long millis = t.getTime();
        boolean max = millis == POSITIVE_INFINITY;
        boolean min = millis == NEGATIVE_INFINITY;
        if (type == Instant.class) {
            return max ? Instant.MAX : min ? Instant.MIN : withTimeZone ? t.toInstant()
                    : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (type == OffsetDateTime.class) {
            return max ? OffsetDateTime.MAX : min ? OffsetDateTime.MIN : withTimeZone
                    ? t.toInstant().atOffset(ZoneOffset.UTC) : t.toLocalDateTime().atOffset(ZoneOffset.UTC);
        }
        if (type == LocalDateTime.class) {
            return max ? LocalDateTime.MAX : min ? LocalDateTime.MIN : t.toLocalDateTime();
        }
        if (type == LocalDate.class) {
            return max ? LocalDate.MAX : min ? LocalDate.MIN : t.toLocalDateTime().toLocalDate();
        }
        if (type == LocalTime.class) {
            return t.toLocalDateTime().toLocalTime();
        }
        if (type == String.class) {
            return max ? "infinity" : min ? "-infinity" : t.toString();
        }
        return null;
    }

    private static Object fromDate(java.sql.Date d, Class<?> type) {
        long millis = d.getTime();
        boolean max = millis == POSITIVE_INFINITY || millis == POSITIVE_SMALLER_INFINITY;
        boolean min = millis == NEGATIVE_INFINITY || millis == NEGATIVE_SMALLER_INFINITY;
        if (type == LocalDate.class) {
            return max ? LocalDate.MAX : min ? LocalDate.MIN : d.toLocalDate();
        }
        if (type == LocalDateTime.class) {
            return max ? LocalDateTime.MAX : min ? LocalDateTime.MIN : d.toLocalDate().atStartOfDay();
        }
        if (type == OffsetDateTime.class) {
            return max ? OffsetDateTime.MAX : min ? OffsetDateTime.MIN : d.toLocalDate().atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        if (type == Instant.class) {
            return max ? Instant.MAX : min ? Instant.MIN : d.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (type == String.class) {
            return max ? "infinity" : min ? "-infinity" : d.toString();
        }
        return null;
    }

    /** pgjdbc's natural type for {@code time} is {@link Time}, which holds milliseconds only. */
    private static Object fromTime(Time t, Class<?> type) {
        if (type == LocalTime.class) {
            return t.toLocalTime();
        }
        if (type == String.class) {
            return t.toString();
        }
        return null;
    }

    private static Object fromOther(Object value, Class<?> type, int index) {
        if (type == String.class) {
            return text(value, index);
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
                case BigInteger b -> new BigDecimal(b);
                case Double d -> BigDecimal.valueOf(d);
                case Float f -> new BigDecimal(f.toString());
                case Number n -> BigDecimal.valueOf(n.longValue());
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
        if (type == UUID.class) {
            return switch (value) {
                case String s -> UUID.fromString(s);
                case PGobject pg when pg.getValue() != null -> UUID.fromString(pg.getValue());
                case byte[] b when b.length == 16 -> {
                    ByteBuffer buffer = ByteBuffer.wrap(b);
                    yield new UUID(buffer.getLong(), buffer.getLong());
                }
                default -> null;
            };
        }
        if (type == LocalDateTime.class && value instanceof OffsetDateTime odt) {
            return odt.atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime();
        }
        if (type == Instant.class && value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (type == OffsetDateTime.class && value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return null;
    }

    /** A column's text: pgjdbc's natural types for json ({@link PGobject}) and xml ({@link SQLXML}) hold it. */
    private static String text(Object value, int index) {
        try {
            return switch (value) {
                case PGobject pg -> pg.getValue();
                case SQLXML xml -> xml.getString();
                case Clob clob -> clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
                default -> value.toString();
            };
        } catch (SQLException e) {
            throw new DriverException("Column " + index + " cannot be read as text: " + e.getMessage(), e.getSQLState(),
                    null, e);
        }
    }

    private static Object integral(Object value, Class<?> type, int index) {
        long v;
        switch (value) {
            case Long l -> v = l;
            case Integer i -> v = i;
            case Short s -> v = s;
            case Byte b -> v = b;
            case BigDecimal d -> v = exactLong(d.toBigInteger(), value, index);
            case BigInteger b -> v = exactLong(b, value, index);
            case Number n -> v = n.longValue();
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

    private static long exactLong(BigInteger b, Object value, int index) {
        if (b.bitLength() > 63) {
            throw outOfRange(value, Long.class, index);
        }
        return b.longValue();
    }

    private static Object bigInteger(Object value, int index) {
        return switch (value) {
            case BigDecimal d -> {
                try {
                    yield d.toBigIntegerExact();
                } catch (ArithmeticException e) {
                    throw new DriverException("Column " + index + " holds " + d + ", which is not an integer.",
                            "22003", null, e);
                }
            }
            case Long l -> BigInteger.valueOf(l);
            case Integer i -> BigInteger.valueOf(i);
            case Short s -> BigInteger.valueOf(s);
            case String s -> new BigInteger(s.trim());
            default -> null;
        };
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
        if (type == byte.class) {
            return Byte.class;
        }
        return type == char.class ? Character.class : type;
    }
}
