package dev.quarry.internal.meta;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/** Reads a model class's {@code jakarta.persistence} annotations into a {@link ModelMeta}. */
final class ModelParser {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private ModelParser() {
    }

    static <T> ModelMeta<T> parse(Class<T> type, Models models) {
        Entity entity = type.getAnnotation(Entity.class);
        if (entity == null) {
            throw new IllegalArgumentException(type.getName()
                    + " is not a model: annotate it with @jakarta.persistence.Entity.");
        }
        MethodHandles.Lookup lookup = lookupFor(type);
        String entityName = entity.name().isEmpty() ? type.getSimpleName() : entity.name();
        Table tableAnn = type.getAnnotation(Table.class);
        String table = tableAnn != null && !tableAnn.name().isEmpty() ? tableAnn.name() : Naming.snakeCase(type.getSimpleName());

        List<FieldMeta> fields = new ArrayList<>();
        java.util.Map<String, FieldMeta> transients = new java.util.LinkedHashMap<>();
        List<Method> prePersist = new ArrayList<>();
        List<Method> preUpdate = new ArrayList<>();
        for (Class<?> c : hierarchy(type)) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || f.isSynthetic()) {
                    continue;
                }
                if (Modifier.isTransient(mod) || f.isAnnotationPresent(Transient.class)) {
                    transientField(type, table, f, lookup, transients, models.types());
                    continue;
                }
                if (Embeddables.isEmbedded(f)) {
                    fields.addAll(Embeddables.flatten(type, f, (owner, attr) ->
                            field(owner, table, attr, lookupFor(owner), models.types())));
                    continue;
                }
                fields.add(field(type, table, f, lookup, models.types()));
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(PrePersist.class)) {
                    m.setAccessible(true);
                    prePersist.add(m);
                }
                if (m.isAnnotationPresent(PreUpdate.class)) {
                    m.setAccessible(true);
                    preUpdate.add(m);
                }
            }
        }
        MethodHandle constructor;
        try {
            constructor = lookup.findConstructor(type, MethodType.methodType(void.class)).asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getName() + " needs a no-arg constructor to be a model.", e);
        } catch (IllegalAccessException e) {
            throw inaccessible(type, e);
        }
        return new ModelMeta<>(type, entityName, table, fields, constructor, prePersist, preUpdate,
                constraints(tableAnn, fields), transients, models);
    }

    /** A transient field can receive an annotation of the same name, when its type is one Quarry converts. */
    private static void transientField(Class<?> type, String table, Field f, MethodHandles.Lookup lookup,
                                       java.util.Map<String, FieldMeta> out, FieldTypes types) {
        try {
            out.put(f.getName(), field(type, table, f, lookup, types));
        } catch (IllegalArgumentException unsupportedType) {
            // not a target for annotations; nothing else reads transient fields
        }
    }

    static MethodHandles.Lookup lookupFor(Class<?> type) {
        Module api = ModelParser.class.getModule();
        if (!api.canRead(type.getModule())) {
            api.addReads(type.getModule());
        }
        try {
            return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            throw inaccessible(type, e);
        }
    }

    private static IllegalArgumentException inaccessible(Class<?> type, Exception e) {
        return new IllegalArgumentException("Quarry cannot access " + type.getName() + ": its module must open package "
                + type.getPackageName() + " to dev.quarry.api (opens " + type.getPackageName() + " to dev.quarry.api;).", e);
    }

    private static List<Class<?>> hierarchy(Class<?> type) {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.push(c);
        }
        return new ArrayList<>(chain);
    }

    private static FieldMeta field(Class<?> model, String table, Field f, MethodHandles.Lookup lookup, FieldTypes types) {
        MethodHandle getter;
        MethodHandle setter;
        try {
            MethodHandles.Lookup fieldLookup = f.getDeclaringClass() == model ? lookup : lookupFor(f.getDeclaringClass());
            getter = fieldLookup.unreflectGetter(f).asType(GETTER);
            setter = fieldLookup.unreflectSetter(f).asType(SETTER);
        } catch (IllegalAccessException e) {
            throw inaccessible(model, e);
        }
        String name = f.getName();
        Column col = f.getAnnotation(Column.class);
        boolean primitive = f.getType().isPrimitive();
        boolean pk = f.isAnnotationPresent(Id.class);
        boolean generated = f.isAnnotationPresent(GeneratedValue.class);
        boolean version = f.isAnnotationPresent(Version.class);

        ManyToOne manyToOne = f.getAnnotation(ManyToOne.class);
        OneToOne oneToOne = f.getAnnotation(OneToOne.class);
        OneToMany oneToMany = f.getAnnotation(OneToMany.class);
        ManyToMany manyToMany = f.getAnnotation(ManyToMany.class);
        if (manyToOne != null || (oneToOne != null && oneToOne.mappedBy().isEmpty())) {
            Class<?> target = f.getType();
            JoinColumn jc = f.getAnnotation(JoinColumn.class);
            String column = jc != null && !jc.name().isEmpty() ? jc.name() : Naming.snakeCase(name) + "_id";
            boolean optional = manyToOne != null ? manyToOne.optional() : oneToOne.optional();
            boolean nullable = optional && (jc == null || jc.nullable());
            boolean unique = oneToOne != null || (jc != null && jc.unique());
            Codec codec = Codec.of(name, pkType(target), true);
            return new FieldMeta(name, column, FieldKind.FOREIGN_KEY, codec, false, pk, false, false, nullable, unique,
                    0, 0, 0, target, null, null, false, f, getter, setter);
        }
        if (oneToOne != null) {
            return new FieldMeta(name, null, FieldKind.REVERSE, null, false, false, false, false, true, false, 0, 0, 0,
                    f.getType(), oneToOne.mappedBy(), null, cascades(oneToOne.cascade()) || oneToOne.orphanRemoval(),
                    f, getter, setter);
        }
        if (oneToMany != null) {
            Class<?> target = oneToMany.targetEntity() != void.class ? oneToMany.targetEntity() : elementType(model, f);
            String mappedBy = oneToMany.mappedBy();
            if (mappedBy.isEmpty()) {
                throw new IllegalArgumentException(model.getName() + "." + name
                        + ": @OneToMany needs mappedBy (the @ManyToOne field on " + target.getSimpleName() + ").");
            }
            return new FieldMeta(name, null, FieldKind.REVERSE, null, false, false, false, false, true, false, 0, 0, 0,
                    target, mappedBy, null, cascades(oneToMany.cascade()) || oneToMany.orphanRemoval(), f, getter, setter);
        }
        if (manyToMany != null) {
            Class<?> target = manyToMany.targetEntity() != void.class ? manyToMany.targetEntity() : elementType(model, f);
            String mappedBy = manyToMany.mappedBy().isEmpty() ? null : manyToMany.mappedBy();
            FieldMeta.JoinTableMeta joinTable = null;
            if (mappedBy == null) {
                JoinTable jt = f.getAnnotation(JoinTable.class);
                String jtName = jt != null && !jt.name().isEmpty() ? jt.name() : table + "_" + Naming.snakeCase(name);
                String owner = jt != null && jt.joinColumns().length > 0 && !jt.joinColumns()[0].name().isEmpty()
                        ? jt.joinColumns()[0].name() : Naming.snakeCase(model.getSimpleName()) + "_id";
                String other = jt != null && jt.inverseJoinColumns().length > 0 && !jt.inverseJoinColumns()[0].name().isEmpty()
                        ? jt.inverseJoinColumns()[0].name() : Naming.snakeCase(target.getSimpleName()) + "_id";
                if (owner.equals(other)) {
                    owner = "from_" + owner;
                    other = "to_" + other;
                }
                joinTable = new FieldMeta.JoinTableMeta(jtName, owner, other);
            }
            return new FieldMeta(name, null, FieldKind.MANY_TO_MANY, null, false, false, false, false, true, false, 0, 0, 0,
                    target, mappedBy, joinTable, false, f, getter, setter);
        }

        String column = col != null && !col.name().isEmpty() ? col.name() : Naming.snakeCase(name);
        Codec codec = types.codec(model, f);
        boolean nullable = !primitive && !pk && (col == null || col.nullable());
        boolean unique = pk || (col != null && col.unique());
        int length = col != null && col.length() != 255 ? col.length() : 0;
        int precision = col != null ? col.precision() : 0;
        int scale = col != null ? col.scale() : 0;
        return new FieldMeta(name, column, FieldKind.COLUMN, codec, primitive, pk, generated, version, nullable, unique,
                length, precision, scale, null, null, null, false, f, getter, setter);
    }

    private static boolean cascades(CascadeType[] types) {
        return Arrays.stream(types).anyMatch(t -> t == CascadeType.REMOVE || t == CascadeType.ALL);
    }

    private static Class<?> pkType(Class<?> target) {
        for (Class<?> c = target; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Id.class)) {
                    return f.getType();
                }
            }
        }
        throw new IllegalArgumentException(target.getName() + " has no @Id field; every model needs a primary key.");
    }

    private static Class<?> elementType(Class<?> model, Field f) {
        if (Collection.class.isAssignableFrom(f.getType()) && f.getGenericType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalArgumentException(model.getName() + "." + f.getName()
                + ": a to-many relation must be a Collection<Model> (or name targetEntity).");
    }

    private static List<ModelMeta.TableConstraint> constraints(Table table, List<FieldMeta> fields) {
        List<ModelMeta.TableConstraint> out = new ArrayList<>();
        if (table == null) {
            return out;
        }
        for (UniqueConstraint uc : table.uniqueConstraints()) {
            out.add(new ModelMeta.TableConstraint(uc.name().isEmpty() ? null : uc.name(),
                    columns(List.of(uc.columnNames()), fields), true));
        }
        for (Index index : table.indexes()) {
            List<String> cols = Arrays.stream(index.columnList().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            out.add(new ModelMeta.TableConstraint(index.name().isEmpty() ? null : index.name(), columns(cols, fields), index.unique()));
        }
        return out;
    }

    /** JPA lets constraints name columns; accept field names too, as users often write them. */
    private static List<String> columns(List<String> names, List<FieldMeta> fields) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String bare = n.split("\\s+")[0];
            String column = fields.stream().filter(f -> f.isConcrete() && (bare.equals(f.column()) || bare.equals(f.name())))
                    .map(FieldMeta::column).findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "@Table constraint names unknown column '" + bare + "'. Columns are: "
                                    + fields.stream().filter(FieldMeta::isConcrete).map(FieldMeta::column).toList()));
            out.add(column);
        }
        return out;
    }
}
