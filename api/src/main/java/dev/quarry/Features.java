package dev.quarry;

/**
 * What the provider and dialect in use can do; tests of a missing feature skip.
 *
 * @param provider             the provider's name
 * @param dialect              the dialect's name
 * @param cancellation         cancelling a future cancels its statement on the server
 * @param nativeBatch          batches are sent natively (else as multi-row statements)
 * @param statementTimeout     {@link TransactionOptions#timeout(java.time.Duration)} is enforced
 * @param returning            generated keys come back with the INSERT
 * @param upsert               {@link BulkOptions#ignoreConflicts} and {@link BulkOptions#updateConflicts}
 * @param skipLocked           {@code selectForUpdate(nowait, skipLocked)}
 * @param serverSideCursors    {@code iterator}/{@code aiterator} stream through a server-side cursor
 */
public record Features(String provider, String dialect, boolean cancellation, boolean nativeBatch,
                       boolean statementTimeout, boolean returning, boolean upsert, boolean skipLocked,
                       boolean serverSideCursors) {
}
