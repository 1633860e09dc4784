package dev.quarry;

/**
 * {@code save()} of a model with a {@code @Version} field found that the row was changed since the instance
 * was read (its version differs). Reload it and apply the change again.
 */
public class OptimisticLockException extends QuarryException {

    private static final long serialVersionUID = 1L;

    /** @param message which row and version */
    public OptimisticLockException(String message) {
        super(message);
    }
}
