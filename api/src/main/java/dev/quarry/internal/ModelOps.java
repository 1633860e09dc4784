package dev.quarry.internal;

import dev.quarry.Created;
import dev.quarry.Deleted;
import dev.quarry.DoesNotExistException;
import dev.quarry.FieldException;
import dev.quarry.OptimisticLockException;
import dev.quarry.Q;
import dev.quarry.internal.exec.Conn;
import dev.quarry.internal.exec.Futures;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.internal.query.Compiler;
import dev.quarry.internal.query.Operand;
import dev.quarry.internal.query.Query;
import dev.quarry.internal.query.Shape;
import dev.quarry.spi.Statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Django's model-instance methods (save, delete, refresh_from_db) and get_or_create/update_or_create. */
final class ModelOps {

    private ModelOps() {
    }

    /** {@code save(obj)}: INSERT when the pk is unset, else UPDATE (and INSERT when no row has that pk). */
    static <T> Function<Conn, CompletableFuture<T>> save(Compiler compiler, ModelMeta<T> model, T obj, String[] updateFields) {
        Object pk = model.pkValue(obj);
        if (updateFields != null) {
            return saveFields(compiler, model, obj, updateFields);
        }
        if (pk == null) {
            return WriteOps.insert(compiler, model, obj);
        }
        model.preUpdate(obj);
        List<FieldMeta> fields = model.concreteFields().stream().filter(f -> !f.pk()).toList();
        Statement update = updateStatement(compiler, model, obj, fields);
        FieldMeta version = model.version();
        return conn -> conn.update(update).thenCompose(n -> {
            if (n > 0) {
                bumpVersion(model, obj);
                return CompletableFuture.completedFuture(obj);
            }
            if (version != null) {
                return ReadOps.exists(compiler, pkQuery(model, pk), Shape.model(model)).apply(conn).thenCompose(exists -> {
                    if (exists) {
                        throw new OptimisticLockException(model.entityName() + " with pk " + pk
                                + " was changed by someone else: its version is no longer " + version.get(obj) + ".");
                    }
                    return WriteOps.insert(compiler, model, obj).apply(conn);
                });
            }
            return WriteOps.insert(compiler, model, obj).apply(conn);
        });
    }

    private static <T> Function<Conn, CompletableFuture<T>> saveFields(Compiler compiler, ModelMeta<T> model, T obj,
                                                                     String[] names) {
        if (model.pkValue(obj) == null) {
            throw new IllegalArgumentException("Cannot force an update in save() with no primary key.");
        }
        List<FieldMeta> fields = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            FieldMeta f = model.fieldOrAttribute(name);
            if (f == null || !f.isConcrete()) {
                unknown.add(name);
            } else if (!f.pk() && !fields.contains(f)) {
                fields.add(f);
            }
        }
        if (!unknown.isEmpty()) {
            throw new FieldException("The following fields do not exist in this model, are m2m fields, or are non-concrete "
                    + "fields: " + String.join(", ", unknown) + ". Choices are: " + WriteOps.concreteNames(model) + ".");
        }
        if (fields.isEmpty()) {
            return conn -> CompletableFuture.completedFuture(obj);
        }
        model.preUpdate(obj);
        Statement update = updateStatement(compiler, model, obj, fields);
        return conn -> conn.update(update).thenApply(n -> {
            if (n == 0) {
                throw new dev.quarry.DatabaseException("Save with update_fields did not affect any rows.", null, null);
            }
            bumpVersion(model, obj);
            return obj;
        });
    }

    private static Statement updateStatement(Compiler compiler, ModelMeta<?> model, Object obj, List<FieldMeta> fields) {
        Map<FieldMeta, Operand> set = new LinkedHashMap<>();
        FieldMeta version = model.version();
        for (FieldMeta f : fields) {
            if (f == version) {
                set.put(f, new Operand.Arith(dev.quarry.F.Operator.PLUS, new Operand.Col(model.table(), f), new Operand.Param(1)));
            } else {
                set.put(f, new Operand.Param(model.dbValue(f, obj)));
            }
        }
        Query where = pkQuery(model, model.pkValue(obj));
        if (version != null && version.get(obj) != null) {
            where.addCondition(where.resolver().lookup(version.name(), version.get(obj)));
            set.putIfAbsent(version, new Operand.Arith(dev.quarry.F.Operator.PLUS, new Operand.Col(model.table(), version), new Operand.Param(1)));
        }
        return compiler.update(where, set);
    }

    private static void bumpVersion(ModelMeta<?> model, Object obj) {
        FieldMeta version = model.version();
        if (version != null) {
            Object v = version.get(obj);
            long next = v == null ? 1 : ((Number) v).longValue() + 1;
            version.set(obj, version.codec().fromDb(version.codec().toDb(next)));
        }
    }

    static Query pkQuery(ModelMeta<?> model, Object pk) {
        Query q = new Query(model);
        q.addCondition(q.resolver().lookup(model.pk().name(), pk));
        return q;
    }

    /** {@code delete(obj)}: DELETE its row, then clear its pk as Django does. */
    static <T> Function<Conn, CompletableFuture<Deleted>> delete(Compiler compiler, ModelMeta<T> model, T obj) {
        Object pk = model.pkValue(obj);
        if (pk == null) {
            throw new IllegalArgumentException(model.entityName() + " object can't be deleted because its "
                    + model.pk().name() + " attribute is set to None.");
        }
        var delete = WriteOps.delete(compiler, pkQuery(model, pk), false);
        return conn -> delete.apply(conn).thenApply(d -> {
            model.pk().set(obj, null);
            return d;
        });
    }

    /** {@code refreshFromDb(obj, from)}: reloads the fields {@code from} loads onto {@code obj}. */
    static <T> Function<Conn, CompletableFuture<Void>> refresh(Compiler compiler, ModelMeta<T> model, T obj, Query from) {
        Object pk = model.pkValue(obj);
        if (pk == null) {
            throw new IllegalArgumentException("Cannot refresh " + model.entityName() + " from the database: it has no primary key.");
        }
        Query q = from.copy();
        q.addCondition(q.resolver().lookup(model.pk().name(), pk));
        Shape<T> shape = Shape.model(model);
        var columns = shape.columns(q);
        var get = ReadOps.get(compiler, q, shape);
        return conn -> get.apply(conn).thenApply(fresh -> {
            for (var s : columns) {
                if (s.field() != null) {
                    s.field().set(obj, s.field().get(fresh));
                }
            }
            return null;
        });
    }

    /** Django's _extract_model_params: the lookup's plain fields plus defaults, checked against the model. */
    static Map<String, Object> createParams(ModelMeta<?> model, Map<String, ?> lookup, Map<String, ?> defaults) {
        Map<String, Object> params = new LinkedHashMap<>();
        lookup.forEach((k, v) -> {
            if (!k.contains("__")) {
                params.put(k, v);
            }
        });
        if (defaults != null) {
            params.putAll(defaults);
        }
        List<String> invalid = params.keySet().stream().filter(k -> model.fieldOrAttribute(k) == null).toList();
        if (!invalid.isEmpty()) {
            throw new FieldException("Invalid field name(s) for model " + model.type().getSimpleName() + ": '"
                    + String.join("', '", invalid) + "'. Choices are: " + String.join(", ", model.fieldNames()) + ".");
        }
        return params;
    }

    /**
     * get_or_create: get; when missing, create in a savepoint; when that violates a unique constraint (a
     * concurrent creator won), get again.
     */
    static <T> Function<Conn, CompletableFuture<Created<T>>> getOrCreate(Compiler compiler, ModelMeta<T> model, Query base,
                                                                        Map<String, ?> lookup, Map<String, ?> defaults,
                                                                        dev.quarry.internal.exec.Errors errors) {
        Query q = base.copy();
        q.addCondition(q.resolver().resolve(Q.of(lookup)));
        Map<String, Object> params = createParams(model, lookup, defaults);
        var get = ReadOps.get(compiler, q, Shape.model(model));
        return conn -> get.apply(conn).thenApply(obj -> new Created<>(obj, false))
                .exceptionallyCompose(e -> {
                    if (!(Futures.unwrap(e) instanceof DoesNotExistException)) {
                        return CompletableFuture.failedFuture(Futures.unwrap(e));
                    }
                    T obj = WriteOps.instance(model, params);
                    return conn.atomic(c -> WriteOps.insert(compiler, model, obj).apply(c))
                            .thenApply(created -> new Created<>(created, true))
                            .exceptionallyCompose(e2 -> {
                                Throwable cause = Futures.unwrap(e2);
                                if (!errors.isUniqueViolation(cause)) {
                                    return CompletableFuture.failedFuture(cause);
                                }
                                return get.apply(conn).thenApply(found -> new Created<>(found, false))
                                        .exceptionallyCompose(e3 -> CompletableFuture.failedFuture(cause));
                            });
                });
    }

    /** update_or_create: in one atomic block, lock the row, update it from defaults, or create it. */
    static <T> Function<Conn, CompletableFuture<Created<T>>> updateOrCreate(Compiler compiler, ModelMeta<T> model, Query base,
                                                                           Map<String, ?> lookup, Map<String, ?> defaults,
                                                                           Map<String, ?> createDefaults,
                                                                           dev.quarry.internal.exec.Errors errors) {
        Map<String, ?> updates = defaults == null ? Map.of() : defaults;
        createParams(model, Map.of(), updates);
        Query locked = base.copy();
        locked.setLock(new Query.Lock(false, false));
        var getOrCreate = getOrCreate(compiler, model, locked, lookup, createDefaults == null ? updates : createDefaults, errors);
        return conn -> conn.atomic(c -> getOrCreate.apply(c).thenCompose(result -> {
            if (result.created()) {
                return CompletableFuture.completedFuture(result);
            }
            T obj = result.object();
            WriteOps.assign(model, obj, updates);
            String[] fields = updates.keySet().toArray(String[]::new);
            if (fields.length == 0) {
                return CompletableFuture.completedFuture(result);
            }
            return save(compiler, model, obj, fields).apply(c).thenApply(saved -> new Created<>(saved, false));
        }));
    }
}
