package dev.quarry.spi;

/**
 * How a transaction starts.
 *
 * @param isolation the SQL isolation level ({@code "READ COMMITTED"}, {@code "REPEATABLE READ"},
 *                  {@code "SERIALIZABLE"}...), or {@code null} for the database default
 * @param readOnly  whether the transaction may write
 */
public record TxOptions(String isolation, boolean readOnly) {

    /** The database's default isolation, read-write. */
    public static final TxOptions DEFAULT = new TxOptions(null, false);
}
