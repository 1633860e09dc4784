package dev.quarry.internal.meta;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Transient;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Flattens an {@code @Embedded} field into one column field per attribute of its {@code @Embeddable} class (nested
 * embeddables included), named {@code home__city} for lookups and named in SQL as JPA does: the attribute's own
 * column name ({@code @Column(name)}, else snake_case), unless the embedding field overrides it with
 * {@code @AttributeOverride(name = "city", column = @Column(name = "home_city"))} (a dotted name reaches into a
 * nested embeddable). Reading sets the embedded instance only when one of its columns is not NULL, so a row of
 * NULLs reads back as a {@code null} embedded value, as in JPA.
 */
final class Embeddables {

    private static final MethodHandle APPLY;
    private static final MethodHandle ACCEPT;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            APPLY = l.findVirtual(Function.class, "apply", MethodType.methodType(Object.class, Object.class));
            ACCEPT = l.findVirtual(BiConsumer.class, "accept", MethodType.methodType(void.class, Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The model parser's reading of one basic column of a class. */
    interface FieldReader {
        FieldMeta read(Class<?> owner, Field f);
    }

    private Embeddables() {
    }

    /** Whether {@code f} embeds an {@code @Embeddable}. */
    static boolean isEmbedded(Field f) {
        return f.isAnnotationPresent(Embedded.class) || f.getType().isAnnotationPresent(Embeddable.class);
    }

    /**
     * The column fields of embedded field {@code f}, read by {@code reader} (the model parser's column reading)
     * and rewired to reach through the embedded instance.
     */
    static List<FieldMeta> flatten(Class<?> model, Field f, FieldReader reader) {
        Map<String, String> overrides = new HashMap<>();
        for (AttributeOverride o : f.getAnnotationsByType(AttributeOverride.class)) {
            overrides.put(o.name(), o.column().name());
        }
        List<FieldMeta> out = new ArrayList<>();
        flatten(model, f, f.getName(), "", overrides, reader, Function.identity(), Function.identity(), out);
        return out;
    }

    /**
     * @param holder      the object holding {@code f} for a model instance, or null when there is none yet
     * @param holderOrNew the same, created (with its own holders) when missing
     */
    private static void flatten(Class<?> model, Field f, String prefix, String dotted, Map<String, String> overrides,
                                FieldReader reader, Function<Object, Object> holder, Function<Object, Object> holderOrNew,
                                List<FieldMeta> out) {
        Class<?> type = f.getType();
        if (!type.isAnnotationPresent(Embeddable.class)) {
            throw new IllegalArgumentException(model.getName() + "." + f.getName() + ": " + type.getName()
                    + " must be annotated @Embeddable to be @Embedded.");
        }
        MethodHandle ctor;
        MethodHandle get;
        MethodHandle set;
        try {
            ctor = ModelParser.lookupFor(type).findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
            MethodHandles.Lookup fieldLookup = ModelParser.lookupFor(f.getDeclaringClass());
            get = fieldLookup.unreflectGetter(f).asType(MethodType.methodType(Object.class, Object.class));
            set = fieldLookup.unreflectSetter(f).asType(MethodType.methodType(void.class, Object.class, Object.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " needs a no-arg constructor to be @Embeddable.", e);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("Quarry cannot access " + type.getName() + ": open its package to dev.quarry.api.", e);
        }
        Function<Object, Object> self = owner -> {
            Object parent = holder.apply(owner);
            return parent == null ? null : invoke(get, parent);
        };
        Function<Object, Object> selfOrNew = owner -> {
            Object parent = holderOrNew.apply(owner);
            Object current = invoke(get, parent);
            if (current == null) {
                current = invoke(ctor);
                invokeSet(set, parent, current);
            }
            return current;
        };
        for (Field attr : attributes(type)) {
            String name = prefix + "__" + attr.getName();
            String path = dotted.isEmpty() ? attr.getName() : dotted + "." + attr.getName();
            if (isEmbedded(attr)) {
                flatten(model, attr, name, path, overrides, reader, self, selfOrNew, out);
                continue;
            }
            FieldMeta column = reader.read(type, attr);
            if (column.kind() != FieldKind.COLUMN) {
                throw new IllegalArgumentException(type.getName() + "." + attr.getName()
                        + ": an @Embeddable may hold only basic columns and other embeddables, not relations.");
            }
            Column col = attr.getAnnotation(Column.class);
            MethodHandle attrGet = column.getter();
            MethodHandle attrSet = column.setter();
            Function<Object, Object> getter = owner -> {
                Object e = self.apply(owner);
                return e == null ? null : invoke(attrGet, e);
            };
            // a NULL column leaves the embedded value alone, so a row of NULLs reads as a null embedded value
            BiConsumer<Object, Object> setter = (owner, v) -> {
                if (v != null) {
                    invokeSet(attrSet, selfOrNew.apply(owner), v);
                }
            };
            out.add(new FieldMeta(name, overrides.getOrDefault(path, column.column()), FieldKind.COLUMN, column.codec(),
                    false, false, false, false, col == null || col.nullable(), column.unique(), column.length(),
                    column.precision(), column.scale(), null, null, null, false, attr, APPLY.bindTo(getter),
                    ACCEPT.bindTo(setter)));
        }
    }

    private static List<Field> attributes(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (!Modifier.isStatic(mod) && !f.isSynthetic() && !Modifier.isTransient(mod)
                    && !f.isAnnotationPresent(Transient.class)) {
                out.add(f);
            }
        }
        return out;
    }

    private static Object invoke(MethodHandle h, Object arg) {
        try {
            return (Object) h.invokeExact(arg);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Object invoke(MethodHandle ctor) {
        try {
            return (Object) ctor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static void invokeSet(MethodHandle h, Object target, Object value) {
        try {
            h.invokeExact(target, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
