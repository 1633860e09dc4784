package dev.quarry.spi;

/**
 * What a SQL grammar can express.
 *
 * @param supportsReturning       {@code INSERT/UPDATE ... RETURNING}
 * @param supportsUpsert          {@code ON CONFLICT} ignore/update
 * @param supportsSkipLocked      {@code FOR UPDATE SKIP LOCKED / NOWAIT}
 * @param supportsCursors         {@code DECLARE ... CURSOR / FETCH} inside a transaction
 * @param supportsExplainFormats  {@code EXPLAIN (FORMAT json|xml|yaml|text)}
 */
public record DialectFeatures(boolean supportsReturning, boolean supportsUpsert, boolean supportsSkipLocked,
                              boolean supportsCursors, boolean supportsExplainFormats) {
}
