package dev.quarry.internal.query;

import dev.quarry.internal.meta.ModelMeta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query model of a QuerySet (Django's {@code sql.Query}). A QuerySet never changes its Query: it
 * {@link #copy()}s it, changes the copy, and wraps the copy in a new QuerySet, so a published Query is
 * effectively immutable.
 */
public final class Query {

    /**
     * One ORDER BY term.
     *
     * @param operand    what to order by ({@code null} for random)
     * @param descending descending order
     */
    public record Order(Operand operand, boolean descending) {
        /** Whether this is {@code orderBy("?")}. */
        public boolean random() {
            return operand == null;
        }
    }

    /**
     * Row locking of {@code selectForUpdate}.
     *
     * @param nowait     fail instead of waiting
     * @param skipLocked skip locked rows
     * @param noKey      {@code FOR NO KEY UPDATE}
     * @param of         {@code "self"} and selectRelated paths to lock; empty for all
     */
    public record Lock(boolean nowait, boolean skipLocked, boolean noKey, List<String> of) {

        /** A lock of every table. */
        public Lock(boolean nowait, boolean skipLocked) {
            this(nowait, skipLocked, false, List.of());
        }
    }

    final ModelMeta<?> model;
    List<Node> where = new ArrayList<>();
    List<Node> having = new ArrayList<>();
    List<Node> qualify = List.of();   // copied on write: most queries never have one
    List<Order> ordering = new ArrayList<>();
    boolean reversed;
    boolean distinct;
    List<Operand> distinctFields = List.of();
    long low;
    long high = -1;
    boolean empty;
    Set<String> only;
    Set<String> defer = new LinkedHashSet<>();
    Map<String, Annotation> annotations = new LinkedHashMap<>();
    Set<String> aliasOnly = Set.of();   // copied on write
    Map<String, Join> joins = new LinkedHashMap<>();
    Lock lock;
    Combined combined;
    List<String> selectRelated = new ArrayList<>();
    List<dev.quarry.Prefetch> prefetchRelated = new ArrayList<>();

    /** An unfiltered query over every row of {@code model}. */
    public Query(ModelMeta<?> model) {
        this.model = model;
    }

    /** A copy to change before it is published. */
    public Query copy() {
        Query q = new Query(model);
        q.where = new ArrayList<>(where);
        q.having = new ArrayList<>(having);
        q.qualify = qualify;
        q.ordering = new ArrayList<>(ordering);
        q.reversed = reversed;
        q.distinct = distinct;
        q.distinctFields = distinctFields;
        q.low = low;
        q.high = high;
        q.empty = empty;
        q.only = only == null ? null : new LinkedHashSet<>(only);
        q.defer = new LinkedHashSet<>(defer);
        q.annotations = new LinkedHashMap<>(annotations);
        q.aliasOnly = aliasOnly;
        q.joins = new LinkedHashMap<>(joins);
        q.lock = lock;
        q.combined = combined;
        q.selectRelated = new ArrayList<>(selectRelated);
        q.prefetchRelated = new ArrayList<>(prefetchRelated);
        return q;
    }

    /**
     * The query of {@code union()}, {@code intersection()} or {@code difference()}: a copy of the first part's
     * query (so shapes resolve names as in the first part) that selects from {@code combined} instead, with no
     * conditions, ordering or slice of its own yet.
     */
    public static Query combining(Combined combined) {
        Query q = combined.parts().get(0).query().copy();
        q.where = new ArrayList<>();
        q.having = new ArrayList<>();
        q.ordering = new ArrayList<>();
        q.reversed = false;
        q.distinct = false;
        q.distinctFields = List.of();
        q.low = 0;
        q.high = -1;
        q.empty = false;
        q.lock = null;
        q.prefetchRelated = new ArrayList<>();
        q.combined = combined;
        return q;
    }

    /** The set operation this query selects from, or {@code null}. */
    public Combined combined() {
        return combined;
    }

    /** Replaces the set operation (after values() on the combined QuerySet). */
    public void setCombined(Combined combined) {
        this.combined = combined;
    }

    /** The model queried. */
    public ModelMeta<?> model() {
        return model;
    }

    /** A resolver that knows this query's annotations. */
    public Resolver resolver() {
        return new Resolver(model, annotations, joins);
    }

    /** The joins lookups across relations need, by path. */
    public Map<String, Join> joins() {
        return joins;
    }

    /** Adds a condition, to HAVING when it involves an aggregate. */
    public void addCondition(Node node) {
        if (OuterBinder.containsWindow(node)) {
            List<Node> more = new ArrayList<>(qualify);
            more.add(node);
            qualify = more;
        } else {
            (node.containsAggregate() ? having : where).add(node);
        }
    }

    /**
     * Conditions on window functions, which SQL cannot test in WHERE: the query then runs as a subquery filtered by
     * them, as Django 4.2+ does.
     */
    public List<Node> qualify() {
        return qualify;
    }

    /** Whether a slice was taken. */
    public boolean isSliced() {
        return low > 0 || high >= 0;
    }

    /** Narrows the slice the way Python's {@code qs[a:b][c:d]} does. */
    public void slice(long start, long end) {
        long newLow = low + start;
        long newHigh = end < 0 ? high : (high >= 0 ? Math.min(high, low + end) : low + end);
        low = newLow;
        high = newHigh >= 0 ? Math.max(newHigh, newLow) : -1;
    }

    /** Whether any annotation aggregates. */
    public boolean isGrouped() {
        return !having.isEmpty() || annotations.values().stream().anyMatch(Annotation::isAggregate);
    }

    /** Whether none() was called. */
    public boolean isEmpty() {
        return empty;
    }

    /** Marks the query as matching nothing. */
    public void setEmpty() {
        empty = true;
    }

    /** The ORDER BY terms in effect (reversed when asked). */
    public List<Order> effectiveOrdering() {
        if (!reversed) {
            return ordering;
        }
        if (ordering.isEmpty()) {
            return List.of(new Order(new Operand.Col(model.table(), model.pk()), true));
        }
        return ordering.stream().map(o -> o.random() ? o : new Order(o.operand(), !o.descending())).toList();
    }

    /** Whether an explicit ordering is set. */
    public boolean isOrdered() {
        return !ordering.isEmpty();
    }

    /** Replaces the ordering. */
    public void setOrdering(List<Order> terms) {
        ordering = new ArrayList<>(terms);
        reversed = false;
    }

    /** Flips the ordering. */
    public void toggleReversed() {
        reversed = !reversed;
    }

    /** Turns on DISTINCT (on every selected column). */
    public void setDistinct() {
        distinct = true;
        distinctFields = List.of();
    }

    /** Turns on {@code DISTINCT ON (fields)}. */
    public void setDistinctFields(List<Operand> fields) {
        distinct = true;
        distinctFields = List.copyOf(fields);
    }

    /** The operands of {@code DISTINCT ON}; empty for a plain DISTINCT. */
    public List<Operand> distinctFields() {
        return distinctFields;
    }

    /** Sets row locking. */
    public void setLock(Lock lock) {
        this.lock = lock;
    }

    /** The row lock, or {@code null}. */
    public Lock lock() {
        return lock;
    }

    /** Limits the fields loaded; {@code null} loads all. */
    public void setOnly(Set<String> fields) {
        only = fields;
        defer.clear();
    }

    /** Fields not to load. */
    public void addDefer(Set<String> fields) {
        defer.addAll(fields);
    }

    /** The fields only() kept, or {@code null}. */
    public Set<String> only() {
        return only;
    }

    /** The fields defer() dropped. */
    public Set<String> deferred() {
        return defer;
    }

    /** Marks an annotation as {@code alias()}ed: usable by name, never selected. */
    public void hide(String alias) {
        Set<String> more = new LinkedHashSet<>(aliasOnly);
        more.add(alias);
        aliasOnly = more;
    }

    /** Whether the annotation {@code alias} is selected (it was not made by {@code alias()}). */
    public boolean isSelected(String alias) {
        return !aliasOnly.contains(alias);
    }

    /** Annotations by alias. */
    public Map<String, Annotation> annotations() {
        return annotations;
    }

    /**
     * Follows {@code path} (foreign keys joined by {@code __}) in the same query, and every prefix of it.
     *
     * @throws dev.quarry.FieldException when a part is not a foreign key, listing the ones there are
     */
    public void addSelectRelated(String path) {
        ModelMeta<?> current = model;
        String alias = model.table();
        String prefix = "";
        for (String part : path.split("__", -1)) {
            dev.quarry.internal.meta.FieldMeta fk = current.fieldOrAttribute(part);
            if (fk == null || fk.kind() != dev.quarry.internal.meta.FieldKind.FOREIGN_KEY) {
                List<String> choices = current.concreteFields().stream()
                        .filter(f -> f.kind() == dev.quarry.internal.meta.FieldKind.FOREIGN_KEY)
                        .map(dev.quarry.internal.meta.FieldMeta::name).toList();
                throw new dev.quarry.FieldException("Invalid field name(s) given in select_related: '" + part
                        + "'. Choices are: " + (choices.isEmpty() ? "(none)" : String.join(", ", choices)) + ".");
            }
            prefix = prefix.isEmpty() ? part : prefix + "__" + part;
            ModelMeta<?> target = current.models().meta(fk.target());
            String parent = alias;
            Join join = joins.computeIfAbsent(prefix, p -> Join.forward(p, "T_" + p, target, parent, fk));
            if (!selectRelated.contains(prefix)) {
                selectRelated.add(prefix);
            }
            alias = join.alias();
            current = target;
        }
    }

    /** selectRelated paths. */
    public List<String> selectRelated() {
        return selectRelated;
    }

    /** prefetchRelated lookups, in order. */
    public List<dev.quarry.Prefetch> prefetchRelated() {
        return prefetchRelated;
    }

    /** The offset of the slice. */
    public long low() {
        return low;
    }

    /** The end of the slice, or -1. */
    public long high() {
        return high;
    }

    /** Whether DISTINCT is on. */
    public boolean distinct() {
        return distinct;
    }

    /** WHERE conditions, ANDed. */
    public List<Node> where() {
        return where;
    }

    /** HAVING conditions, ANDed. */
    public List<Node> having() {
        return having;
    }
}
