package dev.quarry.internal.query;

/**
 * An {@code annotate(alias, expression)} of a QuerySet.
 *
 * @param alias    the name
 * @param operand  the resolved expression
 * @param readType what the provider reads it as
 */
public record Annotation(String alias, Operand operand, Class<?> readType) {

    /** Whether it aggregates (and so groups the query). */
    public boolean isAggregate() {
        return operand.containsAggregate();
    }
}
