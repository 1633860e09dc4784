package dev.quarry;

/** Django's {@code FieldError}: an unknown field or lookup; the message lists the valid choices. */
public class FieldException extends QuarryException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public FieldException(String message) {
        super(message);
    }

    /** @param message what went wrong @param cause the underlying failure */
    public FieldException(String message, Throwable cause) {
        super(message, cause);
    }
}
