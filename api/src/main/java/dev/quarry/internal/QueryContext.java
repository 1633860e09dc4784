package dev.quarry.internal;

import dev.quarry.internal.exec.Errors;
import dev.quarry.internal.exec.Session;
import dev.quarry.internal.meta.Models;
import dev.quarry.internal.query.Compiler;

/**
 * What every QuerySet of one {@code Quarry} (or one transaction) shares.
 *
 * @param quarry   the owner
 * @param session  where statements run
 * @param compiler writes SQL
 * @param models   the model registry
 * @param errors   translates driver failures
 */
public record QueryContext(QuarryImpl quarry, Session session, Compiler compiler, Models models, Errors errors) {

    /** The same context running in another session (a transaction). */
    public QueryContext in(Session other) {
        return new QueryContext(quarry, other, compiler, models, errors);
    }
}
