package dev.quarry.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A set operation over QuerySets (Django's {@code combinator} and {@code combined_queries}): {@code UNION
 * [ALL]}, {@code INTERSECT [ALL]} or {@code EXCEPT [ALL]} of complete queries. The QuerySet that holds it may
 * only be ordered (by the names of selected columns), sliced, reshaped with {@code values*} and read.
 *
 * @param operator the set operation
 * @param all      keep duplicates ({@code UNION ALL})
 * @param parts    the queries combined, in order, each with the shape that says what it selects
 */
public record Combined(Operator operator, boolean all, List<Part> parts) {

    /** The set operations, by Django's method names. */
    public enum Operator {
        /** {@code union()} */ UNION,
        /** {@code intersection()} */ INTERSECT,
        /** {@code difference()} */ EXCEPT;

        /** Django's method name, for messages. */
        public String method() {
            return switch (this) {
                case UNION -> "union";
                case INTERSECT -> "intersection";
                case EXCEPT -> "difference";
            };
        }

        /** The SQL keyword. */
        public String sql() {
            return name();
        }

        /** The operator of a method name. */
        public static Operator of(String method) {
            return switch (method.toLowerCase(Locale.ROOT)) {
                case "union" -> UNION;
                case "intersection" -> INTERSECT;
                case "difference" -> EXCEPT;
                default -> throw new IllegalArgumentException(method);
            };
        }
    }

    /**
     * One combined query.
     *
     * @param query      what it selects from
     * @param shape      what it selects (its own values() or the combined QuerySet's)
     * @param ownColumns whether it chose its columns itself (values() before the combination)
     */
    public record Part(Query query, Shape<?> shape, boolean ownColumns) {

        /** A QuerySet's query and shape as a part. */
        public static Part of(Query query, Shape<?> shape) {
            return new Part(query, shape, !shape.isModel());
        }
    }

    public Combined {
        parts = List.copyOf(parts);
    }

    /**
     * The combination after {@code values*()} on the combined QuerySet: as in Django, the parts that select
     * model rows select the new shape's columns instead; parts with a values() of their own keep it.
     */
    public Combined reshaped(Shape<?> shape) {
        List<Part> out = new ArrayList<>();
        for (Part p : parts) {
            if (!p.ownColumns()) {
                Query copy = p.query().copy();
                shape.validate(copy);
                out.add(new Part(copy, shape, false));
            } else {
                out.add(p);
            }
        }
        return new Combined(operator, all, out);
    }

    /** Whether no part chose its own columns (then ORDER BY may add a column to each, as in Django). */
    boolean columnsMayBeAdded() {
        return parts.stream().noneMatch(Part::ownColumns);
    }
}
