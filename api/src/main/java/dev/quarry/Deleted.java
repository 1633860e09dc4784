package dev.quarry;

import java.util.Map;

/**
 * What {@code delete()} removed: Django's {@code (count, {"app.Model": n})}.
 *
 * @param count    every row deleted, cascaded rows included
 * @param perModel rows per model, keyed by entity name ({@code @Entity(name)}, default the simple class name)
 */
public record Deleted(long count, Map<String, Long> perModel) {

    /** Freezes the per-model counts. */
    public Deleted {
        perModel = Map.copyOf(perModel);
    }
}
