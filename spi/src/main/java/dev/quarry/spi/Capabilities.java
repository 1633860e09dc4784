package dev.quarry.spi;

/**
 * What a transport can do. Quarry works around what is missing (for example a batch becomes a multi-row
 * statement) and the TCK skips the tests of what truly cannot be done.
 *
 * @param supportsCancellation     cancelling a running statement's future cancels it on the server
 * @param supportsBatch            {@link Connection#batch} sends one statement with many parameter sets natively
 * @param supportsStatementTimeout statements can be given a timeout
 * @param supportsTransactions     {@link Connection#begin} and friends work (savepoints are plain SQL on top)
 */
public record Capabilities(boolean supportsCancellation, boolean supportsBatch, boolean supportsStatementTimeout,
                           boolean supportsTransactions) {

    /** Everything supported. */
    public static Capabilities all() {
        return new Capabilities(true, true, true, true);
    }
}
