package dev.quarry.internal.meta;

import dev.quarry.ValueException;

import dev.quarry.spi.JsonText;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

    /** What kind of value a codec's column holds, which decides the lookups and transforms it offers. */
    public enum Kind {
        /** A scalar column. */
        SCALAR,
        /** A JSON document ({@code jsonb}). */
        JSON,
        /** A SQL array of {@link #element()} values. */
        ARRAY
    }

    private final Class<?> javaType;
    private final Class<?> dbType;
    private final Function<Object, Object> fromDb;
    private final String fieldName;
    /** Converts a non-null value for binding; {@code null}: the built-in scalar conversion. */
    private final Function<Object, Object> toDb;
    private final Kind kind;
    private final Codec element;

    private Codec(String fieldName, Class<?> javaType, Class<?> dbType, Function<Object, Object> fromDb) {
        this(fieldName, javaType, dbType, fromDb, null, Kind.SCALAR, null);
    }

    private Codec(String fieldName, Class<?> javaType, Class<?> dbType, Function<Object, Object> fromDb,
                  Function<Object, Object> toDb, Kind kind, Codec element) {
        this.fieldName = fieldName;
        this.javaType = javaType;
        this.dbType = dbType;
        this.fromDb = fromDb;
        this.toDb = toDb;
        this.kind = kind;
        this.element = element;
    }

    /**
     * A codec whose values pass through {@code convert} on their way in and out: a JPA {@code AttributeConverter}
     * in front of the column type's codec {@code column}.
     *
     * @param attributeType the field's type (what {@code toDatabase} accepts)
     */
    public static Codec converted(String fieldName, Class<?> attributeType, Codec column, Function<Object, Object> toDatabase,
                                  Function<Object, Object> toAttribute) {
        Class<?> boxed = box(attributeType);
        return new Codec(fieldName, boxed, column.dbType, v -> toAttribute.apply(column.fromDb(v)),
                v -> column.toDb(boxed.isInstance(v) ? toDatabase.apply(v) : v), column.kind, column.element);
    }

    /**
     * A JSON codec: values go through {@code json} as {@link JsonText}; {@link dev.quarry.Json#NULL} is the JSON
     * null; a {@link JsonText} is taken as already encoded.
     *
     * @param type the field's generic type, what the text decodes to
     */
    public static Codec json(String fieldName, Class<?> rawType, java.lang.reflect.Type type, dev.quarry.JsonCodec json) {
        return new Codec(fieldName, box(rawType), JsonText.class, v -> decode(json, ((JsonText) v).text(), type),
                v -> encode(json, fieldName, v), Kind.JSON, null);
    }

    /** The JSON text of {@code value} for a JSON column or a comparison with one. */
    public static JsonText encode(dev.quarry.JsonCodec json, String fieldName, Object value) {
        if (value instanceof JsonText t) {
            return t;
        }
        if (value == dev.quarry.Json.NULL) {
            return JsonText.NULL;
        }
        try {
            return new JsonText(json.toJson(value));
        } catch (IllegalArgumentException e) {
            throw new ValueException("Field '" + fieldName + "': " + e.getMessage(), e);
        }
    }

    private static Object decode(dev.quarry.JsonCodec json, String text, java.lang.reflect.Type type) {
        return json.fromJson(text, type);
    }

    /**
     * An array codec: the field (a Java array, or a {@code List} when {@code list}) is bound as an array of
     * {@code element}'s database type ({@code Integer[]} for {@code int[]} and {@code List<Integer>}).
     */
    public static Codec array(String fieldName, Class<?> fieldType, Codec element, boolean list) {
        Class<?> dbArray = java.lang.reflect.Array.newInstance(element.dbType, 0).getClass();
        return new Codec(fieldName, fieldType, dbArray, v -> arrayFromDb((Object[]) v, fieldType, element, list),
                v -> arrayToDb(fieldName, v, element), Kind.ARRAY, element);
    }

    private static Object arrayToDb(String fieldName, Object value, Codec element) {
        List<Object> items = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            items.addAll(c);
        } else if (value.getClass().isArray()) {
            for (int i = 0, n = java.lang.reflect.Array.getLength(value); i < n; i++) {
                items.add(java.lang.reflect.Array.get(value, i));
            }
        } else {
            throw new ValueException("Field '" + fieldName + "' expected an array or a list but got '" + value + "' ("
                    + value.getClass().getSimpleName() + ").");
        }
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(element.dbType, items.size());
        for (int i = 0; i < out.length; i++) {
            out[i] = element.toDb(items.get(i));
        }
        return out;
    }

    private static Object arrayFromDb(Object[] values, Class<?> fieldType, Codec element, boolean list) {
        if (list) {
            List<Object> out = new ArrayList<>(values.length);
            for (Object v : values) {
                out.add(element.fromDb(v));
            }
            return out;
        }
        Class<?> component = fieldType.getComponentType();
        Object out = java.lang.reflect.Array.newInstance(component, values.length);
        for (int i = 0; i < values.length; i++) {
            Object v = element.fromDb(values[i]);
            if (v == null && component.isPrimitive()) {
                throw new ValueException("Field '" + element.fieldName + "' is a " + fieldType.getSimpleName()
                        + " but the database array holds a NULL at index " + i + "; use " + box(component).getSimpleName()
                        + "[] to read NULL elements.");
            }
            java.lang.reflect.Array.set(out, i, v);
        }
        return out;
    }

    /** A {@code ZonedDateTime} field: a {@code timestamptz}, read back in {@code zone} (the session time zone). */
    public static Codec zoned(String fieldName, java.time.ZoneId zone) {
        return new Codec(fieldName, ZonedDateTime.class, OffsetDateTime.class,
                v -> ((OffsetDateTime) v).atZoneSameInstant(zone), null, Kind.SCALAR, null);
    }

    /** Whether the column is a {@code timestamptz} (an instant), whose date/time parts depend on a time zone. */
    public boolean isInstant() {
        return dbType == OffsetDateTime.class || dbType == Instant.class;
    }

    /** What the column holds: a scalar, JSON or an array. */
    public Kind kind() {
        return kind;
    }

    /** The element codec of an array codec, else {@code null}. */
    public Codec element() {
        return element;
    }

    /** The type whose column type the schema gives the field ({@link dev.quarry.spi.Dialect#columnType}). */
    public Class<?> columnType() {
        return javaType == Character.class ? javaType : dbType;
    }

    /** The codec of a field of {@code type}; enums are stored by name when {@code enumByName}, else by ordinal. */
    public static Codec of(String fieldName, Class<?> type, boolean enumByName) {
        Class<?> boxed = box(type);
        if (boxed.isEnum()) {
            Object[] constants = boxed.getEnumConstants();
            if (enumByName) {
                return new Codec(fieldName, boxed, String.class, v -> enumByName(boxed, (String) v));
            }
            return new Codec(fieldName, boxed, Short.class, v -> constants[((Number) v).intValue()]);
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
                    + "LocalDate, LocalTime, LocalDateTime, OffsetDateTime, ZonedDateTime, Instant, java.util.Date, Duration, "
                    + "arrays and Lists of these, Map<String, ?> and @Json fields (JSON), @Convert and @Embedded fields.");
        }
        return new Codec(fieldName, boxed, boxed, Function.identity());
    }

    private static boolean isSupported(Class<?> t) {
        return t == String.class || t == Integer.class || t == Long.class || t == Short.class || t == Double.class
                || t == Float.class || t == Boolean.class || t == BigDecimal.class || t == BigInteger.class
                || t == byte[].class || t == UUID.class || t == LocalDate.class || t == LocalTime.class
                || t == LocalDateTime.class || t == OffsetDateTime.class || t == Instant.class || t == Duration.class;
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
        if (toDb != null) {
            return toDb.apply(value);
        }
        if (javaType.isEnum()) {
            Enum<?> e = value instanceof Enum<?> en && en.getDeclaringClass() == javaType ? en
                    : value instanceof String s ? parseEnum(s) : null;
            if (e == null) {
                throw mismatch(value, "a " + javaType.getSimpleName() + " constant");
            }
            return dbType == String.class ? e.name() : (Object) (short) e.ordinal();
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
