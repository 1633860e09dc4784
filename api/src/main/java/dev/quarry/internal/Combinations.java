package dev.quarry.internal;

import dev.quarry.QuerySet;
import dev.quarry.internal.query.Combined;
import dev.quarry.internal.query.Query;

import java.util.List;

/**
 * Django's {@code union()}, {@code intersection()} and {@code difference()}: which parts take part (a
 * {@code none()} QuerySet drops out of a union, empties an intersection, and empties a difference when it comes
 * first; see {@code CombinedWriter}) and the operations a combined QuerySet refuses, with Django's messages.
 */
final class Combinations {

    private Combinations() {
    }

    /** {@code self <operator> other}. */
    static <T> QuerySetImpl<T> combine(QuerySetImpl<T> self, Combined.Operator operator, boolean all, QuerySet<T> other) {
        if (!(other instanceof QuerySetImpl<T> that)) {
            throw new IllegalArgumentException(operator.method() + "() takes a QuerySet of this Quarry, got " + other + ".");
        }
        // Django's rules: an empty QuerySet on the left gives way to (or stays, for intersection and difference)
        // the other; an empty part on the right is skipped when compiled (union, difference) or empties the
        // intersection.
        List<QuerySetImpl<T>> parts = List.of(self, that);
        switch (operator) {
            case UNION -> {
                if (self.query.isEmpty()) {
                    return that;
                }
            }
            case INTERSECT -> {
                if (self.query.isEmpty()) {
                    return self;
                }
                if (that.query.isEmpty()) {
                    return that;
                }
            }
            case EXCEPT -> {
                if (self.query.isEmpty()) {
                    return self;
                }
            }
        }
        List<Combined.Part> combined = parts.stream().map(p -> Combined.Part.of(p.query, p.shape)).toList();
        Query q = Query.combining(new Combined(operator, all, combined));
        return new QuerySetImpl<>(self.ctx, self.model, q, self.shape);
    }

    /** Refuses {@code operation} on a combined query, as Django's {@code _not_support_combined_queries}. */
    static void refuse(Query q, String operation) {
        if (q.combined() != null) {
            throw new UnsupportedOperationException("Calling QuerySet." + operation + "() after "
                    + q.combined().operator().method() + "() is not supported.");
        }
    }

    /** Refuses get() with conditions on a combined query. */
    static void refuseGetWithFilters(Query q) {
        if (q.combined() != null) {
            throw new UnsupportedOperationException("Calling QuerySet.get(...) with filters after "
                    + q.combined().operator().method() + "() is not supported.");
        }
    }
}
