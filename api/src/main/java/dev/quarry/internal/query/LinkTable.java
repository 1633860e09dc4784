package dev.quarry.internal.query;

import dev.quarry.spi.Statement;

import java.util.List;

/**
 * The link table of a many-to-many relation as a query model, and the statements on its rows that the related
 * manager and the deletion collector send: written here, with the dialect's help, like every other statement.
 *
 * @param table        the link table
 * @param ownerColumn  the column holding the owner's key
 * @param targetColumn the column holding the target's key
 */
public record LinkTable(String table, String ownerColumn, String targetColumn) {

    /** {@code INSERT INTO link (owner, target) VALUES (?, ?), ...}, skipping existing links when asked. */
    public Statement insert(Compiler compiler, Object owner, List<?> targets, boolean ignoreConflicts) {
        SqlWriter w = new SqlWriter(compiler.dialect(), compiler);
        w.append("INSERT INTO ").quote(table).append(" (").quote(ownerColumn).append(", ").quote(targetColumn).append(") VALUES ");
        for (int i = 0; i < targets.size(); i++) {
            w.append(i > 0 ? ", (" : "(").param(owner).append(", ").param(targets.get(i)).append(")");
        }
        if (ignoreConflicts) {
            w.append(compiler.dialect().onConflictIgnore());
        }
        return new Statement(w.sql.toString(), w.params);
    }

    /**
     * {@code DELETE FROM link WHERE owner IN (...) [AND target IN (...)]}; {@code targets == null} deletes every
     * link of the owners.
     */
    public Statement delete(Compiler compiler, List<?> owners, List<?> targets) {
        SqlWriter w = new SqlWriter(compiler.dialect(), compiler);
        w.append("DELETE FROM ").quote(table).append(" WHERE ");
        in(w, ownerColumn, owners);
        if (targets != null) {
            w.append(" AND ");
            in(w, targetColumn, targets);
        }
        return new Statement(w.sql.toString(), w.params);
    }

    private static void in(SqlWriter w, String column, List<?> values) {
        w.quote(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            w.append(i > 0 ? ", " : "").param(values.get(i));
        }
        w.append(")");
    }
}
