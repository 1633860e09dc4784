package dev.quarry.internal.query;

import dev.quarry.internal.meta.FieldKind;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.spi.Row;
import dev.quarry.spi.RowMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a row of a QuerySet becomes: a model instance, a map ({@code values}), a list ({@code valuesList})
 * or a single value ({@code valuesListFlat}). A shape decides the SELECT list and maps its rows.
 *
 * @param <T> the row type
 */
public abstract sealed class Shape<T> {

    /** The SELECT list for {@code query}. */
    public abstract List<Selected> columns(Query query);

    /** Maps rows of {@link #columns}. */
    public abstract RowMapper<T> mapper(Query query, List<Selected> columns);

    /** Whether rows are model instances (the only shape that writes work with). */
    public boolean isModel() {
        return false;
    }

    /** Model instances, with only()/defer() and annotations applied. */
    public static <T> Shape<T> model(ModelMeta<T> meta) {
        return new ModelShape<>(meta);
    }

    /**
     * {@code values(fields)}; annotations added later (not in {@code earlierAnnotations}) appear too, as in
     * Django's {@code values("status").annotate(n=Count("id"))}.
     */
    public static Shape<Map<String, Object>> values(List<String> fields, java.util.Set<String> earlierAnnotations) {
        return new ValuesShape(fields, java.util.Set.copyOf(earlierAnnotations));
    }

    /** {@code valuesList(fields)}, with later annotations as {@link #values}. */
    public static Shape<List<Object>> valuesList(List<String> fields, java.util.Set<String> earlierAnnotations) {
        return new ListShape(fields, java.util.Set.copyOf(earlierAnnotations));
    }

    /** {@code valuesListFlat(field, type)}. */
    public static <V> Shape<V> flat(String field, Class<V> type) {
        return new FlatShape<>(field, type);
    }

    /** Checks the names now, so that values("bogus") fails where it is written. */
    public void validate(Query query) {
        columns(query);
    }

    static Object read(Row row, int index, Selected s) {
        Object v = row.get(index, s.readType());
        if (v == null) {
            return null;
        }
        return s.field() == null ? v : s.field().codec().fromDb(v);
    }

    /** The model's concrete fields and annotations, as values()/valuesList() select with no names. */
    static List<Selected> named(Query query, List<String> names, boolean attnames, java.util.Set<String> earlier) {
        List<Selected> out = new ArrayList<>();
        Resolver resolver = query.resolver();
        if (names.isEmpty()) {
            for (FieldMeta f : query.model().concreteFields()) {
                String key = attnames && f.kind() == FieldKind.FOREIGN_KEY ? f.name() + "_id" : f.name();
                out.add(new Selected(key, new Operand.Col(query.model().table(), f), f.codec().dbType(), f));
            }
            query.annotations().values().stream().filter(a -> query.isSelected(a.alias())).forEach(a -> out.add(
                    new Selected(a.alias(), new Operand.Ref(a.alias(), a.operand()), a.readType(),
                            ReadTypes.decoder(a.alias(), a.operand()))));
            return out;
        }
        for (String name : names) {
            if (!query.isSelected(name)) {
                throw new dev.quarry.FieldException("Cannot select the '" + name + "' alias. Use annotate() to promote it.");
            }
            Operand op = resolver.fieldOperand(name);
            FieldMeta f = op instanceof Operand.Col c ? c.field() : ReadTypes.decoder(name, op);
            out.add(new Selected(name, op, ReadTypes.of(op), f));
        }
        for (Annotation a : query.annotations().values()) {
            if (!earlier.contains(a.alias()) && !names.contains(a.alias()) && query.isSelected(a.alias())) {
                out.add(new Selected(a.alias(), new Operand.Ref(a.alias(), a.operand()), a.readType(),
                        ReadTypes.decoder(a.alias(), a.operand())));
            }
        }
        return out;
    }

    static final class ModelShape<T> extends Shape<T> {
        private final ModelMeta<T> meta;

        ModelShape(ModelMeta<T> meta) {
            this.meta = meta;
        }

        @Override
        public boolean isModel() {
            return true;
        }

        @Override
        public List<Selected> columns(Query query) {
            List<Selected> out = new ArrayList<>();
            for (FieldMeta f : meta.concreteFields()) {
                boolean load = f.pk() || (query.only() == null ? !query.deferred().contains(f.name()) : query.only().contains(f.name()));
                if (load) {
                    out.add(new Selected(f.name(), new Operand.Col(meta.table(), f), f.codec().dbType(), f));
                }
            }
            for (String path : query.selectRelated()) {
                Join j = query.joins().get(path);
                for (FieldMeta f : j.target().concreteFields()) {
                    out.add(new Selected(path, new Operand.Col(j.alias(), f), f.codec().dbType(), f));
                }
            }
            for (Annotation a : query.annotations().values()) {
                if (!query.isSelected(a.alias())) {
                    continue;
                }
                FieldMeta target = meta.transientField(a.alias());
                out.add(new Selected(a.alias(), new Operand.Ref(a.alias(), a.operand()), a.readType(), target));
            }
            return out;
        }

        @Override
        public RowMapper<T> mapper(Query query, List<Selected> columns) {
            Selected[] cols = columns.toArray(Selected[]::new);
            int own = 0;
            while (own < cols.length && cols[own].operand() instanceof Operand.Col c && c.table().equals(meta.table())) {
                own++;
            }
            int ownColumns = own;
            Join[] related = query.selectRelated().stream().map(p -> query.joins().get(p)).toArray(Join[]::new);
            int[] parents = parentIndexes(related);
            return row -> {
                T obj = meta.newInstance();
                int i = 0;
                for (; i < ownColumns; i++) {
                    Object v = row.get(i + 1, cols[i].readType());
                    if (v != null) {
                        meta.setFromDb(cols[i].field(), obj, v);
                    }
                }
                if (related.length > 0) {
                    i = readRelated(row, cols, i, obj, related, parents);
                }
                for (; i < cols.length; i++) {
                    if (cols[i].field() != null) {
                        cols[i].field().set(obj, ReadTypes.forField(cols[i].field(), row.get(i + 1, cols[i].readType())));
                    }
                }
                return obj;
            };
        }

        /** For each selectRelated join, the index of the join its key is on, or -1 for the root model. */
        private static int[] parentIndexes(Join[] related) {
            int[] parents = new int[related.length];
            for (int k = 0; k < related.length; k++) {
                int cut = related[k].path().lastIndexOf("__");
                String parentPath = cut < 0 ? null : related[k].path().substring(0, cut);
                parents[k] = -1;
                for (int p = 0; p < k && parentPath != null; p++) {
                    if (related[p].path().equals(parentPath)) {
                        parents[k] = p;
                    }
                }
            }
            return parents;
        }

        /**
         * Builds each selectRelated instance from its columns and sets it on its parent's foreign key; a NULL
         * key (a LEFT JOIN that found nothing) leaves the relation null. Parents come before their children,
         * so one pass suffices. Returns the next column index.
         */
        private int readRelated(Row row, Selected[] cols, int start, T root, Join[] related, int[] parents) {
            Object[] built = new Object[related.length];
            int i = start;
            for (int k = 0; k < related.length; k++) {
                Join j = related[k];
                ModelMeta<?> target = j.target();
                Object instance = target.newInstance();
                boolean present = false;
                for (FieldMeta f : target.concreteFields()) {
                    Object v = row.get(i + 1, cols[i].readType());
                    if (v != null) {
                        target.setFromDb(f, instance, v);
                        present |= f.pk();
                    }
                    i++;
                }
                Object parent = parents[k] < 0 ? root : built[parents[k]];
                if (parent != null) {
                    j.foreignKey().set(parent, present ? instance : null);
                }
                built[k] = present ? instance : null;
            }
            return i;
        }
    }

    static final class ValuesShape extends Shape<Map<String, Object>> {
        private final List<String> fields;
        private final java.util.Set<String> earlier;

        ValuesShape(List<String> fields, java.util.Set<String> earlier) {
            this.fields = fields;
            this.earlier = earlier;
        }

        @Override
        public List<Selected> columns(Query query) {
            return named(query, fields, true, earlier);
        }

        @Override
        public RowMapper<Map<String, Object>> mapper(Query query, List<Selected> columns) {
            Selected[] cols = columns.toArray(Selected[]::new);
            return row -> {
                Map<String, Object> map = new LinkedHashMap<>(cols.length * 2);
                for (int i = 0; i < cols.length; i++) {
                    map.put(cols[i].key(), read(row, i + 1, cols[i]));
                }
                return map;
            };
        }
    }

    static final class ListShape extends Shape<List<Object>> {
        private final List<String> fields;
        private final java.util.Set<String> earlier;

        ListShape(List<String> fields, java.util.Set<String> earlier) {
            this.fields = fields;
            this.earlier = earlier;
        }

        @Override
        public List<Selected> columns(Query query) {
            return named(query, fields, false, earlier);
        }

        @Override
        public RowMapper<List<Object>> mapper(Query query, List<Selected> columns) {
            Selected[] cols = columns.toArray(Selected[]::new);
            return row -> {
                List<Object> list = new ArrayList<>(cols.length);
                for (int i = 0; i < cols.length; i++) {
                    list.add(read(row, i + 1, cols[i]));
                }
                return java.util.Collections.unmodifiableList(list);
            };
        }
    }

    static final class FlatShape<V> extends Shape<V> {
        private final String field;
        private final Class<V> type;

        FlatShape(String field, Class<V> type) {
            this.field = field;
            this.type = type;
        }

        @Override
        public List<Selected> columns(Query query) {
            List<Selected> cols = named(query, List.of(field), false, query.annotations().keySet());
            Selected s = cols.get(0);
            Class<?> actual = s.field() != null ? s.field().codec().javaType() : s.readType();
            if (actual != Object.class && !type.isAssignableFrom(actual)) {
                throw new IllegalArgumentException("valuesListFlat(\"" + field + "\", " + type.getSimpleName()
                        + ".class): the field holds " + actual.getSimpleName() + " values.");
            }
            return cols;
        }

        @Override
        public RowMapper<V> mapper(Query query, List<Selected> columns) {
            Selected s = columns.get(0);
            return row -> type.cast(read(row, 1, s));
        }
    }
}
