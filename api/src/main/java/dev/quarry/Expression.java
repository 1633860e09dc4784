package dev.quarry;

/**
 * Something that computes a value in SQL: {@link F} (fields and arithmetic), {@link Q} (a condition) and
 * {@link Aggregate}. Usable in {@code filter}, {@code update}, {@code annotate} and {@code aggregate}.
 */
public interface Expression {
}
