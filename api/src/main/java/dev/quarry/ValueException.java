package dev.quarry;

/**
 * A value given for a field or lookup that Quarry cannot use: of the wrong kind ({@code "abc"} for an integer
 * field), out of range, or of the wrong shape ({@code range} with three bounds). It is an
 * {@link IllegalArgumentException}, Django's {@code ValueError}/{@code ValidationError}, and, unlike a misused
 * API, it is the caller's data that is wrong: a web application can answer it with a 400.
 */
public class ValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message which field or lookup, what was expected and what was given */
    public ValueException(String message) {
        super(message);
    }

    /** @param message which field or lookup, what was expected and what was given @param cause the parse failure */
    public ValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
