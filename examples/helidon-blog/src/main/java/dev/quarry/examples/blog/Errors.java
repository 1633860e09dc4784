package dev.quarry.examples.blog;

import dev.quarry.DatabaseException;
import dev.quarry.DoesNotExistException;
import dev.quarry.FieldException;
import dev.quarry.IntegrityException;
import dev.quarry.MultipleObjectsReturnedException;
import dev.quarry.ValueException;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonException;

/**
 * Turns exceptions into {@code {"error": "..."}} JSON answers: a bad request is a 4xx, never a 500 with a stack
 * trace. Quarry's exceptions carry messages fit for a client ({@link FieldException} lists the valid fields);
 * anything unexpected becomes a bare 500 and is logged here, not sent.
 */
final class Errors {

    private static final System.Logger LOG = System.getLogger(Errors.class.getName());

    private Errors() {
    }

    /** Registers the handlers on {@code routing}. */
    static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> send(res, e.status(), e.getMessage()))
                // get() on an empty QuerySet: "Article matching query does not exist."
                .error(DoesNotExistException.class, (req, res, e) -> send(res, Status.NOT_FOUND_404, e.getMessage()))
                // an unknown field or lookup in ?filters or ?order: "Cannot resolve keyword 'x' into field. Choices are: ..."
                .error(FieldException.class, (req, res, e) -> send(res, Status.BAD_REQUEST_400, e.getMessage()))
                // a value Quarry cannot use for a field: "Field 'status' expected a Status constant but got 'x'"; any
                // other IllegalArgumentException is this application's own mistake and falls through to a 500
                .error(ValueException.class, (req, res, e) -> send(res, Status.BAD_REQUEST_400, e.getMessage()))
                // a unique slug or name taken, or a foreign key to a row deleted meanwhile
                .error(IntegrityException.class, (req, res, e) -> send(res, Status.CONFLICT_409,
                        "Conflicts with existing data" + (e.constraint() == null ? "." : " (constraint " + e.constraint() + ").")))
                // PostgreSQL refusing a value or a lookup that a client passed through: an invalid ?title__regex=(
                // (SQLState class 22), or a lookup the column's type has no operator for (42883, 42804)
                .error(DatabaseException.class, (req, res, e) -> {
                    if (isClientError(e.sqlState())) {
                        send(res, Status.BAD_REQUEST_400, "Invalid filter: " + databaseMessage(e));
                    } else {
                        internal(res, e);
                    }
                })
                .error(MultipleObjectsReturnedException.class, (req, res, e) -> internal(res, e))
                .error(JsonException.class, (req, res, e) -> send(res, Status.BAD_REQUEST_400, "Malformed JSON: " + e.getMessage()))
                // Helidon's own refusals (unsupported media type, bad headers, ...) keep their status
                .error(HttpException.class, (req, res, e) -> send(res, e.status(), e.getMessage()))
                .error(Exception.class, (req, res, e) -> internal(res, e));
    }

    private static boolean isClientError(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.equals("42883") || sqlState.equals("42804"));
    }

    /** The server's first line, without pgjdbc's "ERROR: " prefix. */
    private static String databaseMessage(DatabaseException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.startsWith("ERROR: ") ? m.substring(7) : m;
    }

    private static void internal(ServerResponse res, Exception e) {
        LOG.log(System.Logger.Level.ERROR, "Unexpected failure", e);
        send(res, Status.INTERNAL_SERVER_ERROR_500, "Internal error.");
    }

    /** Sends {@code {"error": message}} with {@code status}. */
    static void send(ServerResponse res, Status status, String message) {
        if (!res.isSent()) {
            res.status(status).send(Views.error(message));
        }
    }
}
