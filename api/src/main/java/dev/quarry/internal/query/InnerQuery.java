package dev.quarry.internal.query;

import dev.quarry.ValueException;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;

import java.util.List;

/**
 * A query compiled inside another statement ({@code x IN (SELECT ...)}, the restriction of an UPDATE or DELETE,
 * the collector's pre-select): the complete query, with its GROUP BY, HAVING, DISTINCT and slice, selecting
 * {@code columns}. The {@link Compiler} writes it with its own table aliases and binds its parameters in the
 * order they occur in the text, so an inner query is as safe as the outer one.
 *
 * @param query   the inner query (never changed)
 * @param columns what it selects
 */
public record InnerQuery(Query query, List<Selected> columns) {

    /** The primary keys of the rows of {@code query} (Django's {@code pk__in} restriction). */
    public static InnerQuery pks(Query query) {
        ModelMeta<?> model = query.model();
        FieldMeta pk = model.pk();
        return new InnerQuery(query, List.of(new Selected(pk.name(), new Operand.Col(model.table(), pk),
                pk.codec().dbType(), pk)));
    }

    /**
     * A QuerySet used as the value of a lookup that compares one column: a model QuerySet means its primary
     * keys, a values/valuesList/valuesListFlat QuerySet must select exactly one column.
     *
     * @param lookup the lookup's name, for the message ({@code "in"})
     * @throws ValueException when the QuerySet selects several columns
     */
    public static InnerQuery oneColumn(QuerySource source, String lookup) {
        Query query = source.sourceQuery();
        Shape<?> shape = source.sourceShape();
        if (shape.isModel()) {
            return pks(query);
        }
        List<Selected> columns = shape.columns(query);
        if (columns.size() != 1) {
            throw new ValueException("The QuerySet value for the '" + lookup + "' lookup must have 1 selected fields (received "
                    + columns.size() + ")");
        }
        return new InnerQuery(query, columns);
    }

    /** Whether the inner query is known to match no row ({@code none()}): the condition is then false. */
    public boolean matchesNothing() {
        return query.isEmpty();
    }
}
