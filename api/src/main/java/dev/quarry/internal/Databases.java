package dev.quarry.internal;

import dev.quarry.Quarry;
import dev.quarry.Router;
import dev.quarry.internal.exec.StatementLog;
import dev.quarry.spi.Database;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The databases of one {@code Quarry} by alias (Django's {@code DATABASES}) and the {@link Router} choosing
 * among them for QuerySets that name none.
 */
final class Databases {

    /**
     * One configured database.
     *
     * @param alias    its name
     * @param database the provider's pool
     * @param log      where its statements are reported
     * @param context  the context of QuerySets pinned to it
     */
    record Db(String alias, Database database, StatementLog log, QueryContext context) {
    }

    private final Router router;
    private final Map<String, Db> byAlias = new LinkedHashMap<>();
    private final Db primary;

    /**
     * @param opened  the pools by alias, {@code "default"} first
     * @param logs    the statement log of an alias
     * @param context the context of a pool's QuerySets, given its alias and log
     */
    Databases(Router router, Map<String, Database> opened, Function<String, StatementLog> logs,
              BiFunction<Database, StatementLog, QueryContext> context) {
        this.router = router;
        opened.forEach((alias, database) -> {
            StatementLog log = logs.apply(alias);
            byAlias.put(alias, new Db(alias, database, log, context.apply(database, log).pinnedTo(alias)));
        });
        this.primary = byAlias.get(Quarry.DEFAULT_DATABASE);
    }

    /** The database {@code alias}; an {@link IllegalArgumentException} listing the known ones if there is none. */
    Db get(String alias) {
        if (alias == null) {
            throw new IllegalArgumentException("A database alias is required; known aliases: " + aliases() + ".");
        }
        Db db = byAlias.get(alias);
        if (db == null) {
            throw new IllegalArgumentException("The database alias '" + alias + "' is not configured; known aliases: "
                    + String.join(", ", aliases()) + ". Add it with Quarry.builder().database(alias, url).");
        }
        return db;
    }

    /** The default database. */
    Db primary() {
        return primary;
    }

    /** The database the router picks for reading or writing {@code model}, the default one without a router. */
    Db route(Class<?> model, boolean write) {
        if (router == null) {
            return primary;
        }
        Optional<String> alias = write ? router.dbForWrite(model) : router.dbForRead(model);
        if (alias == null) {
            throw new NullPointerException("The router " + router.getClass().getName() + " answered null for "
                    + model.getName() + "; answer Optional.empty() for 'default'.");
        }
        return alias.isEmpty() ? primary : get(alias.get());
    }

    /** Every alias, {@code "default"} first. */
    List<String> aliases() {
        return List.copyOf(byAlias.keySet());
    }

    /** Closes every pool; the first failure is thrown after all were tried. */
    void close() {
        RuntimeException first = null;
        for (Db db : byAlias.values()) {
            try {
                db.database().close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
