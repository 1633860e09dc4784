package dev.quarry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A condition built from lookups, combined with {@link #and}, {@link #or} and {@link #negate}, as Django's
 * {@code Q}. Immutable.
 * {@snippet :
 * Q popular = Q.of("views__gte", 1000).or(Q.of("featured", true));
 * articles.filter(popular.and(Q.not(Q.of("status", "draft")))).list();
 * }
 */
public final class Q implements Expression {

    /** How a Q joins its children. */
    public enum Connector {
        /** every child holds */
        AND,
        /** at least one child holds */
        OR
    }

    /**
     * One lookup of a Q: {@code "author__name__icontains"} and its value.
     *
     * @param lookup fields joined with {@code __}, optionally ending in a lookup name
     * @param value  the value (or an {@link F} expression); {@code null} means {@code IS NULL} for exact
     */
    public record Lookup(String lookup, Object value) {
        /** Checks that a lookup is named. */
        public Lookup {
            Objects.requireNonNull(lookup, "lookup");
        }
    }

    private static final Q EMPTY = new Q(List.of(), Connector.AND, false);

    private final List<Object> children;
    private final Connector connector;
    private final boolean negated;

    private Q(List<Object> children, Connector connector, boolean negated) {
        this.children = children;
        this.connector = connector;
        this.negated = negated;
    }

    /** A single lookup: {@code Q.of("title__startswith", "Hello")}. */
    public static Q of(String lookup, Object value) {
        return new Q(List.of(new Lookup(lookup, value)), Connector.AND, false);
    }

    /** Every lookup of the map, ANDed, in the map's order. */
    public static Q of(Map<String, ?> lookups) {
        List<Object> children = new ArrayList<>(lookups.size());
        new LinkedHashMap<>(lookups).forEach((k, v) -> children.add(new Lookup(k, v)));
        return new Q(Collections.unmodifiableList(children), Connector.AND, false);
    }

    /** The Q that matches everything. */
    public static Q empty() {
        return EMPTY;
    }

    /** The negation of {@code q}: Django's {@code ~q}. */
    public static Q not(Q q) {
        return q.negate();
    }

    /** Both this and {@code other}: Django's {@code self & other}. */
    public Q and(Q other) {
        return combine(other, Connector.AND);
    }

    /** Either this or {@code other}: Django's {@code self | other}. */
    public Q or(Q other) {
        return combine(other, Connector.OR);
    }

    /** The negation of this Q: Django's {@code ~self}. */
    public Q negate() {
        return new Q(List.of(this), Connector.AND, true);
    }

    private Q combine(Q other, Connector how) {
        Objects.requireNonNull(other, "other");
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        return new Q(List.of(this, other), how, false);
    }

    /** Whether this Q has no condition at all. */
    public boolean isEmpty() {
        return children.isEmpty();
    }

    /** The children: {@link Lookup}s and nested {@link Q}s. */
    public List<Object> children() {
        return children;
    }

    /** How the children are joined. */
    public Connector connector() {
        return connector;
    }

    /** Whether the whole Q is negated. */
    public boolean negated() {
        return negated;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Q q && q.negated == negated && q.connector == connector && q.children.equals(children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(children, connector, negated);
    }

    @Override
    public String toString() {
        return (negated ? "NOT " : "") + "(" + connector + ": " + children + ")";
    }
}
