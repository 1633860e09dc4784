package dev.quarry.internal;

import dev.quarry.Functions;
import dev.quarry.QuerySet;
import dev.quarry.internal.query.ReadTypes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Django's {@code dates()} and {@code datetimes()}: the distinct values of a date or date-time field truncated to a
 * kind, without NULL, in order, built from the public QuerySet operations (an annotation, a flat values list,
 * {@code distinct()}, {@code orderBy}).
 */
final class DateLists {

    private static final List<String> DATE_KINDS = List.of("year", "month", "week", "day");
    private static final List<String> DATETIME_KINDS = List.of("year", "month", "week", "day", "hour", "minute", "second");

    /** Django's name of the truncated value. */
    private static final String NAME = "datefield";

    private DateLists() {
    }

    static QuerySet<LocalDate> dates(QuerySetImpl<?> qs, String field, String kind, String order) {
        if (!DATE_KINDS.contains(kind)) {
            throw new IllegalArgumentException("'kind' must be one of 'year', 'month', 'week', or 'day'.");
        }
        return truncated(qs, field, order, kind, LocalDate.class);
    }

    static QuerySet<LocalDateTime> datetimes(QuerySetImpl<?> qs, String field, String kind, String order) {
        if (!DATETIME_KINDS.contains(kind)) {
            throw new IllegalArgumentException("'kind' must be one of 'year', 'month', 'week', 'day', 'hour', 'minute', "
                    + "or 'second'.");
        }
        return truncated(qs, field, order, kind, LocalDateTime.class);
    }

    private static <V> QuerySet<V> truncated(QuerySetImpl<?> qs, String field, String order, String kind, Class<V> type) {
        Objects.requireNonNull(field, "field");
        if (!"ASC".equals(order) && !"DESC".equals(order)) {
            throw new IllegalArgumentException("'order' must be either 'ASC' or 'DESC'.");
        }
        Class<?> source = ReadTypes.of(qs.query.resolver().fieldOperand(field));
        if (type == LocalDateTime.class && source == LocalDate.class) {
            throw new IllegalArgumentException("'" + field + "' is a DateField: use dates(), datetimes() needs a "
                    + "DateTimeField.");
        }
        return qs.annotate(NAME, Functions.trunc(field, kind, type)).valuesListFlat(NAME, type)
                .filter(NAME + "__isnull", false).distinct().orderBy("ASC".equals(order) ? NAME : "-" + NAME);
    }
}
