package dev.quarry.internal;

import dev.quarry.Aggregate;
import dev.quarry.DoesNotExistException;
import dev.quarry.MultipleObjectsReturnedException;
import dev.quarry.internal.exec.Conn;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.internal.query.Compiler;
import dev.quarry.internal.query.Operand;
import dev.quarry.internal.query.Query;
import dev.quarry.internal.query.ReadTypes;
import dev.quarry.internal.query.Selected;
import dev.quarry.internal.query.Shape;
import dev.quarry.spi.Statement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The reading terminal operations, each compiled on the caller's thread (so bad input fails there) into a
 * function of a connection that both twins run.
 */
final class ReadOps {

    /** Django's MAX_GET_RESULTS: get() reads at most this many rows to report how many matched. */
    static final int MAX_GET_RESULTS = 21;

    /** Keys per statement of inBulk, well under PostgreSQL's 65535 parameters. */
    static final int IN_BULK_BATCH = 10_000;

    private ReadOps() {
    }

    static <T> Function<Conn, CompletableFuture<List<T>>> list(Compiler compiler, Query q, Shape<T> shape) {
        if (q.isEmpty()) {
            return conn -> CompletableFuture.completedFuture(List.of());
        }
        List<Selected> columns = shape.columns(q);
        Statement st = compiler.select(q, columns);
        var mapper = shape.mapper(q, columns);
        return conn -> conn.query(st, mapper);
    }

    static <T> Function<Conn, CompletableFuture<T>> get(Compiler compiler, Query q, Shape<T> shape) {
        String model = q.model().type().getSimpleName();
        if (q.isEmpty()) {
            return conn -> CompletableFuture.failedFuture(doesNotExist(model));
        }
        List<Selected> columns = shape.columns(q);
        boolean limited = !q.isSliced();
        long high = limited ? MAX_GET_RESULTS : q.high();
        Statement st = compiler.select(q, columns, q.effectiveOrdering(), q.low(), high);
        var mapper = shape.mapper(q, columns);
        return conn -> conn.query(st, mapper).thenApply(rows -> {
            if (rows.size() == 1) {
                return rows.get(0);
            }
            if (rows.isEmpty()) {
                throw doesNotExist(model);
            }
            String count = limited && rows.size() >= MAX_GET_RESULTS ? "more than " + (MAX_GET_RESULTS - 1) : String.valueOf(rows.size());
            throw new MultipleObjectsReturnedException("get() returned more than one " + model + " -- it returned " + count + "!");
        });
    }

    static DoesNotExistException doesNotExist(String model) {
        return new DoesNotExistException(model + " matching query does not exist.");
    }

    /** first()/last(): the query's ordering (by pk when none), reversed for last, one row. */
    static <T> Function<Conn, CompletableFuture<Optional<T>>> firstOrLast(Compiler compiler, Query q, Shape<T> shape,
                                                                          boolean last) {
        if (q.isEmpty()) {
            return conn -> CompletableFuture.completedFuture(Optional.empty());
        }
        List<Query.Order> ordering = q.isOrdered() ? q.effectiveOrdering()
                : List.of(new Query.Order(new Operand.Col(q.model().table(), q.model().pk()), false));
        if (last) {
            ordering = ordering.stream().map(o -> o.random() ? o : new Query.Order(o.operand(), !o.descending())).toList();
        }
        List<Selected> columns = shape.columns(q);
        long high = q.high() >= 0 ? Math.min(q.high(), q.low() + 1) : q.low() + 1;
        Statement st = compiler.select(q, columns, ordering, q.low(), high);
        var mapper = shape.mapper(q, columns);
        return conn -> conn.query(st, mapper).thenApply(rows -> rows.stream().findFirst());
    }

    static Function<Conn, CompletableFuture<Long>> count(Compiler compiler, Query q, Shape<?> shape) {
        if (q.isEmpty()) {
            return conn -> CompletableFuture.completedFuture(0L);
        }
        Statement st = compiler.count(q, shape.columns(q));
        return conn -> conn.query(st, row -> row.get(1, Long.class)).thenApply(rows -> rows.get(0));
    }

    static Function<Conn, CompletableFuture<Boolean>> exists(Compiler compiler, Query q, Shape<?> shape) {
        if (q.isEmpty()) {
            return conn -> CompletableFuture.completedFuture(false);
        }
        Statement st = compiler.exists(q, shape.columns(q));
        return conn -> conn.query(st, row -> Boolean.TRUE).thenApply(rows -> !rows.isEmpty());
    }

    static <T> Function<Conn, CompletableFuture<Map<Object, T>>> inBulk(Compiler compiler, Query q, Shape<T> shape,
                                                                     Collection<?> ids, String fieldName) {
        ModelMeta<?> model = q.model();
        FieldMeta field = fieldName == null ? model.pk() : q.resolver().concreteField(fieldName);
        if (!field.unique() && !isSoleUniqueConstraint(model, field)) {
            throw new IllegalArgumentException("in_bulk()'s field_name must be a unique field but '" + fieldName + "' isn't.");
        }
        if (q.isSliced()) {
            throw new IllegalStateException("Cannot use 'limit' or 'offset' with in_bulk().");
        }
        if (!shape.isModel()) {
            throw new IllegalStateException("in_bulk() cannot be used with values() or values_list().");
        }
        if (q.isEmpty() || (ids != null && ids.isEmpty())) {
            return conn -> CompletableFuture.completedFuture(new LinkedHashMap<>());
        }
        List<Statement> statements = new ArrayList<>();
        List<Selected> columns = shape.columns(q);
        if (ids == null) {
            statements.add(compiler.select(q, columns));
        } else {
            List<Object> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
            for (int i = 0; i < all.size(); i += IN_BULK_BATCH) {
                Query batch = q.copy();
                batch.addCondition(batch.resolver().lookup(field.name() + "__in", all.subList(i, Math.min(all.size(), i + IN_BULK_BATCH))));
                statements.add(compiler.select(batch, columns));
            }
        }
        var mapper = shape.mapper(q, columns);
        return conn -> {
            Map<Object, T> out = new LinkedHashMap<>();
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (Statement st : statements) {
                chain = chain.thenCompose(v -> conn.query(st, mapper)).thenAccept(rows -> rows.forEach(obj ->
                        out.put(model.columnValue(field, obj), obj)));
            }
            return chain.thenApply(v -> out);
        };
    }

    private static boolean isSoleUniqueConstraint(ModelMeta<?> model, FieldMeta field) {
        return model.constraints().stream().anyMatch(c -> c.unique() && c.columns().equals(List.of(field.column())));
    }

    static Function<Conn, CompletableFuture<Map<String, Object>>> aggregate(Compiler compiler, Query published, Shape<?> shape,
                                                                           Map<String, Aggregate> aggregates) {
        Query q = published.copy();   // aggregating across a relation adds its join
        if (!q.distinctFields().isEmpty()) {
            throw new UnsupportedOperationException("aggregate() + distinct(fields) not implemented.");
        }
        if (aggregates.isEmpty()) {
            throw new IllegalArgumentException("aggregate() needs at least one aggregate.");
        }
        Map<String, Operand> operands = new LinkedHashMap<>();
        aggregates.forEach((alias, agg) -> {
            if (agg == null) {
                throw new IllegalArgumentException("The aggregate '" + alias + "' is null.");
            }
            if (agg.argument() instanceof dev.quarry.F f && f.field() != null && q.annotations().containsKey(f.field())
                    && !q.isSelected(f.field())) {
                throw new dev.quarry.FieldException("Cannot aggregate over the '" + f.field() + "' alias. Use annotate() to "
                        + "promote it.");
            }
            operands.put(alias, q.resolver().expression(agg));
        });
        List<Class<?>> types = operands.values().stream().<Class<?>>map(ReadTypes::of).toList();
        List<String> aliases = new ArrayList<>(operands.keySet());
        if (q.isEmpty()) {
            Map<String, Object> empty = new LinkedHashMap<>();
            aggregates.forEach((alias, agg) -> empty.put(alias, agg.function() == Aggregate.Function.COUNT ? 0L : null));
            return conn -> CompletableFuture.completedFuture(empty);
        }
        Statement st = compiler.aggregate(q, operands, aggregatedColumns(q, shape));
        return conn -> conn.query(st, row -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < aliases.size(); i++) {
                out.put(aliases.get(i), row.get(i + 1, types.get(i)));
            }
            return out;
        }).thenApply(rows -> rows.get(0));
    }

    /**
     * What the inner query selects when aggregate() runs over a subquery (Django's {@code get_aggregation}):
     * the rows' own columns (for values() QuerySets, the selected ones, which are also the groups) and every
     * annotation, so that {@code annotate("n", count(...)).aggregate(sum("n"))} sums the per-row counts.
     */
    private static List<Selected> aggregatedColumns(Query q, Shape<?> shape) {
        List<Selected> out = new ArrayList<>();
        if (shape.isModel()) {
            for (FieldMeta f : q.model().concreteFields()) {
                out.add(new Selected(f.name(), new Operand.Col(q.model().table(), f), f.codec().dbType(), f));
            }
        } else {
            out.addAll(shape.columns(q));
        }
        for (var a : q.annotations().values()) {
            boolean selected = out.stream().anyMatch(s -> s.key().equals(a.alias()));
            if (!selected && (shape.isModel() || a.isAggregate())) {
                out.add(new Selected(a.alias(), new Operand.Ref(a.alias(), a.operand()), a.readType(), null));
            }
        }
        return out;
    }

    static Function<Conn, CompletableFuture<String>> explain(Compiler compiler, Query q, Shape<?> shape, String format) {
        List<String> formats = List.of("TEXT", "JSON", "XML", "YAML");
        if (format != null && !formats.contains(format.toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException(format + " is not a recognized format. Allowed formats: "
                    + String.join(", ", formats) + ".");
        }
        Statement st = compiler.explain(q, shape.columns(q), format);
        return conn -> conn.query(st, row -> row.get(1, String.class)).thenApply(rows -> String.join("\n", rows));
    }
}
