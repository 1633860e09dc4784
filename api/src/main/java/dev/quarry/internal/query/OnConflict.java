package dev.quarry.internal.query;

import dev.quarry.internal.meta.FieldMeta;

import java.util.List;

/**
 * What a bulk INSERT does on a unique conflict (Django's {@code ignore_conflicts} / {@code update_conflicts}), as
 * a query model that the {@link Compiler} renders with the dialect.
 *
 * @param ignore skip conflicting rows
 * @param unique the fields whose conflict triggers the update
 * @param update the fields the update sets from the proposed row
 */
public record OnConflict(boolean ignore, List<FieldMeta> unique, List<FieldMeta> update) {

    /** Conflicts fail the INSERT. */
    public static final OnConflict FAIL = new OnConflict(false, List.of(), List.of());

    /** Conflicting rows are skipped. */
    public static final OnConflict IGNORE = new OnConflict(true, List.of(), List.of());

    public OnConflict {
        unique = List.copyOf(unique);
        update = List.copyOf(update);
    }

    /** Conflicting rows update {@code update} (an upsert). */
    public static OnConflict update(List<FieldMeta> unique, List<FieldMeta> update) {
        return new OnConflict(false, unique, update);
    }
}
