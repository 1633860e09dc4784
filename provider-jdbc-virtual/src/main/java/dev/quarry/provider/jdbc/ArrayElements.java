package dev.quarry.provider.jdbc;

import dev.quarry.spi.DriverException;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;

/** Converts the elements of a SQL array, as the driver decoded them, to the scalar type asked for. */
final class ArrayElements {

    private ArrayElements() {
    }

    /** A new {@code component[]} holding {@code raw}'s elements converted (SQL NULL elements stay null). */
    static Object[] convert(Object[] raw, Class<?> component, int column) {
        if (component.isInstance(raw)) {
            return raw;
        }
        Object[] out = (Object[]) Array.newInstance(component, raw.length);
        for (int k = 0; k < raw.length; k++) {
            out[k] = element(raw[k], component, column);
        }
        return out;
    }

    private static Object element(Object value, Class<?> type, int column) {
        if (value == null || type.isInstance(value) || type == Object.class) {
            return value;
        }
        Object converted = switch (value) {
            case Number n when type == Long.class -> n.longValue();
            case Number n when type == Integer.class -> n.intValue();
            case Number n when type == Short.class -> n.shortValue();
            case Number n when type == Double.class -> n.doubleValue();
            case Number n when type == Float.class -> n.floatValue();
            case Number n when type == BigDecimal.class -> new BigDecimal(n.toString());
            case Number n when type == BigInteger.class -> new BigDecimal(n.toString()).toBigInteger();
            case String s when type == UUID.class -> UUID.fromString(s);
            case java.sql.Date d when type == java.time.LocalDate.class -> d.toLocalDate();
            case java.sql.Timestamp t when type == java.time.LocalDateTime.class -> t.toLocalDateTime();
            case java.sql.Timestamp t when type == java.time.Instant.class -> t.toInstant();
            default -> value instanceof String || type != String.class ? null : value.toString();
        };
        if (converted == null) {
            throw new DriverException("Column " + column + " holds an array element " + value + " ("
                    + value.getClass().getName() + ") that cannot be read as " + type.getName() + ".", "22000", null, null);
        }
        return converted;
    }
}
