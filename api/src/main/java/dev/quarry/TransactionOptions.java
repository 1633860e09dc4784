package dev.quarry;

import java.time.Duration;

/**
 * How {@code atomic} starts its transaction. Immutable; each method returns a copy.
 * {@snippet :
 * db.atomic(TransactionOptions.defaults().isolation(Isolation.SERIALIZABLE).timeout(Duration.ofSeconds(2)),
 *           tx -> ...);
 * }
 */
public final class TransactionOptions {

    private static final TransactionOptions DEFAULTS = new TransactionOptions(null, false, null);

    private final Isolation isolation;
    private final boolean readOnly;
    private final Duration timeout;

    private TransactionOptions(Isolation isolation, boolean readOnly, Duration timeout) {
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.timeout = timeout;
    }

    /** The database's default isolation, read-write, no timeout. */
    public static TransactionOptions defaults() {
        return DEFAULTS;
    }

    /** The isolation level. */
    public TransactionOptions isolation(Isolation level) {
        return new TransactionOptions(level, readOnly, timeout);
    }

    /** Whether the transaction may only read. */
    public TransactionOptions readOnly(boolean readOnly) {
        return new TransactionOptions(isolation, readOnly, timeout);
    }

    /** Bounds each statement of the transaction; a statement running longer fails with DatabaseException. */
    public TransactionOptions timeout(Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("Timeout must be positive, got " + timeout + ".");
        }
        return new TransactionOptions(isolation, readOnly, timeout);
    }

    /** The isolation level, or {@code null} for the database default. */
    public Isolation isolation() {
        return isolation;
    }

    /** Whether the transaction is read-only. */
    public boolean readOnly() {
        return readOnly;
    }

    /** The statement timeout, or {@code null}. */
    public Duration timeout() {
        return timeout;
    }
}
