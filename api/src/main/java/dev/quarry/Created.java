package dev.quarry;

/**
 * The result of {@code getOrCreate}/{@code updateOrCreate}: Django's {@code (object, created)} tuple.
 *
 * @param object  the row found, created or updated
 * @param created whether it was created by this call
 * @param <T>     the model
 */
public record Created<T>(T object, boolean created) {
}
