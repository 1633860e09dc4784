package dev.quarry.internal.exec;

import dev.quarry.DatabaseException;
import dev.quarry.IntegrityException;
import dev.quarry.spi.Dialect;
import dev.quarry.spi.DriverException;

/** Translates providers' {@link DriverException}s into Quarry's public exceptions. */
public final class Errors {

    private final Dialect dialect;

    /** @param dialect decides which SQLStates are integrity violations */
    public Errors(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The public exception for a failure; Quarry's own and argument exceptions pass through. */
    public Throwable translate(Throwable t) {
        t = Futures.unwrap(t);
        if (t instanceof DriverException d) {
            if (dialect.isIntegrityViolation(d.sqlState())) {
                return new IntegrityException(d.getMessage(), d.sqlState(), d.constraint(), d);
            }
            return new DatabaseException(d.getMessage(), d.sqlState(), d);
        }
        return t;
    }

    /** Whether a translated failure is a unique-constraint violation. */
    public boolean isUniqueViolation(Throwable t) {
        return t instanceof IntegrityException ie && dialect.isUniqueViolation(ie.sqlState());
    }
}
