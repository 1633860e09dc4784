package dev.quarry.internal;

import dev.quarry.FieldException;
import dev.quarry.Prefetch;
import dev.quarry.internal.exec.Conn;
import dev.quarry.internal.meta.Codec;
import dev.quarry.internal.meta.FieldKind;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.internal.meta.Relation;
import dev.quarry.internal.query.Compiler;
import dev.quarry.internal.query.Join;
import dev.quarry.internal.query.Node;
import dev.quarry.internal.query.Operand;
import dev.quarry.internal.query.Query;
import dev.quarry.internal.query.Selected;
import dev.quarry.internal.query.Shape;
import dev.quarry.spi.RowMapper;
import dev.quarry.spi.Statement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Django's prefetch_related: after the rows are read, one query per relation (IN over their keys, in chunks)
 * reads the related rows and attaches them: collections for {@code @OneToMany}/{@code @ManyToMany}, full
 * instances for {@code @ManyToOne}. Nested lookups run level by level on the rows the previous level read.
 */
final class Prefetcher {

    private static final int CHUNK = 10_000;

    private final Compiler compiler;
    private final ModelMeta<?> model;
    private final List<Prefetch> lookups;

    private Prefetcher(Compiler compiler, ModelMeta<?> model, List<Prefetch> lookups) {
        this.compiler = compiler;
        this.model = model;
        this.lookups = lookups;
    }

    /** Checks the lookups against the models now, so that a bad path fails where it is written. */
    static void validate(ModelMeta<?> model, Prefetch lookup) {
        ModelMeta<?> current = model;
        String[] parts = lookup.path().split("__", -1);
        for (int i = 0; i < parts.length; i++) {
            FieldMeta f = current.field(parts[i]);
            if (f == null || f.kind() == FieldKind.COLUMN) {
                List<String> choices = current.fields().stream().filter(x -> x.kind() != FieldKind.COLUMN).map(FieldMeta::name).toList();
                throw new FieldException("Cannot find '" + parts[i] + "' on " + current.type().getSimpleName() + " object, '"
                        + lookup.path() + "' is an invalid parameter to prefetch_related(). Relations are: "
                        + (choices.isEmpty() ? "(none)" : String.join(", ", choices)) + ".");
            }
            current = current.models().meta(f.target());
        }
        if (lookup.queryset() != null) {
            if (!(lookup.queryset() instanceof QuerySetImpl<?> qs) || qs.model != current || !qs.shape.isModel()) {
                throw new IllegalArgumentException("Prefetch queryset for '" + lookup.path() + "' must be a QuerySet of "
                        + current.type().getSimpleName() + " instances.");
            }
        }
    }

    /** A post-processing step for rows of {@code query}, or {@code null} when it prefetches nothing. */
    static <T> Prefetcher of(Compiler compiler, Query query) {
        return query.prefetchRelated().isEmpty() ? null : new Prefetcher(compiler, query.model(), List.copyOf(query.prefetchRelated()));
    }

    /** Attaches the related rows of every lookup to {@code rows}; completes with the same list. */
    <T> CompletableFuture<List<T>> apply(Conn conn, List<T> rows) {
        if (rows.isEmpty()) {
            return CompletableFuture.completedFuture(rows);
        }
        Map<String, List<Object>> fetched = new HashMap<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Prefetch lookup : lookups) {
            String[] parts = lookup.path().split("__", -1);
            for (int level = 0; level < parts.length; level++) {
                String prefix = String.join("__", java.util.Arrays.copyOfRange(parts, 0, level + 1));
                String parentPrefix = level == 0 ? null : String.join("__", java.util.Arrays.copyOfRange(parts, 0, level));
                boolean last = level == parts.length - 1;
                String part = parts[level];
                int depth = level;
                chain = chain.thenCompose(v -> {
                    if (fetched.containsKey(prefix) && !last) {
                        return CompletableFuture.completedFuture(null);
                    }
                    List<Object> owners = parentPrefix == null ? new ArrayList<>(rows) : fetched.getOrDefault(parentPrefix, List.of());
                    if (owners.isEmpty()) {
                        fetched.put(prefix, List.of());
                        return CompletableFuture.completedFuture(null);
                    }
                    ModelMeta<?> ownerModel = modelOf(parts, depth);
                    Relation relation = Relation.of(ownerModel, ownerModel.field(part));
                    Query base = last && lookup.queryset() != null ? ((QuerySetImpl<?>) lookup.queryset()).query.copy()
                            : new Query(relation.target());
                    Prefetcher inTurn = Prefetcher.of(compiler, base);   // the Prefetch queryset's own lookups
                    return fetch(conn, relation, owners, base)
                            .thenCompose(related -> inTurn == null ? CompletableFuture.completedFuture(related) : inTurn.apply(conn, related))
                            .thenAccept(related -> fetched.put(prefix, related));
                });
            }
        }
        return chain.thenApply(v -> rows);
    }

    private ModelMeta<?> modelOf(String[] parts, int level) {
        ModelMeta<?> current = model;
        for (int i = 0; i < level; i++) {
            current = current.models().meta(current.field(parts[i]).target());
        }
        return current;
    }

    private CompletableFuture<List<Object>> fetch(Conn conn, Relation rel, List<Object> owners, Query base) {
        return switch (rel.kind()) {
            case FORWARD -> forward(conn, rel, owners, base);
            case REVERSE -> reverse(conn, rel, owners, base);
            case MANY_TO_MANY -> manyToMany(conn, rel, owners, base);
        };
    }

    private static List<Object> distinct(Collection<?> values) {
        Set<Object> out = new LinkedHashSet<>();
        for (Object v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return new ArrayList<>(out);
    }

    /** Runs {@code base} restricted to {@code field IN keys}, chunk by chunk. */
    private <R> CompletableFuture<List<R>> inChunks(Conn conn, List<Object> keys, java.util.function.Function<List<Object>, Statement> statement,
                                                    RowMapper<R> mapper) {
        List<R> all = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < keys.size(); i += CHUNK) {
            Statement st = statement.apply(keys.subList(i, Math.min(keys.size(), i + CHUNK)));
            chain = chain.thenCompose(v -> conn.query(st, mapper)).thenAccept(all::addAll);
        }
        return chain.thenApply(v -> all);
    }

    /** The related rows whose {@code lookup} is among {@code keys}; a sliced queryset is sliced per owner. */
    private Statement select(Query base, String lookup, List<Object> keys) {
        Query q = base.copy();
        q.addCondition(q.resolver().lookup(lookup, keys));
        Shape<?> shape = Shape.model(q.model());
        if (q.isSliced() && !lookup.startsWith(q.model().pk().name() + "__")) {
            String keyField = lookup.substring(0, lookup.length() - "__in".length());
            return compiler.selectPartitioned(q, shape.columns(q), q.resolver().fieldOperand(keyField));
        }
        return compiler.select(q, shape.columns(q));
    }

    private CompletableFuture<List<Object>> forward(Conn conn, Relation rel, List<Object> owners, Query base) {
        ModelMeta<?> owner = rel.owner();
        ModelMeta<?> target = rel.target();
        FieldMeta fk = rel.foreignKey();
        List<Object> keys = distinct(owners.stream().map(o -> owner.columnValue(fk, o)).toList());
        RowMapper<Object> mapper = mapperOf(base);
        return inChunks(conn, keys, chunk -> select(base, target.pk().name() + "__in", chunk), mapper).thenApply(found -> {
            Map<Object, Object> byPk = new HashMap<>();
            found.forEach(r -> byPk.put(target.pkValue(r), r));
            for (Object o : owners) {
                Object key = owner.columnValue(fk, o);
                if (key != null && byPk.containsKey(key)) {
                    fk.set(o, byPk.get(key));
                }
            }
            return found;
        });
    }

    private CompletableFuture<List<Object>> reverse(Conn conn, Relation rel, List<Object> owners, Query base) {
        ModelMeta<?> owner = rel.owner();
        ModelMeta<?> target = rel.target();
        FieldMeta fk = rel.foreignKey();
        List<Object> keys = distinct(owners.stream().map(owner::pkValue).toList());
        RowMapper<Object> mapper = mapperOf(base);
        return inChunks(conn, keys, chunk -> select(base, fk.name() + "__in", chunk), mapper).thenApply(children -> {
            Map<Object, List<Object>> byOwner = new LinkedHashMap<>();
            children.forEach(c -> byOwner.computeIfAbsent(target.columnValue(fk, c), k -> new ArrayList<>()).add(c));
            for (Object o : owners) {
                List<Object> mine = byOwner.getOrDefault(owner.pkValue(o), List.of());
                mine.forEach(c -> fk.set(c, o));
                attach(rel.field(), o, mine);
            }
            return children;
        });
    }

    private CompletableFuture<List<Object>> manyToMany(Conn conn, Relation rel, List<Object> owners, Query base) {
        ModelMeta<?> owner = rel.owner();
        ModelMeta<?> target = rel.target();
        List<Object> keys = distinct(owners.stream().map(owner::pkValue).toList());
        Codec ownerKey = owner.pk().codec();
        FieldMeta linkOwner = FieldMeta.column(rel.ownerColumn(), ownerKey);
        String link = "P_link";
        Shape<?> shape = Shape.model(target);
        return inChunks(conn, keys, chunk -> {
            Query q = base.copy();
            q.joins().put(link, new Join("__link", link, rel.joinTable(), rel.targetColumn(), target.table(),
                    target.pk().column(), null, null));
            List<Operand> params = chunk.stream().<Operand>map(k -> new Operand.Param(ownerKey.toDb(k))).toList();
            q.addCondition(new Node.Leaf(new Operand.Col(link, linkOwner), "in", params));
            List<Selected> columns = new ArrayList<>(shape.columns(q));
            Operand.Col ownerColumn = new Operand.Col(link, linkOwner);
            columns.add(new Selected("__owner", ownerColumn, ownerKey.dbType(), null));
            return q.isSliced() ? compiler.selectPartitioned(q, columns, ownerColumn) : compiler.select(q, columns);
        }, pairMapper(base, ownerKey)).thenApply(pairs -> {
            Map<Object, List<Object>> byOwner = new LinkedHashMap<>();
            Map<Object, Object> unique = new LinkedHashMap<>();
            for (Object[] pair : pairs) {
                Object instance = unique.computeIfAbsent(target.pkValue(pair[0]), k -> pair[0]);
                byOwner.computeIfAbsent(ownerKey.fromDb(pair[1]), k -> new ArrayList<>()).add(instance);
            }
            for (Object o : owners) {
                attach(rel.field(), o, byOwner.getOrDefault(owner.pkValue(o), List.of()));
            }
            return new ArrayList<>(unique.values());
        });
    }

    @SuppressWarnings("unchecked")
    private static RowMapper<Object> mapperOf(Query base) {
        Shape<Object> shape = (Shape<Object>) Shape.model(base.model());
        Query probe = base.copy();
        return shape.mapper(probe, shape.columns(probe));
    }

    private static RowMapper<Object[]> pairMapper(Query base, Codec ownerKey) {
        RowMapper<Object> model = mapperOf(base);
        int ownerIndex = Shape.model(base.model()).columns(base.copy()).size() + 1;
        return row -> new Object[] {model.map(row), row.get(ownerIndex, ownerKey.dbType())};
    }

    /** Sets a to-many field to a fresh collection of the field's kind. */
    private static void attach(FieldMeta field, Object owner, List<Object> related) {
        if (field.kind() == FieldKind.FOREIGN_KEY) {
            return;   // an undeclared reverse relation has no field to fill
        }
        Class<?> type = field.reflected().getType();
        Collection<Object> collection = Set.class.isAssignableFrom(type) ? new LinkedHashSet<>(related) : new ArrayList<>(related);
        field.set(owner, collection);
    }
}
