package dev.quarry.examples.blog;

import io.helidon.http.Status;

/** A request the API refuses, with the HTTP status and the message of its {@code {"error": ...}} body. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Status status;

    /** A refusal with {@code status} and {@code message}. */
    public ApiException(Status status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** A 400 Bad Request. */
    public static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST_400, message);
    }

    /** A 404 Not Found, worded like Quarry's {@code DoesNotExistException}. */
    public static ApiException notFound(String model) {
        return new ApiException(Status.NOT_FOUND_404, model + " matching query does not exist.");
    }

    /** @return the HTTP status to answer with */
    public Status status() {
        return status;
    }
}
