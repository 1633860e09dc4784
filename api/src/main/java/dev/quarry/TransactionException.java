package dev.quarry;

/** A transaction was misused: used after its block ended, committed by hand inside {@code atomic}, and the like. */
public class TransactionException extends QuarryException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public TransactionException(String message) {
        super(message);
    }

    /** @param message what went wrong @param cause the underlying failure */
    public TransactionException(String message, Throwable cause) {
        super(message, cause);
    }
}
