package dev.quarry.internal;

import dev.quarry.Created;
import dev.quarry.RelatedManager;
import dev.quarry.internal.exec.Conn;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.internal.meta.Relation;
import dev.quarry.internal.query.LinkTable;
import dev.quarry.internal.query.Node;
import dev.quarry.internal.query.Operand;
import dev.quarry.internal.query.Query;
import dev.quarry.internal.query.Shape;
import dev.quarry.spi.Dialect;
import dev.quarry.spi.Statement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Django's related manager for one instance: a QuerySet restricted to its related rows (a reverse foreign key
 * or a many-to-many), plus add/remove/clear/set, and create/getOrCreate/updateOrCreate that link what they create.
 *
 * @param <R> the related model
 */
final class RelatedManagerImpl<R> extends QuerySetImpl<R> implements RelatedManager<R> {

    private final Relation relation;
    private final ModelMeta<R> target;
    private final Object owner;
    private final Object ownerKey;

    private RelatedManagerImpl(QueryContext ctx, Relation relation, ModelMeta<R> target, Object owner, Object ownerKey) {
        super(ctx, target, restriction(relation, target, ownerKey), Shape.model(target));
        this.relation = relation;
        this.target = target;
        this.owner = owner;
        this.ownerKey = ownerKey;
    }

    /** The related manager of {@code owner} through {@code field}. */
    @SuppressWarnings("unchecked")
    static <R> RelatedManagerImpl<R> of(QueryContext ctx, ModelMeta<?> ownerModel, Object owner, String field, Class<R> type) {
        Objects.requireNonNull(owner, "instance");
        Relation relation = Relation.find(ownerModel, Objects.requireNonNull(field, "field"), Objects.requireNonNull(type, "type"));
        if (relation == null) {
            List<String> choices = ownerModel.fields().stream()
                    .filter(f -> f.kind() != dev.quarry.internal.meta.FieldKind.COLUMN && f.target() == type)
                    .map(FieldMeta::name).toList();
            throw new dev.quarry.FieldException("'" + field + "' is not a relation from " + ownerModel.type().getSimpleName()
                    + " to " + type.getSimpleName() + ". Choices are: " + (choices.isEmpty()
                    ? "a @ManyToOne field of " + type.getSimpleName() + " pointing at " + ownerModel.type().getSimpleName()
                    : String.join(", ", choices)) + ".");
        }
        if (relation.kind() == Relation.Kind.FORWARD) {
            throw new IllegalArgumentException("'" + field + "' is a forward foreign key: read it from the instance, or "
                    + "load it with selectRelated(\"" + field + "\").");
        }
        Object key = ownerModel.pkValue(owner);
        if (key == null) {
            throw new IllegalArgumentException(ownerModel.type().getSimpleName()
                    + " instance needs to have a primary key value before this relationship can be used.");
        }
        return new RelatedManagerImpl<>(ctx, relation, (ModelMeta<R>) relation.target(), owner, key);
    }

    private static Query restriction(Relation relation, ModelMeta<?> target, Object ownerKey) {
        Query q = new Query(target);
        if (relation.kind() == Relation.Kind.REVERSE) {
            q.addCondition(q.resolver().lookup(relation.foreignKey().name(), ownerKey));
        } else {
            q.addCondition(new Node.InLink(new Operand.Col(target.table(), target.pk()), relation.joinTable(),
                    relation.targetColumn(), relation.ownerColumn(), relation.owner().pk().codec().toDb(ownerKey)));
        }
        return q;
    }

    private boolean isReverse() {
        return relation.kind() == Relation.Kind.REVERSE;
    }

    private Dialect dialect() {
        return ctx.compiler().dialect();
    }

    private Object ownerDbKey() {
        return relation.owner().pk().codec().toDb(ownerKey);
    }

    /** The pks of {@code objs}, which must be saved instances of the related model. */
    private List<Object> keysOf(Collection<? extends R> objs) {
        Set<Object> keys = new LinkedHashSet<>();
        for (R obj : Objects.requireNonNull(objs, "objs")) {
            if (obj == null || !target.type().isInstance(obj)) {
                throw new IllegalArgumentException("'" + target.type().getSimpleName() + "' instance expected, got " + obj + ".");
            }
            Object pk = target.pkValue(obj);
            if (pk == null) {
                throw new IllegalArgumentException(obj + " instance isn't saved. Save the object first.");
            }
            keys.add(target.pk().codec().toDb(pk));
        }
        return new ArrayList<>(keys);
    }

    private void requireNullableForeignKey(String method) {
        if (isReverse() && !relation.foreignKey().nullable()) {
            throw new UnsupportedOperationException(method + "() is not available: " + target.type().getSimpleName() + "."
                    + relation.foreignKey().name() + " is not nullable, so its rows cannot be unlinked; delete them instead.");
        }
    }

    /** The many-to-many link table as a query model. */
    private LinkTable link() {
        return new LinkTable(relation.joinTable(), relation.ownerColumn(), relation.targetColumn());
    }

    /**
     * The target rows a reverse foreign key update touches: those with these keys ({@code null}: any), and
     * only the owner's when {@code ownersOnly}.
     */
    private Query targets(List<Object> keys, boolean ownersOnly) {
        Query q = new Query(target);
        if (keys != null) {
            q.addCondition(new Node.Leaf(new Operand.Col(target.table(), target.pk()), "in",
                    keys.stream().<Object>map(Operand.Param::new).toList()));
        }
        if (ownersOnly) {
            q.addCondition(new Node.Leaf(new Operand.Col(target.table(), relation.foreignKey()), "exact",
                    new Operand.Param(ownerDbKey())));
        }
        return q;
    }

    /** {@code SET fk = NULL}. */
    private Map<FieldMeta, Operand> unlinked() {
        Map<FieldMeta, Operand> set = new LinkedHashMap<>();
        set.put(relation.foreignKey(), new Operand.Param(null));
        return set;
    }

    private Function<Conn, CompletableFuture<Void>> addOp(List<Object> keys, Collection<? extends R> objs) {
        if (keys.isEmpty()) {
            return conn -> CompletableFuture.completedFuture(null);
        }
        Statement st = isReverse()
                ? ctx.compiler().update(targets(keys, false), Map.of(relation.foreignKey(), new Operand.Param(ownerDbKey())))
                : link().insert(ctx.compiler(), ownerDbKey(), keys, true);
        return conn -> conn.update(st).thenApply(n -> {
            if (isReverse()) {
                objs.forEach(o -> relation.foreignKey().set(o, owner));
            }
            return null;
        });
    }

    private Function<Conn, CompletableFuture<Void>> removeOp(List<Object> keys, Collection<? extends R> objs) {
        requireNullableForeignKey("remove");
        if (keys.isEmpty()) {
            return conn -> CompletableFuture.completedFuture(null);
        }
        Statement st = isReverse()
                ? ctx.compiler().update(targets(keys, true), unlinked())
                : link().delete(ctx.compiler(), List.of(ownerDbKey()), keys);
        return conn -> conn.update(st).thenApply(n -> {
            if (isReverse() && objs != null) {
                objs.forEach(o -> relation.foreignKey().set(o, null));
            }
            return null;
        });
    }

    private Function<Conn, CompletableFuture<Void>> clearOp() {
        requireNullableForeignKey("clear");
        Statement st = isReverse()
                ? ctx.compiler().update(targets(null, true), unlinked())
                : link().delete(ctx.compiler(), List.of(ownerDbKey()), null);
        return conn -> conn.update(st).thenApply(n -> null);
    }

    private Function<Conn, CompletableFuture<Void>> setOp(Collection<? extends R> objs, boolean clear) {
        List<Object> wanted = keysOf(objs);
        if (clear) {
            var clearing = clearOp();
            var adding = addOp(wanted, objs);
            return conn -> conn.atomic(c -> clearing.apply(c).thenCompose(v -> adding.apply(c)));
        }
        var current = ReadOps.list(ctx.compiler(), query, Shape.flat(target.pk().name(), Object.class));
        return conn -> conn.atomic(c -> current.apply(c).thenCompose(existing -> {
            Set<Object> have = new LinkedHashSet<>();
            existing.forEach(k -> have.add(target.pk().codec().toDb(k)));
            List<Object> toRemove = have.stream().filter(k -> !wanted.contains(k)).toList();
            List<Object> toAdd = wanted.stream().filter(k -> !have.contains(k)).toList();
            Map<Object, R> byKey = new LinkedHashMap<>();
            objs.forEach(o -> byKey.put(target.pk().codec().toDb(target.pkValue(o)), o));
            List<R> added = toAdd.stream().map(byKey::get).toList();
            var removing = toRemove.isEmpty() ? (Function<Conn, CompletableFuture<Void>>) x -> CompletableFuture.completedFuture(null)
                    : removeOp(toRemove, null);
            return removing.apply(c).thenCompose(v -> addOp(toAdd, added).apply(c));
        }));
    }

    // ---------------------------------------------------------------- linking creates

    private Map<String, Object> withOwner(Map<String, ?> fields) {
        Map<String, Object> out = new LinkedHashMap<>(fields);
        if (isReverse()) {
            out.put(relation.foreignKey().name(), owner);
        }
        return out;
    }

    /** Creates, then links a many-to-many row, atomically. */
    private Function<Conn, CompletableFuture<R>> linked(Function<Conn, CompletableFuture<R>> create) {
        if (isReverse()) {
            return create;
        }
        return conn -> conn.atomic(c -> create.apply(c).thenCompose(obj ->
                addOp(keysOf(List.of(obj)), List.of(obj)).apply(c).thenApply(v -> obj)));
    }

    @Override
    Function<Conn, CompletableFuture<R>> createOp(Map<String, ?> fields) {
        return linked(super.createOp(withOwner(Objects.requireNonNull(fields, "fields"))));
    }

    @Override
    Function<Conn, CompletableFuture<R>> createOp(R obj) {
        Objects.requireNonNull(obj, "obj");
        if (isReverse()) {
            relation.foreignKey().set(obj, owner);
        }
        return linked(super.createOp(obj));
    }

    @Override
    Function<Conn, CompletableFuture<Created<R>>> getOrCreateOp(Map<String, ?> lookup, Map<String, ?> defaults) {
        return linkedIfCreated(super.getOrCreateOp(withOwner(lookup), defaults));
    }

    @Override
    Function<Conn, CompletableFuture<Created<R>>> updateOrCreateOp(Map<String, ?> lookup, Map<String, ?> defaults,
                                                                 Map<String, ?> createDefaults) {
        return linkedIfCreated(super.updateOrCreateOp(withOwner(lookup), defaults, createDefaults));
    }

    private Function<Conn, CompletableFuture<Created<R>>> linkedIfCreated(Function<Conn, CompletableFuture<Created<R>>> op) {
        if (isReverse()) {
            return op;
        }
        return conn -> conn.atomic(c -> op.apply(c).thenCompose(result -> result.created()
                ? addOp(keysOf(List.of(result.object())), List.of(result.object())).apply(c).thenApply(v -> result)
                : CompletableFuture.completedFuture(result)));
    }

    // ---------------------------------------------------------------- twins

    @Override public void add(R obj) { add(List.of(Objects.requireNonNull(obj, "obj"))); }
    @Override public void add(Collection<? extends R> objs) { sync(addOp(keysOf(objs), objs)); }
    @Override public void remove(R obj) { remove(List.of(Objects.requireNonNull(obj, "obj"))); }
    @Override public void remove(Collection<? extends R> objs) { sync(removeOp(keysOf(objs), objs)); }
    @Override public void clear() { sync(clearOp()); }
    @Override public void set(Collection<? extends R> objs) { sync(setOp(objs, false)); }
    @Override public void set(Collection<? extends R> objs, boolean clear) { sync(setOp(objs, clear)); }
    @Override public CompletableFuture<Void> aadd(R obj) { return aadd(List.of(Objects.requireNonNull(obj, "obj"))); }
    @Override public CompletableFuture<Void> aadd(Collection<? extends R> objs) { return async(addOp(keysOf(objs), objs)); }
    @Override public CompletableFuture<Void> aremove(R obj) { return aremove(List.of(Objects.requireNonNull(obj, "obj"))); }
    @Override public CompletableFuture<Void> aremove(Collection<? extends R> objs) { return async(removeOp(keysOf(objs), objs)); }
    @Override public CompletableFuture<Void> aclear() { return async(clearOp()); }
    @Override public CompletableFuture<Void> aset(Collection<? extends R> objs) { return async(setOp(objs, false)); }
    @Override public CompletableFuture<Void> aset(Collection<? extends R> objs, boolean clear) { return async(setOp(objs, clear)); }

    @Override
    public String toString() {
        return "RelatedManager<" + target.entityName() + "> of " + relation.owner().entityName() + " " + ownerKey;
    }
}
