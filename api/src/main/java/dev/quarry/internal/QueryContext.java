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
 * @param database the alias the QuerySets are pinned to ({@code using()}, a transaction), or {@code null} when
 *                 the router chooses at each operation
 */
public record QueryContext(QuarryImpl quarry, Session session, Compiler compiler, Models models, Errors errors,
                           String database) {

    /** A context of the default database, routed. */
    public QueryContext(QuarryImpl quarry, Session session, Compiler compiler, Models models, Errors errors) {
        this(quarry, session, compiler, models, errors, null);
    }

    /** The same context running in another session (a transaction): pinned to the database it runs on. */
    public QueryContext in(Session other) {
        return new QueryContext(quarry, other, compiler, models, errors,
                database != null ? database : dev.quarry.Quarry.DEFAULT_DATABASE);
    }

    /** The same session, pinned to {@code alias}. */
    QueryContext pinnedTo(String alias) {
        return new QueryContext(quarry, session, compiler, models, errors, alias);
    }

    /**
     * Django's {@code using(alias)}: pinned to that database; unchanged when already pinned to it (inside a
     * transaction, a QuerySet of the transaction's own database stays in the transaction).
     */
    public QueryContext using(String alias) {
        Databases.Db db = quarry.registry().get(alias);
        return alias.equals(database) ? this : db.context();
    }

    /** The context an operation on {@code model} runs in: this one when pinned, else the router's choice. */
    public QueryContext routed(Class<?> model, boolean write) {
        return database != null ? this : quarry.registry().route(model, write).context();
    }
}
