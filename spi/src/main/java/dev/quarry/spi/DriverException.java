package dev.quarry.spi;

/**
 * A failure reported by the database or the driver, in terms Quarry can translate: the SQLState and, for
 * constraint violations, the constraint's name. Providers convert their driver's exceptions into this one.
 */
public class DriverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** SQLState of a statement cancelled by the user. */
    public static final String QUERY_CANCELED = "57014";

    private final String sqlState;
    private final String constraint;

    /**
     * @param message    the database's message
     * @param sqlState   the five-character SQLState, or {@code null} when the failure is not the database's
     * @param constraint the violated constraint's name, or {@code null}
     * @param cause      the driver's exception
     */
    public DriverException(String message, String sqlState, String constraint, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.constraint = constraint;
    }

    /**
     * The exception for a statement cancelled before it reached the server, as PostgreSQL words its own
     * (SQLState {@value #QUERY_CANCELED}).
     */
    public static DriverException cancelled() {
        return new DriverException("canceling statement due to user request", QUERY_CANCELED, null, null);
    }

    /** The SQLState, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }

    /** The violated constraint's name, or {@code null}. */
    public String constraint() {
        return constraint;
    }
}
