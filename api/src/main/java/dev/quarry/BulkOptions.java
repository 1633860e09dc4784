package dev.quarry;

import java.util.List;

/**
 * Options of {@code bulkCreate}: Django's {@code batch_size}, {@code ignore_conflicts},
 * {@code update_conflicts}/{@code update_fields}/{@code unique_fields}. Immutable; each method returns a copy.
 * {@snippet :
 * articles.bulkCreate(rows, BulkOptions.defaults().batchSize(500).ignoreConflicts(true));
 * }
 */
public final class BulkOptions {

    private static final BulkOptions DEFAULTS = new BulkOptions(0, false, List.of(), List.of(), false);

    private final int batchSize;
    private final boolean ignoreConflicts;
    private final List<String> updateFields;
    private final List<String> uniqueFields;
    private final boolean updateConflicts;

    private BulkOptions(int batchSize, boolean ignoreConflicts, List<String> updateFields, List<String> uniqueFields,
                        boolean updateConflicts) {
        this.batchSize = batchSize;
        this.ignoreConflicts = ignoreConflicts;
        this.updateFields = updateFields;
        this.uniqueFields = uniqueFields;
        this.updateConflicts = updateConflicts;
    }

    /** No batching limit, conflicts fail. */
    public static BulkOptions defaults() {
        return DEFAULTS;
    }

    /** Inserts at most {@code size} rows per statement; must be strictly positive. */
    public BulkOptions batchSize(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("Batch size must be a positive integer, got " + size + ".");
        }
        return new BulkOptions(size, ignoreConflicts, updateFields, uniqueFields, updateConflicts);
    }

    /** Skips rows that violate a constraint (their pks stay unset). */
    public BulkOptions ignoreConflicts(boolean ignore) {
        return new BulkOptions(batchSize, ignore, updateFields, uniqueFields, updateConflicts);
    }

    /** On a conflict over {@code uniqueFields}, updates {@code updateFields} of the existing row (an upsert). */
    public BulkOptions updateConflicts(List<String> updateFields, List<String> uniqueFields) {
        if (updateFields == null || updateFields.isEmpty()) {
            throw new IllegalArgumentException("Fields that will be updated when a row insertion fails on conflicts must be provided.");
        }
        return new BulkOptions(batchSize, ignoreConflicts, List.copyOf(updateFields),
                uniqueFields == null ? List.of() : List.copyOf(uniqueFields), true);
    }

    /** Rows per statement; 0 means as many as fit. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether conflicting rows are skipped. */
    public boolean ignoreConflicts() {
        return ignoreConflicts;
    }

    /** Whether conflicting rows are updated. */
    public boolean updateConflicts() {
        return updateConflicts;
    }

    /** The fields an upsert updates. */
    public List<String> updateFields() {
        return updateFields;
    }

    /** The fields whose conflict triggers the upsert. */
    public List<String> uniqueFields() {
        return uniqueFields;
    }
}
