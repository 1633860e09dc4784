package dev.quarry;

/** Django's {@code IntegrityError}: a unique, foreign-key, not-null or check constraint was violated. */
public class IntegrityException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    private final String constraint;

    /**
     * @param message    the database's message
     * @param sqlState   the SQLState (class 23)
     * @param constraint the violated constraint's name, or {@code null} when the database did not say
     * @param cause      the driver's exception
     */
    public IntegrityException(String message, String sqlState, String constraint, Throwable cause) {
        super(message, sqlState, cause);
        this.constraint = constraint;
    }

    /** The violated constraint's name, or {@code null} when the database did not say. */
    public String constraint() {
        return constraint;
    }
}
