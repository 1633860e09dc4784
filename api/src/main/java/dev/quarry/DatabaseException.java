package dev.quarry;

/** A failure reported by the database, with its SQLState. */
public class DatabaseException extends QuarryException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * @param message  the database's message
     * @param sqlState the five-character SQLState, or {@code null} when unknown
     * @param cause    the driver's exception
     */
    public DatabaseException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The SQLState (e.g. {@code "23505"}), or {@code null} when unknown. */
    public String sqlState() {
        return sqlState;
    }
}
