package dev.quarry.internal.meta;

import dev.quarry.Json;
import dev.quarry.JsonCodec;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Chooses the {@link Codec} of a model field: a JPA converter ({@code @Convert}, or an auto-applied one
 * registered with the builder), JSON ({@code Map<String, ?>} or {@code @Json}), an array (a Java array or a
 * {@code List} of a scalar type), else a scalar. Immutable; one per Quarry.
 */
public final class FieldTypes {

    /** Element types an array field may have: the scalars every provider binds and reads in arrays. */
    private static final Set<Class<?>> ARRAY_ELEMENTS = Set.of(String.class, Integer.class, Long.class, Short.class,
            Double.class, Float.class, Boolean.class, BigDecimal.class, UUID.class);

    private final JsonCodec json;
    private final List<AttributeConverter<?, ?>> autoApplied;
    private final ZoneId timeZone;

    /**
     * @param json        encodes JSON fields
     * @param autoApplied {@code @Converter(autoApply = true)} converters, applied to every field of their type
     * @param timeZone    the session time zone: {@code ZonedDateTime} fields read in it, and date/time transforms
     *                    of {@code timestamptz} columns are computed in it
     */
    public FieldTypes(JsonCodec json, List<AttributeConverter<?, ?>> autoApplied, ZoneId timeZone) {
        this.json = json;
        this.autoApplied = List.copyOf(autoApplied);
        this.timeZone = timeZone;
    }

    /** The defaults: Jackson for JSON, no converters. */
    public static FieldTypes defaults() {
        return new FieldTypes(new JacksonJsonCodec(), List.of(), ZoneOffset.UTC);
    }

    /** The session time zone (Django's {@code TIME_ZONE}). */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** The JSON codec, for values compared with JSON paths. */
    public JsonCodec json() {
        return json;
    }

    /** The codec of column field {@code f} of {@code model}. */
    Codec codec(Class<?> model, Field f) {
        String name = f.getName();
        Convert convert = f.getAnnotation(Convert.class);
        if (convert != null && !convert.disableConversion() && convert.converter() != AttributeConverter.class) {
            return converted(model, f, instantiate(model, f, convert.converter()));
        }
        if (convert == null || !convert.disableConversion()) {
            for (AttributeConverter<?, ?> c : autoApplied) {
                if (Codec.box(f.getType()) == typeArguments(c.getClass())[0]) {
                    return converted(model, f, c);
                }
            }
        }
        if (f.isAnnotationPresent(Json.class) || Map.class.isAssignableFrom(f.getType())) {
            return Codec.json(name, f.getType(), f.getGenericType(), json);
        }
        Class<?> element = arrayElement(f);
        if (element != null) {
            if (!ARRAY_ELEMENTS.contains(Codec.box(element))) {
                throw new IllegalArgumentException(model.getName() + "." + name + ": arrays of " + element.getSimpleName()
                        + " are not supported. Array elements may be String, Integer, Long, Short, Double, Float, "
                        + "Boolean, BigDecimal or UUID (or their primitives); store other values as @Json.");
            }
            jakarta.persistence.Column column = f.getAnnotation(jakarta.persistence.Column.class);
            if (column != null && column.length() != 255) {
                throw new IllegalArgumentException(model.getName() + "." + name + ": @Column(length) does not apply to "
                        + "an array field; string arrays are text[] (array operators refuse varchar[] against text[]).");
            }
            return Codec.array(name, f.getType(), Codec.of(name, element, true), List.class.isAssignableFrom(f.getType()));
        }
        if (f.getType() == ZonedDateTime.class) {
            return Codec.zoned(name, timeZone);
        }
        Enumerated enumerated = f.getAnnotation(Enumerated.class);
        return Codec.of(name, f.getType(), enumerated != null && enumerated.value() == EnumType.STRING);
    }

    /** The element type of an array field ({@code byte[]} is a scalar) or of a {@code List<X>} field, else null. */
    private static Class<?> arrayElement(Field f) {
        Class<?> type = f.getType();
        if (type.isArray() && type != byte[].class) {
            return type.getComponentType();
        }
        if ((type == List.class || type == ArrayList.class) && f.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Codec converted(Class<?> model, Field f, AttributeConverter converter) {
        Type[] args = typeArguments(converter.getClass());
        if (!(args[1] instanceof Class<?> column)) {
            throw new IllegalArgumentException(model.getName() + "." + f.getName() + ": cannot tell the column type of "
                    + converter.getClass().getName() + "; implement AttributeConverter<X, Y> with a concrete Y.");
        }
        Codec columnCodec = Codec.of(f.getName(), column, true);
        return Codec.converted(f.getName(), f.getType(), columnCodec, converter::convertToDatabaseColumn,
                converter::convertToEntityAttribute);
    }

    private static AttributeConverter<?, ?> instantiate(Class<?> model, Field f, Class<?> type) {
        if (!AttributeConverter.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(model.getName() + "." + f.getName() + ": @Convert(converter = "
                    + type.getName() + ") is not an AttributeConverter.");
        }
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (AttributeConverter<?, ?>) constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException(model.getName() + "." + f.getName() + ": cannot create converter "
                    + type.getName() + " (it needs a no-arg constructor, and its package must be open to dev.quarry.api).", e);
        }
    }

    /** The {@code X, Y} of a class implementing {@code AttributeConverter<X, Y>} (directly or through a superclass). */
    static Type[] typeArguments(Class<?> converter) {
        for (Class<?> c = converter; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == AttributeConverter.class) {
                    Type[] args = p.getActualTypeArguments();
                    return new Type[]{raw(args[0]), raw(args[1])};
                }
            }
        }
        throw new IllegalArgumentException(converter.getName() + " does not implement AttributeConverter<X, Y> with concrete types.");
    }

    private static Type raw(Type t) {
        return t instanceof ParameterizedType p ? p.getRawType() : t instanceof TypeVariable<?> ? Object.class : t;
    }
}
