package dev.quarry.internal.meta;

import dev.quarry.ValueException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Converts between a field's Java type and the value a provider binds or reads (one of the types listed on
 * {@link dev.quarry.spi.Row}). Lenient on input the way Django's {@code to_python} is: numbers of another
 * width, enum names, UUID strings.
 */
public final class Codec {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, double.class, Double.class, float.class, Float.class,
            boolean.class, Boolean.class, char.class, Character.class);

    private final Class<?> javaType;
    private final Class<?> dbType;
    private final Function<Object, Object> fromDb;
    private final String fieldName;

    private Codec(String fieldName, Class<?> javaType, Class<?> dbType, Function<Object, Object> fromDb) {
        this.fieldName = fieldName;
        this.javaType = javaType;
        this.dbType = dbType;
        this.fromDb = fromDb;
    }

    /** The codec of a field of {@code type}; enums are stored by name when {@code enumByName}, else by ordinal. */
    public static Codec of(String fieldName, Class<?> type, boolean enumByName) {
        Class<?> boxed = box(type);
        if (boxed.isEnum()) {
            Object[] constants = boxed.getEnumConstants();
            if (enumByName) {
                return new Codec(fieldName, boxed, String.class, v -> enumByName(boxed, (String) v));
            }
            return new Codec(fieldName, boxed, Integer.class, v -> constants[(Integer) v]);
        }
        if (boxed == Character.class) {
            return new Codec(fieldName, boxed, String.class, v -> ((String) v).isEmpty() ? null : ((String) v).charAt(0));
        }
        if (boxed == Byte.class) {
            return new Codec(fieldName, boxed, Short.class, v -> ((Short) v).byteValue());
        }
        if (boxed == ZonedDateTime.class) {
            return new Codec(fieldName, boxed, OffsetDateTime.class, v -> ((OffsetDateTime) v).toZonedDateTime());
        }
        if (boxed == java.util.Date.class) {
            return new Codec(fieldName, boxed, Instant.class, v -> java.util.Date.from((Instant) v));
        }
        if (!isSupported(boxed)) {
            throw new IllegalArgumentException("Field '" + fieldName + "' has unsupported type " + type.getName()
                    + ". Supported: String, primitives and their boxes, BigDecimal, BigInteger, byte[], UUID, enums, "
                    + "LocalDate, LocalTime, LocalDateTime, OffsetDateTime, ZonedDateTime, Instant, java.util.Date.");
        }
        return new Codec(fieldName, boxed, boxed, Function.identity());
    }

    private static boolean isSupported(Class<?> t) {
        return t == String.class || t == Integer.class || t == Long.class || t == Short.class || t == Double.class
                || t == Float.class || t == Boolean.class || t == BigDecimal.class || t == BigInteger.class
                || t == byte[].class || t == UUID.class || t == LocalDate.class || t == LocalTime.class
                || t == LocalDateTime.class || t == OffsetDateTime.class || t == Instant.class;
    }

    /** The boxed form of a primitive type, else the type. */
    public static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumByName(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    /** The field's (boxed) Java type. */
    public Class<?> javaType() {
        return javaType;
    }

    /** The type the provider reads and binds. */
    public Class<?> dbType() {
        return dbType;
    }

    /** Converts a value read from the database (never null) to the field's type. */
    public Object fromDb(Object value) {
        return value == null ? null : fromDb.apply(value);
    }

    /** Converts a user- or model-given value to what the provider binds; rejects values of the wrong kind. */
    public Object toDb(Object value) {
        if (value == null) {
            return null;
        }
        if (javaType.isEnum()) {
            Enum<?> e = value instanceof Enum<?> en && en.getDeclaringClass() == javaType ? en
                    : value instanceof String s ? parseEnum(s) : null;
            if (e == null) {
                throw mismatch(value, "a " + javaType.getSimpleName() + " constant");
            }
            return dbType == String.class ? e.name() : (Object) e.ordinal();
        }
        if (javaType.isInstance(value)) {
            return toDbSameType(value);
        }
        return coerce(value);
    }

    private Object toDbSameType(Object value) {
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof Byte b) {
            return (short) b;
        }
        if (value instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        return value;
    }

    private Enum<?> parseEnum(String name) {
        for (Object c : javaType.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) {
                return (Enum<?>) c;
            }
        }
        return null;
    }

    private Object coerce(Object value) {
        if (value instanceof Number n) {
            Object converted = coerceNumber(n);
            if (converted != null) {
                return converted;
            }
        }
        if (value instanceof String s) {
            try {
                if (javaType == UUID.class) {
                    return UUID.fromString(s);
                }
                if (javaType == Integer.class || javaType == Long.class || javaType == Short.class
                        || javaType == BigDecimal.class || javaType == BigInteger.class || javaType == Double.class
                        || javaType == Float.class) {
                    return coerceNumber(new BigDecimal(s.trim()));
                }
                if (javaType == LocalDate.class) {
                    return LocalDate.parse(s);
                }
                if (javaType == LocalDateTime.class) {
                    return LocalDateTime.parse(s);
                }
            } catch (RuntimeException e) {
                throw mismatch(value, "a " + javaType.getSimpleName());
            }
        }
        if (javaType == OffsetDateTime.class && value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (javaType == Instant.class && value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if ((javaType == Character.class) && value instanceof String s && s.length() == 1) {
            return s;
        }
        throw mismatch(value, "a " + javaType.getSimpleName());
    }

    private Object coerceNumber(Number n) {
        BigDecimal exact = n instanceof BigDecimal b ? b : n instanceof BigInteger bi ? new BigDecimal(bi)
                : (n instanceof Double || n instanceof Float) ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
        try {
            if (javaType == Long.class) {
                return exact.longValueExact();
            }
            if (javaType == Integer.class) {
                return exact.intValueExact();
            }
            if (javaType == Short.class) {
                return exact.shortValueExact();
            }
            if (javaType == Byte.class) {
                return (short) exact.byteValueExact();
            }
        } catch (ArithmeticException e) {
            throw mismatch(n, "a " + javaType.getSimpleName() + " (the value is out of range or not whole)");
        }
        if (javaType == Double.class) {
            return n.doubleValue();
        }
        if (javaType == Float.class) {
            return n.floatValue();
        }
        if (javaType == BigDecimal.class) {
            return exact;
        }
        if (javaType == BigInteger.class) {
            return exact.toBigInteger();
        }
        return null;
    }

    private ValueException mismatch(Object value, String expected) {
        return new ValueException("Field '" + fieldName + "' expected " + expected + " but got '" + value
                + "' (" + value.getClass().getSimpleName() + ").");
    }
}
