package dev.quarry.provider.jdbc;

import dev.quarry.spi.DriverException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/** Turns JDBC failures into {@link DriverException}s carrying the SQLState and the violated constraint. */
final class Errors {

    /** SQLState {@code connection_does_not_exist}. */
    static final String CONNECTION_DOES_NOT_EXIST = "08003";
    /** SQLState {@code active_sql_transaction}. */
    static final String ACTIVE_SQL_TRANSACTION = "25001";
    /** SQLState {@code no_active_sql_transaction}. */
    static final String NO_ACTIVE_SQL_TRANSACTION = "25P01";

    private Errors() {
    }

    /** Converts a driver failure; for a batch, the failing entry's own error gives the state and constraint. */
    static DriverException translate(SQLException e) {
        SQLException primary = e;
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
            primary = e.getNextException();
        }
        String sqlState = primary.getSQLState() != null ? primary.getSQLState() : e.getSQLState();
        return new DriverException(primary.getMessage(), sqlState, constraint(primary), e);
    }

    /** Converts HikariCP's failure to open the pool, keeping the SQLState of the driver's failure if any. */
    static DriverException translate(String prefix, RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String sqlState = null;
        String constraint = null;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                sqlState = sql.getSQLState();
                constraint = constraint(sql);
                break;
            }
        }
        return new DriverException(prefix + cause.getMessage(), sqlState, constraint, e);
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
