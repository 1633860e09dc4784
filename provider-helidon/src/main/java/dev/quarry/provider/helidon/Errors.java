package dev.quarry.provider.helidon;

import dev.quarry.spi.DriverException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Turns Helidon's failures into {@link DriverException}s. Helidon wraps the driver's {@link SQLException} in a
 * {@code DbClientException} ({@code DbStatementException} for a statement) whose message is its own ("Failed to
 * execute statement"); the database's message, SQLState and constraint are the driver exception's.
 */
final class Errors {

    /** SQLState {@code connection_does_not_exist}. */
    static final String CONNECTION_DOES_NOT_EXIST = "08003";
    /** SQLState {@code active_sql_transaction}. */
    static final String ACTIVE_SQL_TRANSACTION = "25001";
    /** SQLState {@code no_active_sql_transaction}. */
    static final String NO_ACTIVE_SQL_TRANSACTION = "25P01";
    /** SQLState {@code no_data}: pgjdbc's "No results were returned by the query." */
    static final String NO_DATA = "02000";

    private Errors() {
    }

    /** Converts a Helidon failure, keeping the SQLState and constraint of the driver exception it wraps. */
    static DriverException translate(RuntimeException e) {
        return translate("", e);
    }

    /** {@link #translate(RuntimeException)}, with {@code prefix} before the message. */
    static DriverException translate(String prefix, RuntimeException e) {
        if (e instanceof DriverException d && prefix.isEmpty()) {
            return d;
        }
        SQLException sql = sqlException(e);
        if (sql == null) {
            Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
            return new DriverException(prefix + cause.getMessage(), null, null, e);
        }
        SQLException primary = sql;
        if (sql instanceof BatchUpdateException && sql.getNextException() != null) {
            primary = sql.getNextException();
        }
        String sqlState = primary.getSQLState() != null ? primary.getSQLState() : sql.getSQLState();
        return new DriverException(prefix + primary.getMessage(), sqlState, constraint(primary), e);
    }

    /** The first {@link SQLException} in the cause chain, or {@code null}. */
    static SQLException sqlException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The name of the violated constraint (PostgreSQL reports it in the error's fields), or {@code null}. */
    static String constraint(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                return message == null ? null : message.getConstraint();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** A URL fit for an error message: the value of any {@code password} parameter is hidden. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
