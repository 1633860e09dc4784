package dev.quarry;

/** The root of Quarry's exceptions (all unchecked). */
public class QuarryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public QuarryException(String message) {
        super(message);
    }

    /** @param message what went wrong @param cause the underlying failure */
    public QuarryException(String message, Throwable cause) {
        super(message, cause);
    }
}
