package dev.quarry.provider.jdbc;

import dev.quarry.spi.DriverException;
import dev.quarry.spi.Intervals;
import dev.quarry.spi.JsonText;
import org.postgresql.util.PGInterval;
import dev.quarry.spi.Row;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@link Row} over the current row of a {@link ResultSet}. One instance serves every row of a result; the
 * metadata is read at most once per result, and only if a mapper asks for it.
 */
final class JdbcRow implements Row {

    private final ResultSet rs;
    private int columnCount = -1;
    private String[] labels;

    JdbcRow(ResultSet rs) {
        this.rs = rs;
    }

    @Override
    public int columnCount() {
        if (columnCount < 0) {
            try {
                columnCount = rs.getMetaData().getColumnCount();
            } catch (SQLException e) {
                throw Errors.translate(e);
            }
        }
        return columnCount;
    }

    @Override
    public String columnName(int index) {
        if (labels == null) {
            try {
                ResultSetMetaData meta = rs.getMetaData();
                String[] names = new String[meta.getColumnCount()];
                for (int i = 0; i < names.length; i++) {
                    names[i] = meta.getColumnLabel(i + 1);
                }
                columnCount = names.length;
                labels = names;
            } catch (SQLException e) {
                throw Errors.translate(e);
            }
        }
        if (index < 1 || index > labels.length) {
            throw new IndexOutOfBoundsException("Column " + index + " of " + labels.length);
        }
        return labels[index - 1];
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(int index, Class<T> type) {
        try {
            return (T) read(index, type);
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /** Reads with the driver's typed getters; SQL NULL is {@code null} for every type, boxed ones included. */
    private Object read(int i, Class<?> type) throws SQLException {
        if (type == String.class) {
            return rs.getString(i);
        }
        if (type == Long.class || type == long.class) {
            long v = rs.getLong(i);
            return v == 0 && rs.wasNull() ? null : v;
        }
        if (type == Integer.class || type == int.class) {
            int v = rs.getInt(i);
            return v == 0 && rs.wasNull() ? null : v;
        }
        if (type == Object.class) {
            return rs.getObject(i);
        }
        if (type == Boolean.class || type == boolean.class) {
            boolean v = rs.getBoolean(i);
            return !v && rs.wasNull() ? null : v;
        }
        if (type == Instant.class) {
            return instant(rs.getObject(i, OffsetDateTime.class));
        }
        if (type == BigDecimal.class) {
            return rs.getBigDecimal(i);
        }
        if (type == Double.class || type == double.class) {
            double v = rs.getDouble(i);
            return v == 0 && rs.wasNull() ? null : v;
        }
        if (type == UUID.class) {
            return uuid(i);
        }
        if (type == LocalDate.class || type == LocalDateTime.class || type == LocalTime.class
                || type == OffsetDateTime.class) {
            return temporal(i, type);
        }
        if (type == Short.class || type == short.class) {
            short v = rs.getShort(i);
            return v == 0 && rs.wasNull() ? null : v;
        }
        if (type == Float.class || type == float.class) {
            float v = rs.getFloat(i);
            return v == 0 && rs.wasNull() ? null : v;
        }
        if (type == byte[].class) {
            return rs.getBytes(i);
        }
        if (type == BigInteger.class) {
            BigDecimal v = rs.getBigDecimal(i);
            if (v == null) {
                return null;
            }
            try {
                return v.toBigIntegerExact();
            } catch (ArithmeticException e) {
                throw new DriverException("Column " + i + " holds " + v + ", which is not an integer.",
                        "22003", null, e);
            }
        }
        if (type == JsonText.class) {
            String text = rs.getString(i);
            return text == null ? null : new JsonText(text);
        }
        if (type == Duration.class) {
            return duration(rs.getObject(i), i);
        }
        if (type.isArray()) {
            java.sql.Array array = rs.getArray(i);
            return array == null ? null : ArrayElements.convert((Object[]) array.getArray(), type.getComponentType(), i);
        }
        return rs.getObject(i, type);
    }

    /** An {@code interval} as pgjdbc reads it, in the months/days/microseconds that {@link Intervals} counts. */
    static Duration duration(Object value, int i) {
        return switch (value) {
            case null -> null;
            case PGInterval p -> Intervals.duration(p.getYears() * 12L + p.getMonths(), p.getDays(),
                    p.getHours() * 3_600_000_000L + p.getMinutes() * 60_000_000L + p.getWholeSeconds() * 1_000_000L
                            + p.getMicroSeconds());
            default -> throw new DriverException("Column " + i + " holds a " + value.getClass().getName()
                    + ", not an interval.", "22000", null, null);
        };
    }

    /** PostgreSQL's {@code infinity} and {@code -infinity} are {@link Instant#MAX} and {@link Instant#MIN}. */
    private static Instant instant(OffsetDateTime v) {
        if (v == null) {
            return null;
        }
        if (v.equals(OffsetDateTime.MAX)) {
            return Instant.MAX;
        }
        if (v.equals(OffsetDateTime.MIN)) {
            return Instant.MIN;
        }
        return v.toInstant();
    }

    /**
     * The driver's {@code java.time} conversion, widened where pgjdbc refuses one that has an obvious meaning: a
     * {@code timestamptz} read as a local date-time is seen in the session's time zone (pgjdbc sets it to the
     * JVM's, the zone it also uses to write a local date-time into a {@code timestamptz}); a {@code date} read as
     * a date-time is its midnight.
     */
    private Object temporal(int i, Class<?> type) throws SQLException {
        try {
            return rs.getObject(i, type);
        } catch (SQLException refused) {
            Object natural = rs.getObject(i);
            Object converted = switch (natural) {
                case Timestamp t when type == LocalDateTime.class -> t.toLocalDateTime();
                case Timestamp t when type == LocalDate.class -> t.toLocalDateTime().toLocalDate();
                case java.sql.Date d when type == LocalDateTime.class -> d.toLocalDate().atStartOfDay();
                case null, default -> null;
            };
            if (converted == null) {
                throw refused;
            }
            return converted;
        }
    }

    private UUID uuid(int i) throws SQLException {
        Object v = rs.getObject(i);
        return switch (v) {
            case null -> null;
            case UUID uuid -> uuid;
            case String s -> UUID.fromString(s);
            case byte[] b when b.length == 16 -> {
                ByteBuffer buffer = ByteBuffer.wrap(b);
                yield new UUID(buffer.getLong(), buffer.getLong());
            }
            default -> rs.getObject(i, UUID.class);
        };
    }
}
