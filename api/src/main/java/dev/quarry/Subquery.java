package dev.quarry;

import java.util.Objects;

/**
 * A QuerySet as a single value: {@code (SELECT ...)}, Django's {@code Subquery}. The QuerySet must select one column
 * ({@code values("x")}, {@code valuesListFlat}) or be a model QuerySet (its pk); slice it to one row.
 * {@link OuterRef}s inside it refer to the query that uses it. Its type is the selected column's.
 * {@snippet :
 * QuerySet<Comment> newest = comments.filter("post", OuterRef.of("pk")).orderBy("-createdAt");
 * posts.annotate("newestEmail", Subquery.of(newest.values("email").slice(0, 1))).list();
 * }
 *
 * @param queryset   the inner QuerySet
 * @param outputType the Java type read, or {@code null} for the selected column's
 */
public record Subquery(QuerySet<?> queryset, Class<?> outputType) implements Expression {

    /** Checks that there is a QuerySet. */
    public Subquery {
        Objects.requireNonNull(queryset, "queryset");
    }

    /** {@code (SELECT ...)} over {@code queryset}. */
    public static Subquery of(QuerySet<?> queryset) {
        return new Subquery(queryset, null);
    }

    /** The same subquery read as {@code type} (Django's {@code output_field}). */
    public Subquery outputType(Class<?> type) {
        return new Subquery(queryset, Objects.requireNonNull(type, "type"));
    }
}
