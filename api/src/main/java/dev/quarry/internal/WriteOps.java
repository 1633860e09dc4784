package dev.quarry.internal;

import dev.quarry.BulkOptions;
import dev.quarry.Deleted;
import dev.quarry.Expression;
import dev.quarry.FieldException;
import dev.quarry.internal.exec.Conn;
import dev.quarry.internal.meta.FieldKind;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.internal.query.Compiler;
import dev.quarry.internal.query.OnConflict;
import dev.quarry.internal.query.Operand;
import dev.quarry.internal.query.Operands;
import dev.quarry.internal.query.Query;
import dev.quarry.internal.query.Resolver;
import dev.quarry.spi.Statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/** The writing terminal operations: INSERT, UPDATE, DELETE and the bulk forms, checked on the caller's thread. */
final class WriteOps {

    /** PostgreSQL binds at most 65535 parameters per statement. */
    static final int MAX_PARAMS = 65_535;

    private WriteOps() {
    }

    /** {@code update(values)}: one UPDATE; values may be F expressions. */
    static Function<Conn, CompletableFuture<Long>> update(Compiler compiler, Query q, Map<String, ?> values) {
        if (q.isSliced()) {
            throw new IllegalStateException("Cannot update a query once a slice has been taken.");
        }
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("update() needs at least one field to set.");
        }
        Resolver resolver = new Resolver(q.model(), q.annotations(), null);
        Map<FieldMeta, Operand> set = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            FieldMeta field = resolver.concreteField(name);
            Operand op = value instanceof Expression e ? settable(q, name, e, resolver.expression(e))
                    : new Operand.Param(q.model().toDb(field, value));
            set.put(field, op);
        });
        if (q.isEmpty()) {
            return conn -> CompletableFuture.completedFuture(0L);
        }
        Statement st = compiler.update(q, set);
        return conn -> conn.update(st);
    }

    /**
     * An update value may use the row's own columns and non-aggregate annotations over them, as in Django:
     * an aggregate or a column of a joined table cannot be set row by row.
     */
    private static Operand settable(Query q, String name, Expression e, Operand op) {
        if (op.containsAggregate()) {
            throw new FieldException("Aggregate functions are not allowed in this query (" + name + "=" + e + ").");
        }
        if (Operands.tables(op).stream().anyMatch(t -> !t.equals(q.model().table()))) {
            throw new FieldException("Joined field references are not permitted in this query (" + name + "=" + e + ").");
        }
        return op;
    }

    /** {@code delete()}: one DELETE, counted per model. */
    static Function<Conn, CompletableFuture<Deleted>> delete(Compiler compiler, Query q, boolean valuesShape) {
        if (q.isSliced()) {
            throw new IllegalStateException("Cannot use 'limit' or 'offset' with delete().");
        }
        if (!q.distinctFields().isEmpty()) {
            throw new IllegalStateException("Cannot call delete() after .distinct(*fields).");
        }
        if (valuesShape) {
            throw new IllegalStateException("Cannot call delete() after .values() or .values_list().");
        }
        String entity = q.model().entityName();
        if (q.isEmpty()) {
            return conn -> CompletableFuture.completedFuture(new Deleted(0, Map.of()));
        }
        if (Deletion.needsCollector(q.model())) {
            return conn -> Deletion.run(conn, compiler, q);
        }
        Statement st = compiler.delete(q);
        return conn -> conn.update(st).thenApply(n -> new Deleted(n, n == 0 ? Map.of() : Map.of(entity, n)));
    }

    /** Builds an instance from field values, the way Django's {@code Model(**kwargs)} does. */
    static <T> T instance(ModelMeta<T> model, Map<String, ?> fields) {
        T obj = model.newInstance();
        assign(model, obj, fields);
        return obj;
    }

    /** Sets fields of {@code obj}; a callable (Supplier) value is called first, as Django's resolve_callables. */
    static void assign(ModelMeta<?> model, Object obj, Map<String, ?> fields) {
        fields.forEach((name, raw) -> {
            FieldMeta field = model.requireField(name);
            Object value = raw instanceof Supplier<?> s ? s.get() : raw;
            if (!field.isConcrete()) {
                throw new IllegalArgumentException("Direct assignment to the " + (field.kind() == FieldKind.REVERSE ? "reverse side of a related set"
                        : "forward side of a many-to-many set") + " is prohibited. Use " + name + ".set() instead.");
            }
            if (field.kind() == FieldKind.FOREIGN_KEY && value != null && !field.target().isInstance(value)) {
                ModelMeta<?> target = model.models().meta(field.target());
                Object ref = target.newInstance();
                target.pk().set(ref, target.pk().codec().fromDb(target.pk().codec().toDb(value)));
                value = ref;
            } else if (field.kind() == FieldKind.COLUMN && value != null) {
                value = field.codec().fromDb(field.codec().toDb(value));
            }
            field.set(obj, value);
        });
    }

    /** The columns an INSERT of {@code obj} writes: all concrete fields but a generated pk left unset. */
    static List<FieldMeta> insertColumns(ModelMeta<?> model, boolean pkGiven) {
        List<FieldMeta> cols = new ArrayList<>();
        for (FieldMeta f : model.concreteFields()) {
            if (f.pk() && f.generated() && !pkGiven) {
                continue;
            }
            cols.add(f);
        }
        return cols;
    }

    /** {@code create(obj)}: one INSERT ... RETURNING pk. */
    static <T> Function<Conn, CompletableFuture<T>> insert(Compiler compiler, ModelMeta<T> model, T obj) {
        model.prePersist(obj);
        Object pk = model.pkValue(obj);
        if (pk == null && !model.pk().generated()) {
            throw new IllegalArgumentException(model.entityName() + " has no generated key: set its '"
                    + model.pk().name() + "' before saving.");
        }
        List<FieldMeta> cols = insertColumns(model, pk != null);
        List<Object> row = new ArrayList<>(cols.size());
        for (FieldMeta f : cols) {
            row.add(model.dbValue(f, obj));
        }
        Statement st = compiler.insert(model, cols, List.of(row), OnConflict.FAIL, List.of(model.pk()));
        FieldMeta pkField = model.pk();
        return conn -> conn.query(st, r -> r.get(1, pkField.codec().dbType())).thenApply(keys -> {
            model.setFromDb(pkField, obj, keys.get(0));
            return obj;
        });
    }

    /** {@code bulkCreate}: multi-row INSERTs of at most batchSize rows, atomically, pks from RETURNING. */
    static <T> Function<Conn, CompletableFuture<List<T>>> bulkCreate(Compiler compiler, ModelMeta<T> model, List<T> objs,
                                                                   BulkOptions options) {
        if (options.ignoreConflicts() && options.updateConflicts()) {
            throw new IllegalArgumentException("ignore_conflicts and update_conflicts are mutually exclusive.");
        }
        OnConflict conflict = onConflict(model, options);
        List<T> withPk = new ArrayList<>();
        List<T> withoutPk = new ArrayList<>();
        for (T obj : objs) {
            if (obj == null) {
                throw new IllegalArgumentException("bulkCreate() got a null object.");
            }
            model.prePersist(obj);
            (model.pkValue(obj) != null || !model.pk().generated() ? withPk : withoutPk).add(obj);
        }
        List<Function<Conn, CompletableFuture<Void>>> batches = new ArrayList<>();
        boolean returnKeys = !options.ignoreConflicts();
        for (List<T> group : List.of(withPk, withoutPk)) {
            if (group.isEmpty()) {
                continue;
            }
            List<FieldMeta> cols = insertColumns(model, group == withPk);
            int perBatch = Math.max(1, MAX_PARAMS / Math.max(1, cols.size()));
            if (options.batchSize() > 0) {
                perBatch = Math.min(perBatch, options.batchSize());
            }
            for (int i = 0; i < group.size(); i += perBatch) {
                List<T> slice = group.subList(i, Math.min(group.size(), i + perBatch));
                List<List<Object>> rows = new ArrayList<>(slice.size());
                for (T obj : slice) {
                    List<Object> row = new ArrayList<>(cols.size());
                    for (FieldMeta f : cols) {
                        row.add(model.dbValue(f, obj));
                    }
                    rows.add(row);
                }
                Statement st = compiler.insert(model, cols, rows, conflict, returnKeys ? List.of(model.pk()) : List.of());
                batches.add(conn -> returnKeys
                        ? conn.query(st, r -> r.get(1, model.pk().codec().dbType())).thenAccept(keys -> {
                            for (int k = 0; k < keys.size() && k < slice.size(); k++) {
                                model.setFromDb(model.pk(), slice.get(k), keys.get(k));
                            }
                        })
                        : conn.update(st).thenApply(n -> null));
            }
        }
        List<T> result = List.copyOf(objs);
        if (batches.isEmpty()) {
            return conn -> CompletableFuture.completedFuture(result);
        }
        Function<Conn, CompletableFuture<Void>> all = conn -> {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (var batch : batches) {
                chain = chain.thenCompose(v -> batch.apply(conn));
            }
            return chain;
        };
        return conn -> (batches.size() == 1 ? all.apply(conn) : conn.atomic(all)).thenApply(v -> result);
    }

    private static OnConflict onConflict(ModelMeta<?> model, BulkOptions options) {
        if (options.ignoreConflicts()) {
            return OnConflict.IGNORE;
        }
        if (!options.updateConflicts()) {
            return OnConflict.FAIL;
        }
        if (options.uniqueFields().isEmpty()) {
            throw new IllegalArgumentException("Unique fields that can trigger the upsert must be provided.");
        }
        List<FieldMeta> update = new ArrayList<>();
        for (String name : options.updateFields()) {
            FieldMeta f = model.fieldOrAttribute(name);
            if (f == null || !f.isConcrete()) {
                throw new FieldException("bulk_create() can only be used with concrete fields in update_fields; got '" + name
                        + "'. Choices are: " + concreteNames(model) + ".");
            }
            if (f.pk()) {
                throw new IllegalArgumentException("bulk_create() cannot be used with primary keys in update_fields.");
            }
            update.add(f);
        }
        List<FieldMeta> unique = new ArrayList<>();
        for (String name : options.uniqueFields()) {
            FieldMeta f = model.fieldOrAttribute(name);
            if (f == null || !f.isConcrete()) {
                throw new FieldException("bulk_create() can only be used with concrete fields in unique_fields; got '" + name
                        + "'. Choices are: " + concreteNames(model) + ".");
            }
            unique.add(f);
        }
        return OnConflict.update(unique, update);
    }

    static String concreteNames(ModelMeta<?> model) {
        return String.join(", ", model.concreteFields().stream().map(FieldMeta::name).toList());
    }

    /** {@code bulkUpdate}: one batched UPDATE per chunk, atomically; the sum of rows matched. */
    static <T> Function<Conn, CompletableFuture<Long>> bulkUpdate(Compiler compiler, ModelMeta<T> model, List<T> objs,
                                                                List<String> fieldNames, int batchSize) {
        if (batchSize < 0) {
            throw new IllegalArgumentException("Batch size must be a positive integer.");
        }
        if (fieldNames == null || fieldNames.isEmpty()) {
            throw new IllegalArgumentException("Field names must be given to bulk_update().");
        }
        List<FieldMeta> fields = new ArrayList<>();
        for (String name : fieldNames) {
            FieldMeta f = model.fieldOrAttribute(name);
            if (f == null || !f.isConcrete()) {
                throw new FieldException("bulk_update() can only be used with concrete fields; got '" + name
                        + "'. Choices are: " + concreteNames(model) + ".");
            }
            if (f.pk()) {
                throw new IllegalArgumentException("bulk_update() cannot be used with primary key fields.");
            }
            fields.add(f);
        }
        for (T obj : objs) {
            if (obj == null || model.pkValue(obj) == null) {
                throw new IllegalArgumentException("All bulk_update() objects must have a primary key set.");
            }
        }
        if (objs.isEmpty()) {
            return conn -> CompletableFuture.completedFuture(0L);
        }
        String text = compiler.updateByPk(model, fields);
        List<List<Object>> sets = new ArrayList<>(objs.size());
        for (T obj : objs) {
            model.preUpdate(obj);
            List<Object> params = new ArrayList<>(fields.size() + 1);
            for (FieldMeta f : fields) {
                params.add(model.dbValue(f, obj));
            }
            params.add(model.dbValue(model.pk(), obj));
            sets.add(params);
        }
        int per = batchSize > 0 ? batchSize : sets.size();
        return conn -> conn.atomic(c -> {
            CompletableFuture<Long> total = CompletableFuture.completedFuture(0L);
            for (int i = 0; i < sets.size(); i += per) {
                List<List<Object>> chunk = sets.subList(i, Math.min(sets.size(), i + per));
                total = total.thenCompose(sum -> c.batch(text, chunk).thenApply(counts -> {
                    long n = sum;
                    for (long count : counts) {
                        n += Math.max(0, count);
                    }
                    return n;
                }));
            }
            return total;
        });
    }
}
