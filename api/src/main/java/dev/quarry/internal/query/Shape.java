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

    /** {@code values(fields)}. */
    public static Shape<Map<String, Object>> values(List<String> fields) {
        return new ValuesShape(fields);
    }

    /** {@code valuesList(fields)}. */
    public static Shape<List<Object>> valuesList(List<String> fields) {
        return new ListShape(fields);
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
        FieldMeta f = s.field();
        return f == null ? v : f.kind() == FieldKind.FOREIGN_KEY ? f.codec().fromDb(v) : f.codec().fromDb(v);
    }

    /** The model's concrete fields and annotations, as values()/valuesList() select with no names. */
    static List<Selected> named(Query query, List<String> names, boolean attnames) {
        List<Selected> out = new ArrayList<>();
        Resolver resolver = query.resolver();
        if (names.isEmpty()) {
            for (FieldMeta f : query.model().concreteFields()) {
                String key = attnames && f.kind() == FieldKind.FOREIGN_KEY ? f.name() + "_id" : f.name();
                out.add(new Selected(key, new Operand.Col(query.model().table(), f), f.codec().dbType(), f));
            }
            query.annotations().values().forEach(a -> out.add(new Selected(a.alias(),
                    new Operand.Ref(a.alias(), a.operand()), a.readType(), null)));
            return out;
        }
        for (String name : names) {
            Operand op = resolver.fieldOperand(name);
            FieldMeta f = op instanceof Operand.Col c ? c.field() : null;
            out.add(new Selected(name, op, ReadTypes.of(op), f));
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
            for (Annotation a : query.annotations().values()) {
                FieldMeta target = meta.transientField(a.alias());
                out.add(new Selected(a.alias(), new Operand.Ref(a.alias(), a.operand()), a.readType(), target));
            }
            return out;
        }

        @Override
        public RowMapper<T> mapper(Query query, List<Selected> columns) {
            Selected[] cols = columns.toArray(Selected[]::new);
            int concrete = (int) Arrays.stream(cols).filter(s -> s.operand() instanceof Operand.Col).count();
            return row -> {
                T obj = meta.newInstance();
                for (int i = 0; i < cols.length; i++) {
                    Selected s = cols[i];
                    if (i < concrete) {
                        Object v = row.get(i + 1, s.readType());
                        if (v != null) {
                            meta.setFromDb(s.field(), obj, v);
                        }
                    } else if (s.field() != null) {
                        Object v = row.get(i + 1, s.readType());
                        s.field().set(obj, ReadTypes.forField(s.field(), v));
                    }
                }
                return obj;
            };
        }
    }

    static final class ValuesShape extends Shape<Map<String, Object>> {
        private final List<String> fields;

        ValuesShape(List<String> fields) {
            this.fields = fields;
        }

        @Override
        public List<Selected> columns(Query query) {
            return named(query, fields, true);
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

        ListShape(List<String> fields) {
            this.fields = fields;
        }

        @Override
        public List<Selected> columns(Query query) {
            return named(query, fields, false);
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
            List<Selected> cols = named(query, List.of(field), false);
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
