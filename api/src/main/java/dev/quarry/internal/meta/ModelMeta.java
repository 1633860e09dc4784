package dev.quarry.internal.meta;

import dev.quarry.FieldException;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything Quarry knows of a model class, read once from its {@code jakarta.persistence} annotations by
 * {@link ModelParser}. Immutable and shared.
 *
 * @param <T> the model
 */
public final class ModelMeta<T> {

    /**
     * A multi-column unique constraint or index from {@code @Table}.
     *
     * @param name    its name ({@code null}: generated)
     * @param columns its columns
     * @param unique  whether it is unique
     */
    public record TableConstraint(String name, List<String> columns, boolean unique) {
    }

    private final Class<T> type;
    private final String entityName;
    private final String table;
    private final List<FieldMeta> fields;
    private final List<FieldMeta> concreteFields;
    private final Map<String, FieldMeta> byName;
    /** The names of embedded values and their nested ones ({@code home}, {@code home__geo}). */
    private final java.util.Set<String> embeddedPrefixes;
    private final FieldMeta pk;
    private final FieldMeta version;
    private final MethodHandle constructor;
    private final List<Method> prePersist;
    private final List<Method> preUpdate;
    private final List<TableConstraint> constraints;
    private final Map<String, FieldMeta> transients;
    private final Models models;

    ModelMeta(Class<T> type, String entityName, String table, List<FieldMeta> fields, MethodHandle constructor,
              List<Method> prePersist, List<Method> preUpdate, List<TableConstraint> constraints,
              Map<String, FieldMeta> transients, Models models) {
        this.transients = Map.copyOf(transients);
        this.type = type;
        this.entityName = entityName;
        this.table = table;
        this.fields = List.copyOf(fields);
        this.concreteFields = fields.stream().filter(FieldMeta::isConcrete).toList();
        Map<String, FieldMeta> names = new LinkedHashMap<>();
        fields.forEach(f -> names.put(f.name(), f));
        this.byName = Collections.unmodifiableMap(names);
        java.util.Set<String> prefixes = new java.util.HashSet<>();
        for (String n : names.keySet()) {
            for (int cut = n.indexOf("__"); cut > 0; cut = n.indexOf("__", cut + 2)) {
                prefixes.add(n.substring(0, cut));
            }
        }
        this.embeddedPrefixes = java.util.Set.copyOf(prefixes);
        this.pk = fields.stream().filter(FieldMeta::pk).findFirst().orElseThrow(() -> new IllegalArgumentException(
                type.getName() + " has no @Id field; every model needs a primary key."));
        this.version = fields.stream().filter(FieldMeta::version).findFirst().orElse(null);
        this.constructor = constructor;
        this.prePersist = List.copyOf(prePersist);
        this.preUpdate = List.copyOf(preUpdate);
        this.constraints = List.copyOf(constraints);
        this.models = models;
    }

    /** The model class. */
    public Class<T> type() {
        return type;
    }

    /** {@code @Entity(name)}, default the simple class name. */
    public String entityName() {
        return entityName;
    }

    /** The table name. */
    public String table() {
        return table;
    }

    /** Every field, in declaration order (superclass fields first). */
    public List<FieldMeta> fields() {
        return fields;
    }

    /** The fields stored in this table, in declaration order. */
    public List<FieldMeta> concreteFields() {
        return concreteFields;
    }

    /** The primary key. */
    public FieldMeta pk() {
        return pk;
    }

    /** The {@code @Version} field, or {@code null}. */
    public FieldMeta version() {
        return version;
    }

    /** Multi-column unique constraints and indexes. */
    public List<TableConstraint> constraints() {
        return constraints;
    }

    /** The {@code @Transient} field named {@code name} (a target for annotations), or {@code null}. */
    public FieldMeta transientField(String name) {
        return transients.get(name);
    }

    /** The registry this model belongs to (for its relations' targets). */
    public Models models() {
        return models;
    }

    /** The field named {@code name} ({@code "pk"} is the primary key), or {@code null}. */
    public FieldMeta field(String name) {
        if ("pk".equals(name)) {
            return pk;
        }
        return byName.get(name);
    }

    /**
     * How many of {@code parts}, from {@code i}, name one column of an {@code @Embedded} value ({@code home},
     * {@code city} for the field {@code home__city}); 0 when {@code parts[i]} is no embedded value.
     *
     * @throws FieldException when the parts stop inside an embedded value, naming its fields
     */
    public int embeddedSpan(String[] parts, int i) {
        if (byName.containsKey(parts[i]) || !embeddedPrefixes.contains(parts[i])) {
            return 0;
        }
        String name = parts[i];
        for (int k = i + 1; k < parts.length; k++) {
            name = name + "__" + parts[k];
            if (byName.containsKey(name)) {
                return k - i + 1;
            }
            if (!embeddedPrefixes.contains(name)) {
                break;
            }
        }
        String prefix = parts[i] + "__";
        throw new FieldException("'" + parts[i] + "' is an embedded value; name one of its fields: "
                + String.join(", ", byName.keySet().stream().filter(n -> n.startsWith(prefix)).toList()) + ".");
    }

    /** The field named {@code name}, accepting a foreign key's attribute name ({@code author_id}), or null. */
    public FieldMeta fieldOrAttribute(String name) {
        FieldMeta f = field(name);
        if (f != null) {
            return f;
        }
        if (name.endsWith("_id")) {
            FieldMeta fk = byName.get(name.substring(0, name.length() - 3));
            if (fk != null && fk.kind() == FieldKind.FOREIGN_KEY) {
                return fk;
            }
        }
        return null;
    }

    /** The field named {@code name} or a {@link FieldException} listing the choices, in Django's words. */
    public FieldMeta requireField(String name) {
        FieldMeta f = fieldOrAttribute(name);
        if (f == null) {
            throw unknownField(name, List.of());
        }
        return f;
    }

    /** Django's "Cannot resolve keyword 'x' into field. Choices are: ..." */
    public FieldException unknownField(String name, List<String> extraChoices) {
        TreeSet<String> choices = new TreeSet<>(byName.keySet());
        choices.add("pk");
        choices.addAll(extraChoices);
        return new FieldException("Cannot resolve keyword '" + name + "' into field. Choices are: "
                + String.join(", ", choices) + ".");
    }

    /** A new, empty instance (no-arg constructor). */
    public T newInstance() {
        try {
            return type.cast((Object) constructor.invokeExact());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Cannot instantiate " + type.getName(), t);
        }
    }

    /** The pk value of {@code obj}, or {@code null}. */
    public Object pkValue(Object obj) {
        return pk.get(obj);
    }

    /** The value a concrete field stores: for a foreign key, the related instance's pk. */
    public Object columnValue(FieldMeta field, Object obj) {
        Object value = field.get(obj);
        if (field.kind() == FieldKind.FOREIGN_KEY && value != null) {
            return models.meta(field.target()).pkValue(value);
        }
        return value;
    }

    /**
     * What to bind for a concrete field of {@code obj}.
     *
     * @throws IllegalArgumentException for a related instance that was never saved (Django refuses it
     *         rather than store NULL and lose the link)
     */
    public Object dbValue(FieldMeta field, Object obj) {
        if (field.kind() == FieldKind.FOREIGN_KEY) {
            Object related = field.get(obj);
            if (related != null && models.meta(field.target()).pkValue(related) == null) {
                throw new IllegalArgumentException("save() prohibited to prevent data loss due to unsaved related object '"
                        + field.name() + "'.");
            }
        }
        return field.codec().toDb(columnValue(field, obj));
    }

    /**
     * Sets a concrete field from a value read from the database (already converted to the db type): a
     * foreign key becomes an instance of the target holding only its pk.
     */
    public void setFromDb(FieldMeta field, Object obj, Object dbValue) {
        Object value = field.codec().fromDb(dbValue);
        if (field.kind() == FieldKind.FOREIGN_KEY && value != null) {
            ModelMeta<?> target = models.meta(field.target());
            Object ref = target.newInstance();
            target.pk().set(ref, value);
            value = ref;
        }
        field.set(obj, value);
    }

    /**
     * Converts a user-given value for a concrete field to what the provider binds: a model instance given
     * for a foreign key stands for its pk.
     */
    public Object toDb(FieldMeta field, Object value) {
        if (field.kind() == FieldKind.FOREIGN_KEY && value != null && field.target().isInstance(value)) {
            value = models.meta(field.target()).pkValue(value);
        }
        return field.codec().toDb(value);
    }

    /** Runs the {@code @PrePersist} callbacks. */
    public void prePersist(Object obj) {
        invoke(prePersist, obj);
    }

    /** Runs the {@code @PreUpdate} callbacks. */
    public void preUpdate(Object obj) {
        invoke(preUpdate, obj);
    }

    private static void invoke(List<Method> callbacks, Object obj) {
        for (Method m : callbacks) {
            try {
                m.invoke(obj);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("Callback " + m + " failed", e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("Cannot call " + m, e);
            }
        }
    }

    /** Field names for error messages. */
    public List<String> fieldNames() {
        return new ArrayList<>(byName.keySet());
    }

    @Override
    public String toString() {
        return entityName;
    }
}
