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
 *
 * <p>The first {@link #get} of a column chooses the {@link Reader} for the type asked and keeps it for the column:
 * the following rows of the result, asking the same type, go straight to the driver's typed getter instead of
 * through the chain of type checks in {@link #choose}.
 */
final class JdbcRow implements Row {

    /** Reads column {@code i} of the current row as one type. */
    @FunctionalInterface
    private interface Reader {
        Object read(JdbcRow row, int i) throws SQLException;
    }

    private static final Reader STRING = (row, i) -> row.rs.getString(i);
    private static final Reader LONG = (row, i) -> {
        long v = row.rs.getLong(i);
        return v == 0 && row.rs.wasNull() ? null : v;
    };
    private static final Reader INTEGER = (row, i) -> {
        int v = row.rs.getInt(i);
        return v == 0 && row.rs.wasNull() ? null : v;
    };
    private static final Reader OBJECT = (row, i) -> row.rs.getObject(i);
    private static final Reader BOOLEAN = (row, i) -> {
        boolean v = row.rs.getBoolean(i);
        return !v && row.rs.wasNull() ? null : v;
    };
    private static final Reader INSTANT = (row, i) -> instant(row.rs.getObject(i, OffsetDateTime.class));
    private static final Reader BIG_DECIMAL = (row, i) -> row.rs.getBigDecimal(i);
    private static final Reader DOUBLE = (row, i) -> {
        double v = row.rs.getDouble(i);
        return v == 0 && row.rs.wasNull() ? null : v;
    };
    private static final Reader UUID_READER = JdbcRow::uuid;
    private static final Reader LOCAL_DATE = (row, i) -> row.temporal(i, LocalDate.class);
    private static final Reader LOCAL_DATE_TIME = (row, i) -> row.temporal(i, LocalDateTime.class);
    private static final Reader LOCAL_TIME = (row, i) -> row.temporal(i, LocalTime.class);
    private static final Reader OFFSET_DATE_TIME = (row, i) -> row.temporal(i, OffsetDateTime.class);
    private static final Reader SHORT = (row, i) -> {
        short v = row.rs.getShort(i);
        return v == 0 && row.rs.wasNull() ? null : v;
    };
    private static final Reader FLOAT = (row, i) -> {
        float v = row.rs.getFloat(i);
        return v == 0 && row.rs.wasNull() ? null : v;
    };
    private static final Reader BYTES = (row, i) -> row.rs.getBytes(i);
    private static final Reader BIG_INTEGER = JdbcRow::bigInteger;

    private final ResultSet rs;
    private int columnCount = -1;
    private String[] labels;
    /** Per column (0-based), the type last asked and its reader; grown on demand. */
    private Class<?>[] readerTypes = new Class<?>[0];
    private Reader[] readers = new Reader[0];

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
            int c = index - 1;
            Reader reader;
            if (c >= 0 && c < readers.length && readerTypes[c] == type) {
                reader = readers[c];
            } else {
                reader = choose(type);
                remember(c, type, reader);
            }
            return (T) reader.read(this, index);
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    private void remember(int c, Class<?> type, Reader reader) {
        if (c < 0) {
            return; // the driver refuses the index when it is read
        }
        if (c >= readers.length) {
            int length = Math.max(c + 1, readers.length * 2);
            readers = java.util.Arrays.copyOf(readers, length);
            readerTypes = java.util.Arrays.copyOf(readerTypes, length);
        }
        readers[c] = reader;
        readerTypes[c] = type;
    }

    /**
     * The reader of {@code type}: the driver's typed getter; SQL NULL is {@code null} for every type, boxed ones
     * included.
     */
    private static Reader choose(Class<?> type) {
        if (type == String.class) {
            return STRING;
        }
        if (type == Long.class || type == long.class) {
            return LONG;
        }
        if (type == Integer.class || type == int.class) {
            return INTEGER;
        }
        if (type == Object.class) {
            return OBJECT;
        }
        if (type == Boolean.class || type == boolean.class) {
            return BOOLEAN;
        }
        if (type == Instant.class) {
            return INSTANT;
        }
        if (type == BigDecimal.class) {
            return BIG_DECIMAL;
        }
        if (type == Double.class || type == double.class) {
            return DOUBLE;
        }
        if (type == UUID.class) {
            return UUID_READER;
        }
        if (type == LocalDate.class) {
            return LOCAL_DATE;
        }
        if (type == LocalDateTime.class) {
            return LOCAL_DATE_TIME;
        }
        if (type == LocalTime.class) {
            return LOCAL_TIME;
        }
        if (type == OffsetDateTime.class) {
            return OFFSET_DATE_TIME;
        }
        if (type == Short.class || type == short.class) {
            return SHORT;
        }
        if (type == Float.class || type == float.class) {
            return FLOAT;
        }
        if (type == byte[].class) {
            return BYTES;
        }
        if (type == BigInteger.class) {
            return BIG_INTEGER;
        }
        if (type == JsonText.class) {
            return (row, i) -> {
                String text = row.rs.getString(i);
                return text == null ? null : new JsonText(text);
            };
        }
        if (type == Duration.class) {
            return (row, i) -> duration(row.rs.getObject(i), i);
        }
        if (type.isArray()) {
            Class<?> element = type.getComponentType();
            return (row, i) -> {
                java.sql.Array array = row.rs.getArray(i);
                return array == null ? null : ArrayElements.convert((Object[]) array.getArray(), element, i);
            };
        }
        return (row, i) -> row.rs.getObject(i, type);
    }

    private static Object bigInteger(JdbcRow row, int i) throws SQLException {
        BigDecimal v = row.rs.getBigDecimal(i);
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

    private static UUID uuid(JdbcRow row, int i) throws SQLException {
        ResultSet rs = row.rs;
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
