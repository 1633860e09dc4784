package dev.quarry;

/** Django's {@code Model.DoesNotExist}: {@code get()} matched no row ("Article matching query does not exist."). */
public class DoesNotExistException extends QuarryException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public DoesNotExistException(String message) {
        super(message);
    }

    /** @param message what went wrong @param cause the underlying failure */
    public DoesNotExistException(String message, Throwable cause) {
        super(message, cause);
    }
}
