package dev.quarry.internal;

import dev.quarry.Aggregate;
import dev.quarry.BulkOptions;
import dev.quarry.Created;
import dev.quarry.Deleted;
import dev.quarry.Expression;
import dev.quarry.Q;
import dev.quarry.QuerySet;
import dev.quarry.SelectForUpdate;
import dev.quarry.TransactionException;
import dev.quarry.internal.exec.CancelScope;
import dev.quarry.internal.exec.Conn;
import dev.quarry.internal.exec.Futures;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.internal.query.Annotation;
import dev.quarry.internal.query.Combined;
import dev.quarry.internal.query.Node;
import dev.quarry.internal.query.Operand;
import dev.quarry.internal.query.Query;
import dev.quarry.internal.query.ReadTypes;
import dev.quarry.internal.query.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The QuerySet: chaining methods copy the {@link Query}; terminal methods compile on the caller's thread and
 * run the same operation in sync or async mode.
 *
 * @param <T> the row type
 */
public class QuerySetImpl<T> implements QuerySet<T>, dev.quarry.internal.query.QuerySource {

    final QueryContext ctx;
    final ModelMeta<?> model;
    final Query query;
    final Shape<T> shape;

    QuerySetImpl(QueryContext ctx, ModelMeta<?> model, Query query, Shape<T> shape) {
        this.ctx = ctx;
        this.model = model;
        this.query = query;
        this.shape = shape;
    }

    /** A QuerySet of the same shape over another query. Subclasses (managers) chain into plain QuerySets. */
    private QuerySetImpl<T> with(UnaryOperator<Query> change) {
        return new QuerySetImpl<>(ctx, model, change.apply(query.copy()), shape);
    }

    private <V> QuerySetImpl<V> reshaped(Shape<V> newShape) {
        Query copy = query.copy();
        newShape.validate(copy);   // checks the names and adds the joins they need to the copy
        if (copy.combined() != null) {
            copy.setCombined(copy.combined().reshaped(newShape));
        }
        return new QuerySetImpl<>(ctx, model, copy, newShape);
    }

    @SuppressWarnings("unchecked")
    ModelMeta<T> modelMeta() {
        if (!shape.isModel()) {
            throw new IllegalStateException("This operation needs model instances; it cannot follow values() or valuesList().");
        }
        return (ModelMeta<T>) model;
    }

    private void checkNotSliced(String what) {
        if (query.isSliced()) {
            throw new IllegalStateException("Cannot " + what + " a query once a slice has been taken.");
        }
    }

    @Override
    public Query sourceQuery() {
        return query;
    }

    @Override
    public Shape<?> sourceShape() {
        return shape;
    }

    private void checkNotSlicedForDistinct() {
        if (query.isSliced()) {
            throw new IllegalStateException("Cannot create distinct fields once a slice has been taken.");
        }
    }

    // ---------------------------------------------------------------- chaining

    @Override
    public QuerySet<T> all() {
        return with(q -> q);
    }

    @Override
    public QuerySet<T> filter(String lookup, Object value) {
        return filter(Q.of(lookup, value));
    }

    @Override
    public QuerySet<T> filter(Q q) {
        Objects.requireNonNull(q, "q");
        Combinations.refuse(query, "filter");
        checkNotSliced("filter");
        return with(copy -> {
            if (!q.isEmpty()) {
                copy.addCondition(copy.resolver().resolve(q));
            }
            return copy;
        });
    }

    @Override
    public QuerySet<T> filter(Expression condition) {
        Objects.requireNonNull(condition, "condition");
        if (condition instanceof Q q) {
            return filter(q);
        }
        Combinations.refuse(query, "filter");
        checkNotSliced("filter");
        return with(copy -> {
            copy.addCondition(copy.resolver().condition(condition));
            return copy;
        });
    }

    @Override
    public QuerySet<T> exclude(Expression condition) {
        Objects.requireNonNull(condition, "condition");
        if (condition instanceof Q q) {
            return exclude(q);
        }
        Combinations.refuse(query, "exclude");
        checkNotSliced("filter");
        return with(copy -> {
            copy.addCondition(new Node.Not(copy.resolver().condition(condition)));
            return copy;
        });
    }

    @Override
    public QuerySet<java.time.LocalDate> dates(String field, String kind) {
        return DateLists.dates(this, field, kind, "ASC");
    }

    @Override
    public QuerySet<java.time.LocalDate> dates(String field, String kind, String order) {
        return DateLists.dates(this, field, kind, order);
    }

    @Override
    public QuerySet<java.time.LocalDateTime> datetimes(String field, String kind) {
        return DateLists.datetimes(this, field, kind, "ASC");
    }

    @Override
    public QuerySet<java.time.LocalDateTime> datetimes(String field, String kind, String order) {
        return DateLists.datetimes(this, field, kind, order);
    }

    @Override
    public QuerySet<T> filter(Map<String, ?> lookups) {
        return filter(Q.of(lookups));
    }

    @Override
    public QuerySet<T> exclude(String lookup, Object value) {
        return exclude(Q.of(lookup, value));
    }

    @Override
    public QuerySet<T> exclude(Q q) {
        Objects.requireNonNull(q, "q");
        Combinations.refuse(query, "exclude");
        if (q.isEmpty()) {
            return filter(q);
        }
        checkNotSliced("filter");
        return with(copy -> {
            Query probe = new Query(model);
            probe.annotations().putAll(copy.annotations());
            Node node = probe.resolver().resolve(q);
            boolean toMany = probe.joins().values().stream().anyMatch(j -> j.foreignKey() == null);
            if (!toMany) {
                // forward joins are keyed and aliased by path alone, so the probe's are the copy's own
                probe.joins().forEach(copy.joins()::putIfAbsent);
                copy.addCondition(new Node.Not(node));
            } else {
                probe.addCondition(node);
                copy.addCondition(new Node.Not(new Node.InQuery(new Operand.Col(model.table(), model.pk()),
                        dev.quarry.internal.query.InnerQuery.pks(probe))));
            }
            return copy;
        });
    }

    @Override
    public QuerySet<T> exclude(Map<String, ?> lookups) {
        return exclude(Q.of(lookups));
    }

    @Override
    public QuerySet<T> orderBy(String... fields) {
        checkNotSliced("reorder");
        return with(copy -> {
            List<Query.Order> terms = new ArrayList<>();
            for (String f : fields) {
                if (f == null || f.isEmpty() || "-".equals(f)) {
                    throw model.unknownField(String.valueOf(f), new ArrayList<>(copy.annotations().keySet()));
                }
                if ("?".equals(f)) {
                    terms.add(new Query.Order(null, false));
                    continue;
                }
                boolean desc = f.startsWith("-");
                String name = desc ? f.substring(1) : f;
                Operand operand = copy.resolver().fieldOperand(name);
                if (copy.combined() != null) {   // a column of the result, placed when compiled
                    operand = new Operand.Output("", name, ReadTypes.of(operand));
                }
                terms.add(new Query.Order(operand, desc));
            }
            copy.setOrdering(terms);
            return copy;
        });
    }

    @Override
    public QuerySet<T> reverse() {
        checkNotSliced("reverse");
        return with(copy -> {
            copy.toggleReversed();
            return copy;
        });
    }

    @Override
    public QuerySet<T> distinct() {
        Combinations.refuse(query, "distinct");
        checkNotSlicedForDistinct();
        return with(copy -> {
            copy.setDistinct();
            return copy;
        });
    }

    @Override
    public QuerySet<T> distinct(String... fields) {
        if (fields.length == 0) {
            return distinct();
        }
        Combinations.refuse(query, "distinct");
        checkNotSlicedForDistinct();
        return with(copy -> {
            List<Operand> operands = new ArrayList<>();
            for (String f : fields) {
                operands.add(copy.resolver().fieldOperand(Objects.requireNonNull(f, "field")));
            }
            copy.setDistinctFields(operands);
            return copy;
        });
    }

    @Override
    public QuerySet<T> none() {
        return with(copy -> {
            copy.setEmpty();
            return copy;
        });
    }

    @Override
    public QuerySet<T> slice(int start, int end) {
        if (start < 0 || end < 0) {
            throw new IllegalArgumentException("Negative indexing is not supported.");
        }
        return with(copy -> {
            copy.slice(start, Math.max(start, end));
            return copy;
        });
    }

    @Override
    public QuerySet<T> selectRelated(String... paths) {
        Combinations.refuse(query, "select_related");
        return with(copy -> {
            List<String> wanted = new ArrayList<>(List.of(paths));
            if (wanted.isEmpty()) {
                nonNullForeignKeys(model, "", new java.util.HashSet<>(), wanted);
            }
            for (String path : wanted) {
                copy.addSelectRelated(path);
            }
            return copy;
        });
    }

    @Override
    public QuerySet<T> prefetchRelated(String... paths) {
        return prefetchRelated(Arrays.stream(paths).map(dev.quarry.Prefetch::of).toArray(dev.quarry.Prefetch[]::new));
    }

    @Override
    public QuerySet<T> prefetchRelated(dev.quarry.Prefetch... lookups) {
        Combinations.refuse(query, "prefetch_related");
        modelMeta();
        for (dev.quarry.Prefetch p : lookups) {
            Prefetcher.validate(model, Objects.requireNonNull(p, "lookup"));
        }
        return with(copy -> {
            copy.prefetchRelated().addAll(List.of(lookups));
            return copy;
        });
    }

    /** Runs {@code op}, then prefetches into the rows it read. */
    private <R> Function<Conn, CompletableFuture<R>> prefetching(Function<Conn, CompletableFuture<R>> op,
                                                               Function<R, List<?>> rowsOf) {
        Prefetcher prefetcher = shape.isModel() ? Prefetcher.of(ctx.compiler(), query) : null;
        if (prefetcher == null) {
            return op;
        }
        return conn -> op.apply(conn).thenCompose(r -> prefetcher.apply(conn, rowsOf.apply(r)).thenApply(x -> r));
    }

    /** Django's selectRelated() without arguments: every non-null foreign key, recursively (each model once per path). */
    private static void nonNullForeignKeys(ModelMeta<?> current, String prefix, java.util.Set<Class<?>> onPath, List<String> out) {
        onPath.add(current.type());
        for (FieldMeta f : current.concreteFields()) {
            if (f.kind() == dev.quarry.internal.meta.FieldKind.FOREIGN_KEY && !f.nullable() && !onPath.contains(f.target())) {
                String path = prefix.isEmpty() ? f.name() : prefix + "__" + f.name();
                out.add(path);
                nonNullForeignKeys(current.models().meta(f.target()), path, onPath, out);
            }
        }
        onPath.remove(current.type());
    }

    @Override
    public QuerySet<T> only(String... fields) {
        Combinations.refuse(query, "only");
        java.util.Set<String> names = checkedFields(fields);
        return with(copy -> {
            copy.setOnly(names);
            return copy;
        });
    }

    @Override
    public QuerySet<T> defer(String... fields) {
        Combinations.refuse(query, "defer");
        java.util.Set<String> names = checkedFields(fields);
        return with(copy -> {
            copy.addDefer(names);
            return copy;
        });
    }

    private java.util.Set<String> checkedFields(String[] fields) {
        java.util.Set<String> names = new LinkedHashSet<>();
        for (String f : fields) {
            names.add(query.resolver().concreteField(f).name());
        }
        return names;
    }

    @Override
    public QuerySet<T> selectForUpdate() {
        return selectForUpdate(false, false);
    }

    @Override
    public QuerySet<T> selectForUpdate(boolean nowait, boolean skipLocked) {
        SelectForUpdate options = SelectForUpdate.defaults();
        options = nowait ? options.nowait() : options;
        return selectForUpdate(skipLocked ? options.skipLocked() : options);
    }

    @Override
    public QuerySet<T> selectForUpdate(SelectForUpdate options) {
        Objects.requireNonNull(options, "options");
        if (options.isNowait() && options.isSkipLocked()) {
            throw new IllegalArgumentException("The nowait option cannot be used with skip_locked.");
        }
        Combinations.refuse(query, "select_for_update");
        return with(copy -> {
            copy.setLock(new Query.Lock(options.isNowait(), options.isSkipLocked(), options.isNoKey(), options.ofNames()));
            return copy;
        });
    }

    @Override
    public QuerySet<T> annotate(String alias, Expression expression) {
        return annotate(alias, expression, false);
    }

    @Override
    public QuerySet<T> alias(String alias, Expression expression) {
        return annotate(alias, expression, true);
    }

    private QuerySet<T> annotate(String alias, Expression expression, boolean hidden) {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(expression, "expression");
        Combinations.refuse(query, hidden ? "alias" : "annotate");
        if (model.field(alias) != null) {
            throw new IllegalArgumentException("The annotation '" + alias + "' conflicts with a field on the model.");
        }
        if (alias.contains("__")) {
            throw new IllegalArgumentException("Column aliases cannot contain whitespace characters, quotation marks, "
                    + "semicolons, or SQL comments, nor '__'; got '" + alias + "'.");
        }
        return with(copy -> {
            Operand op = copy.resolver().expression(expression);
            FieldMeta target = model.transientField(alias);
            Class<?> readType = target != null ? target.codec().dbType() : ReadTypes.of(op);
            copy.annotations().put(alias, new Annotation(alias, op, readType));
            if (hidden) {
                copy.hide(alias);
            }
            return copy;
        });
    }

    @Override
    public QuerySet<Map<String, Object>> values(String... fields) {
        return reshaped(Shape.values(List.of(fields), query.annotations().keySet()));
    }

    @Override
    public QuerySet<List<Object>> valuesList(String... fields) {
        return reshaped(Shape.valuesList(List.of(fields), query.annotations().keySet()));
    }

    @Override
    public <V> QuerySet<V> valuesListFlat(String field, Class<V> type) {
        Objects.requireNonNull(field, "field");
        return reshaped(Shape.flat(field, Objects.requireNonNull(type, "type")));
    }

    @Override
    public QuerySet<T> union(QuerySet<T> other) {
        return union(other, false);
    }

    @Override
    public QuerySet<T> union(QuerySet<T> other, boolean all) {
        return Combinations.combine(this, Combined.Operator.UNION, all, Objects.requireNonNull(other, "other"));
    }

    @Override
    public QuerySet<T> intersection(QuerySet<T> other) {
        return Combinations.combine(this, Combined.Operator.INTERSECT, false, Objects.requireNonNull(other, "other"));
    }

    @Override
    public QuerySet<T> difference(QuerySet<T> other) {
        return Combinations.combine(this, Combined.Operator.EXCEPT, false, Objects.requireNonNull(other, "other"));
    }

    // ---------------------------------------------------------------- running

    /** Runs on the caller's thread. */
    <R> R sync(Function<Conn, CompletableFuture<R>> op) {
        return Futures.await(ctx.session().run(false, CancelScope.NONE, op));
    }

    /** Returns at once; cancelling the future cancels the running statement. */
    <R> CompletableFuture<R> async(Function<Conn, CompletableFuture<R>> op) {
        return CancelScope.start(scope -> ctx.session().run(true, scope, op));
    }

    private void checkLockInTransaction() {
        if (query.lock() != null && !ctx.session().inTransaction()) {
            throw new TransactionException("select_for_update cannot be used outside of a transaction.");
        }
    }

    private Function<Conn, CompletableFuture<List<T>>> listOp() {
        checkLockInTransaction();
        return prefetching(ReadOps.list(ctx.compiler(), query, shape), rows -> rows);
    }

    private Function<Conn, CompletableFuture<T>> getOp(Q extra) {
        checkLockInTransaction();
        Query q = query;
        if (extra != null && !extra.isEmpty()) {
            Combinations.refuseGetWithFilters(query);
            checkNotSliced("filter");
            q = query.copy();
            q.addCondition(q.resolver().resolve(extra));
        }
        return prefetching(ReadOps.get(ctx.compiler(), q, shape), List::of);
    }

    private Function<Conn, CompletableFuture<Optional<T>>> firstOrLastOp(boolean last) {
        return prefetching(ReadOps.firstOrLast(ctx.compiler(), query, shape, last), o -> o.map(List::of).orElse(List.of()));
    }

    private Function<Conn, CompletableFuture<Map<Object, T>>> inBulkOp(Collection<?> ids, String field) {
        if (ids != null) {
            Combinations.refuse(query, "filter");
        }
        return prefetching(ReadOps.inBulk(ctx.compiler(), query, shape, ids, field), m -> new ArrayList<>(m.values()));
    }

    private Function<Conn, CompletableFuture<T>> latestOp(String[] fields, boolean latest) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("earliest() and latest() require either fields as positional arguments or "
                    + "'get_latest_by' in the model's Meta.");
        }
        checkNotSliced("change");
        String[] order = latest
                ? Arrays.stream(fields).map(f -> f.startsWith("-") ? f.substring(1) : "-" + f).toArray(String[]::new)
                : fields;
        return ((QuerySetImpl<T>) orderBy(order).slice(0, 1)).getOp(null);
    }

    private Function<Conn, CompletableFuture<Boolean>> containsOp(T obj) {
        Combinations.refuse(query, "contains");
        ModelMeta<T> meta = modelMeta();
        if (obj == null || !meta.type().isInstance(obj)) {
            throw new IllegalArgumentException("'obj' must be a model instance.");
        }
        Object pk = meta.pkValue(obj);
        if (pk == null) {
            throw new IllegalArgumentException("QuerySet.contains() cannot be used on unsaved objects.");
        }
        return ((QuerySetImpl<T>) filter("pk", pk)).existsOp();
    }

    private Function<Conn, CompletableFuture<Boolean>> existsOp() {
        return ReadOps.exists(ctx.compiler(), query, shape);
    }

    private static Map<String, Aggregate> defaultAliases(Aggregate... aggregates) {
        Map<String, Aggregate> map = new LinkedHashMap<>();
        for (Aggregate a : aggregates) {
            map.put(Objects.requireNonNull(a, "aggregate").defaultAlias(), a);
        }
        return map;
    }

    Function<Conn, CompletableFuture<T>> createOp(Map<String, ?> fields) {
        ModelMeta<T> meta = modelMeta();
        return WriteOps.insert(ctx.compiler(), meta, WriteOps.instance(meta, fields));
    }

    Function<Conn, CompletableFuture<T>> createOp(T obj) {
        ModelMeta<T> meta = modelMeta();
        return WriteOps.insert(ctx.compiler(), meta, Objects.requireNonNull(obj, "obj"));
    }

    Function<Conn, CompletableFuture<Created<T>>> getOrCreateOp(Map<String, ?> lookup, Map<String, ?> defaults) {
        Combinations.refuseGetWithFilters(query);
        return ModelOps.getOrCreate(ctx.compiler(), modelMeta(), query, lookup, defaults, ctx.errors());
    }

    Function<Conn, CompletableFuture<Created<T>>> updateOrCreateOp(Map<String, ?> lookup, Map<String, ?> defaults,
                                                                         Map<String, ?> createDefaults) {
        Combinations.refuseGetWithFilters(query);
        return ModelOps.updateOrCreate(ctx.compiler(), modelMeta(), query, lookup, defaults, createDefaults, ctx.errors());
    }

    private Function<Conn, CompletableFuture<List<T>>> bulkCreateOp(List<T> objs, BulkOptions options) {
        return WriteOps.bulkCreate(ctx.compiler(), modelMeta(), Objects.requireNonNull(objs, "objs"),
                Objects.requireNonNull(options, "options"));
    }

    private Function<Conn, CompletableFuture<Long>> bulkUpdateOp(List<T> objs, List<String> fields, int batchSize) {
        return WriteOps.bulkUpdate(ctx.compiler(), modelMeta(), Objects.requireNonNull(objs, "objs"), fields, batchSize);
    }

    private Function<Conn, CompletableFuture<Long>> updateOp(Map<String, ?> values) {
        Combinations.refuse(query, "update");
        return WriteOps.update(ctx.compiler(), query, values);
    }

    private Function<Conn, CompletableFuture<Deleted>> deleteOp() {
        Combinations.refuse(query, "delete");
        return WriteOps.delete(ctx.compiler(), query, !shape.isModel());
    }

    private Cursors<T> cursors() {
        checkLockInTransaction();
        return Cursors.of(ctx, query, shape);
    }

    // ---------------------------------------------------------------- terminal: sync

    @Override public T get() { return sync(getOp(null)); }
    @Override public T get(String lookup, Object value) { return sync(getOp(Q.of(lookup, value))); }
    @Override public T get(Q q) { return sync(getOp(q)); }
    @Override public T get(Map<String, ?> lookups) { return sync(getOp(Q.of(lookups))); }
    @Override public Optional<T> first() { return sync(firstOrLastOp(false)); }
    @Override public Optional<T> last() { return sync(firstOrLastOp(true)); }
    @Override public T latest(String... fields) { return sync(latestOp(fields, true)); }
    @Override public T earliest(String... fields) { return sync(latestOp(fields, false)); }
    @Override public long count() { return sync(ReadOps.count(ctx.compiler(), query, shape)); }
    @Override public boolean exists() { return sync(existsOp()); }
    @Override public boolean contains(T obj) { return sync(containsOp(obj)); }
    @Override public List<T> list() { return sync(listOp()); }
    @Override public Stream<T> iterator(int chunkSize) { return cursors().stream(chunkSize); }
    @Override public Map<Object, T> inBulk(Collection<?> ids, String field) { return sync(inBulkOp(Objects.requireNonNull(ids, "ids"), field)); }
    @Override public Map<Object, T> inBulk(Collection<?> ids) { return inBulk(ids, null); }
    @Override public Map<Object, T> inBulk() { return sync(inBulkOp(null, null)); }
    @Override public Map<String, Object> aggregate(Map<String, Aggregate> aggregates) { return sync(ReadOps.aggregate(ctx.compiler(), query, shape, aggregates)); }
    @Override public Map<String, Object> aggregate(Aggregate... aggregates) { return aggregate(defaultAliases(aggregates)); }
    @Override public String explain() { return sync(ReadOps.explain(ctx.compiler(), query, shape, null)); }
    @Override public String explain(String format) { return sync(ReadOps.explain(ctx.compiler(), query, shape, format)); }
    @Override public long update(Map<String, ?> values) { return sync(updateOp(values)); }
    @Override public Deleted delete() { return sync(deleteOp()); }
    @Override public T create(Map<String, ?> fields) { return sync(createOp(fields)); }
    @Override public T create(T obj) { return sync(createOp(obj)); }
    @Override public Created<T> getOrCreate(Map<String, ?> lookup) { return sync(getOrCreateOp(lookup, null)); }
    @Override public Created<T> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) { return sync(getOrCreateOp(lookup, defaults)); }
    @Override public Created<T> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) { return sync(updateOrCreateOp(lookup, defaults, null)); }
    @Override public Created<T> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults, Map<String, ?> createDefaults) { return sync(updateOrCreateOp(lookup, defaults, createDefaults)); }
    @Override public List<T> bulkCreate(List<T> objs) { return sync(bulkCreateOp(objs, BulkOptions.defaults())); }
    @Override public List<T> bulkCreate(List<T> objs, BulkOptions options) { return sync(bulkCreateOp(objs, options)); }
    @Override public long bulkUpdate(List<T> objs, List<String> fields) { return sync(bulkUpdateOp(objs, fields, 0)); }
    @Override public long bulkUpdate(List<T> objs, List<String> fields, int batchSize) { return sync(bulkUpdateOp(objs, fields, checkBatch(batchSize))); }

    private static int checkBatch(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("Batch size must be a positive integer.");
        }
        return batchSize;
    }

    // ---------------------------------------------------------------- terminal: async

    @Override public CompletableFuture<T> aget() { return async(getOp(null)); }
    @Override public CompletableFuture<T> aget(String lookup, Object value) { return async(getOp(Q.of(lookup, value))); }
    @Override public CompletableFuture<T> aget(Q q) { return async(getOp(q)); }
    @Override public CompletableFuture<T> aget(Map<String, ?> lookups) { return async(getOp(Q.of(lookups))); }
    @Override public CompletableFuture<Optional<T>> afirst() { return async(firstOrLastOp(false)); }
    @Override public CompletableFuture<Optional<T>> alast() { return async(firstOrLastOp(true)); }
    @Override public CompletableFuture<T> alatest(String... fields) { return async(latestOp(fields, true)); }
    @Override public CompletableFuture<T> aearliest(String... fields) { return async(latestOp(fields, false)); }
    @Override public CompletableFuture<Long> acount() { return async(ReadOps.count(ctx.compiler(), query, shape)); }
    @Override public CompletableFuture<Boolean> aexists() { return async(existsOp()); }
    @Override public CompletableFuture<Boolean> acontains(T obj) { return async(containsOp(obj)); }
    @Override public CompletableFuture<List<T>> alist() { return async(listOp()); }
    @Override public Flow.Publisher<T> aiterator(int chunkSize) { return cursors().publisher(chunkSize); }
    @Override public CompletableFuture<Map<Object, T>> ainBulk(Collection<?> ids, String field) { return async(inBulkOp(Objects.requireNonNull(ids, "ids"), field)); }
    @Override public CompletableFuture<Map<Object, T>> ainBulk(Collection<?> ids) { return ainBulk(ids, null); }
    @Override public CompletableFuture<Map<Object, T>> ainBulk() { return async(inBulkOp(null, null)); }
    @Override public CompletableFuture<Map<String, Object>> aaggregate(Map<String, Aggregate> aggregates) { return async(ReadOps.aggregate(ctx.compiler(), query, shape, aggregates)); }
    @Override public CompletableFuture<Map<String, Object>> aaggregate(Aggregate... aggregates) { return aaggregate(defaultAliases(aggregates)); }
    @Override public CompletableFuture<String> aexplain() { return async(ReadOps.explain(ctx.compiler(), query, shape, null)); }
    @Override public CompletableFuture<String> aexplain(String format) { return async(ReadOps.explain(ctx.compiler(), query, shape, format)); }
    @Override public CompletableFuture<Long> aupdate(Map<String, ?> values) { return async(updateOp(values)); }
    @Override public CompletableFuture<Deleted> adelete() { return async(deleteOp()); }
    @Override public CompletableFuture<T> acreate(Map<String, ?> fields) { return async(createOp(fields)); }
    @Override public CompletableFuture<T> acreate(T obj) { return async(createOp(obj)); }
    @Override public CompletableFuture<Created<T>> agetOrCreate(Map<String, ?> lookup) { return async(getOrCreateOp(lookup, null)); }
    @Override public CompletableFuture<Created<T>> agetOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) { return async(getOrCreateOp(lookup, defaults)); }
    @Override public CompletableFuture<Created<T>> aupdateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults) { return async(updateOrCreateOp(lookup, defaults, null)); }
    @Override public CompletableFuture<Created<T>> aupdateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults, Map<String, ?> createDefaults) { return async(updateOrCreateOp(lookup, defaults, createDefaults)); }
    @Override public CompletableFuture<List<T>> abulkCreate(List<T> objs) { return async(bulkCreateOp(objs, BulkOptions.defaults())); }
    @Override public CompletableFuture<List<T>> abulkCreate(List<T> objs, BulkOptions options) { return async(bulkCreateOp(objs, options)); }
    @Override public CompletableFuture<Long> abulkUpdate(List<T> objs, List<String> fields) { return async(bulkUpdateOp(objs, fields, 0)); }
    @Override public CompletableFuture<Long> abulkUpdate(List<T> objs, List<String> fields, int batchSize) { return async(bulkUpdateOp(objs, fields, checkBatch(batchSize))); }

    @Override
    public String toString() {
        return "QuerySet<" + model.entityName() + ">" + (query.isEmpty() ? " (none)" : "");
    }
}
