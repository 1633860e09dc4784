package dev.quarry.provider.vertx;

import dev.quarry.spi.DriverException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.util.concurrent.CompletionException;

/** Turns the Vert.x client's failures into {@link DriverException}s carrying the SQLState and the constraint. */
final class Errors {

    /** SQLState {@code connection_does_not_exist}. */
    static final String CONNECTION_DOES_NOT_EXIST = "08003";
    /** SQLState {@code connection_failure}. */
    static final String CONNECTION_FAILURE = "08006";
    /** SQLState {@code sqlclient_unable_to_establish_sqlconnection}. */
    static final String UNABLE_TO_CONNECT = "08001";
    /** SQLState {@code active_sql_transaction}. */
    static final String ACTIVE_SQL_TRANSACTION = "25001";
    /** SQLState {@code no_active_sql_transaction}. */
    static final String NO_ACTIVE_SQL_TRANSACTION = "25P01";

    private Errors() {
    }

    /** The DriverException for any failure of the client; a DriverException or a programming error passes through. */
    static RuntimeException translate(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return switch (t) {
            case DriverException d -> d;
            case PgException pg -> new DriverException(message(pg), pg.getSqlState(), pg.getConstraint(), pg);
            case ClosedConnectionException closed -> new DriverException("The connection to the database was closed: "
                    + closed.getMessage(), CONNECTION_FAILURE, null, closed);
            case IllegalArgumentException programming -> programming;
            case IllegalStateException programming -> programming;
            case UnsupportedOperationException programming -> programming;
            default -> new DriverException(t.getMessage() == null ? t.toString() : t.getMessage(), null, null, t);
        };
    }

    /** The exception for a statement issued after its connection went back to the pool. */
    static DriverException closedConnection() {
        return new DriverException("The connection has been closed.", CONNECTION_DOES_NOT_EXIST, null, null);
    }

    /** The exception for a pool that has been closed. */
    static DriverException closedDatabase() {
        return new DriverException("The database has been closed.", CONNECTION_DOES_NOT_EXIST, null, null);
    }

    /** PostgreSQL's message with its detail, as pgjdbc words it ({@code ... Detail: Key (slug)=(x) already exists.}). */
    private static String message(PgException pg) {
        String text = pg.getErrorMessage() != null ? pg.getErrorMessage() : pg.getMessage();
        return pg.getDetail() == null ? text : text + "\n  Detail: " + pg.getDetail();
    }

    /** A URL fit for an error message: the value of any {@code password} parameter and URL password is hidden. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@");
    }
}
