package dev.quarry.internal.query;

/**
 * What a QuerySet hands to another query that uses it as a subquery ({@code filter("pk__in", qs)},
 * and expressions such as Subquery and Exists): its query model and its row shape, never SQL text.
 */
public interface QuerySource {

    /** The query model of the QuerySet. */
    Query sourceQuery();

    /** What its rows are: model instances or selected values. */
    Shape<?> sourceShape();
}
