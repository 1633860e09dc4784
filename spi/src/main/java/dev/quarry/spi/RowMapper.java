package dev.quarry.spi;

/**
 * Turns the current row into a value. Called once per row on the thread that reads the result.
 *
 * @param <T> what a row becomes
 */
@FunctionalInterface
public interface RowMapper<T> {

    /** Reads the row; must not keep a reference to it. */
    T map(Row row);
}
