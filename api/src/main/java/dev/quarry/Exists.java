package dev.quarry;

import java.util.Objects;

/**
 * Whether a QuerySet has any row: {@code EXISTS (SELECT ...)}, Django's {@code Exists}. A boolean expression: pass it
 * to {@code filter(Expression)}, to {@code exclude(Expression)} (Django's {@code ~Exists}), annotate with it, or use
 * it in a {@link When}. {@link OuterRef}s inside refer to the query that uses it.
 * {@snippet :
 * QuerySet<Comment> recent = comments.filter("post", OuterRef.of("pk")).filter("createdAt__gte", yesterday);
 * posts.filter(Exists.of(recent)).list();
 * posts.exclude(Exists.of(recent)).list();
 * }
 *
 * @param queryset the inner QuerySet
 * @param negated  whether this is {@code NOT EXISTS}
 */
public record Exists(QuerySet<?> queryset, boolean negated) implements Expression {

    /** Checks that there is a QuerySet. */
    public Exists {
        Objects.requireNonNull(queryset, "queryset");
    }

    /** {@code EXISTS (SELECT ...)} over {@code queryset}. */
    public static Exists of(QuerySet<?> queryset) {
        return new Exists(queryset, false);
    }

    /** {@code NOT EXISTS}: Django's {@code ~Exists(...)}. */
    public Exists negate() {
        return new Exists(queryset, !negated);
    }
}
