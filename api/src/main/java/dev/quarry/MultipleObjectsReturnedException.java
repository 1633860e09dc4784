package dev.quarry;

/** Django's {@code MultipleObjectsReturned}: {@code get()} matched more than one row. */
public class MultipleObjectsReturnedException extends QuarryException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public MultipleObjectsReturnedException(String message) {
        super(message);
    }

    /** @param message what went wrong @param cause the underlying failure */
    public MultipleObjectsReturnedException(String message, Throwable cause) {
        super(message, cause);
    }
}
