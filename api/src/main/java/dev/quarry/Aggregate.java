package dev.quarry;

import java.util.Locale;
import java.util.Objects;

/**
 * An aggregate over the rows of a QuerySet: Django's {@code Count}, {@code Sum}, {@code Avg}, {@code Min},
 * {@code Max}, with {@link #distinct()} and {@link #filter(Q)}. Immutable.
 * {@snippet :
 * Map<String, Object> stats = articles.aggregate(Map.of(
 *         "n", Aggregate.count("id"),
 *         "published", Aggregate.count("id").filter(Q.of("status", "published")),
 *         "avgViews", Aggregate.avg("views")));
 * }
 */
public final class Aggregate implements Expression {

    /** The aggregate functions. */
    public enum Function {
        /** COUNT */ COUNT,
        /** SUM */ SUM,
        /** AVG */ AVG,
        /** MIN */ MIN,
        /** MAX */ MAX
    }

    private final Function function;
    private final Expression argument;
    private final boolean distinct;
    private final Q filter;

    private Aggregate(Function function, Expression argument, boolean distinct, Q filter) {
        this.function = function;
        this.argument = argument;
        this.distinct = distinct;
        this.filter = filter;
    }

    /** {@code COUNT(field)}; {@code "*"} counts rows. */
    public static Aggregate count(String field) {
        return new Aggregate(Function.COUNT, "*".equals(field) ? null : F.of(field), false, null);
    }

    /** {@code SUM(field)}. */
    public static Aggregate sum(String field) {
        return new Aggregate(Function.SUM, F.of(field), false, null);
    }

    /** {@code AVG(field)}. */
    public static Aggregate avg(String field) {
        return new Aggregate(Function.AVG, F.of(field), false, null);
    }

    /** {@code MIN(field)}. */
    public static Aggregate min(String field) {
        return new Aggregate(Function.MIN, F.of(field), false, null);
    }

    /** {@code MAX(field)}. */
    public static Aggregate max(String field) {
        return new Aggregate(Function.MAX, F.of(field), false, null);
    }

    /** The aggregate of an expression, e.g. {@code Aggregate.of(Function.SUM, F.of("price").times(F.of("qty")))}. */
    public static Aggregate of(Function function, F expression) {
        return new Aggregate(Objects.requireNonNull(function), expression, false, null);
    }

    /**
     * The aggregate of any expression ({@link Case}, {@link Func}...), e.g.
     * {@code Aggregate.of(Function.SUM, Case.when(Q.of("status", "open"), 1).otherwise(0))}.
     */
    public static Aggregate of(Function function, Expression expression) {
        return new Aggregate(Objects.requireNonNull(function), Objects.requireNonNull(expression, "expression"), false, null);
    }

    /** {@code COUNT(expression)}. */
    public static Aggregate count(Expression expression) {
        return of(Function.COUNT, expression);
    }

    /** {@code SUM(expression)}. */
    public static Aggregate sum(Expression expression) {
        return of(Function.SUM, expression);
    }

    /** {@code AVG(expression)}. */
    public static Aggregate avg(Expression expression) {
        return of(Function.AVG, expression);
    }

    /** {@code MIN(expression)}. */
    public static Aggregate min(Expression expression) {
        return of(Function.MIN, expression);
    }

    /** {@code MAX(expression)}. */
    public static Aggregate max(Expression expression) {
        return of(Function.MAX, expression);
    }

    /** Aggregates distinct values only. */
    public Aggregate distinct() {
        return new Aggregate(function, argument, true, filter);
    }

    /** Aggregates only the rows matching {@code condition} (SQL {@code FILTER (WHERE ...)}). */
    public Aggregate filter(Q condition) {
        return new Aggregate(function, argument, distinct, filter == null ? condition : filter.and(condition));
    }

    /** The function. */
    public Function function() {
        return function;
    }

    /** What is aggregated, or {@code null} for {@code COUNT(*)}. */
    public Expression argument() {
        return argument;
    }

    /** Whether only distinct values count. */
    public boolean isDistinct() {
        return distinct;
    }

    /** The row filter, or {@code null}. */
    public Q condition() {
        return filter;
    }

    /** Django's default alias for {@code aggregate(Count("id"))}: {@code "id__count"}. */
    public String defaultAlias() {
        if (!(argument instanceof F f) || f.field() == null) {
            throw new IllegalArgumentException("Complex aggregates require an alias.");
        }
        return f.field() + "__" + function.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Aggregate a && a.function == function && a.distinct == distinct
                && Objects.equals(a.argument, argument) && Objects.equals(a.filter, filter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, argument, distinct, filter);
    }

    @Override
    public String toString() {
        return function + "(" + (distinct ? "DISTINCT " : "") + (argument == null ? "*" : argument) + ")"
                + (filter == null ? "" : " FILTER " + filter);
    }
}
