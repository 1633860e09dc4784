package dev.quarry.provider.helidon;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbStatementDml;
import io.helidon.dbclient.DbStatementQuery;

import java.util.List;
import java.util.Locale;

/**
 * Creates Helidon statements for Quarry's SQL, each with a bounded, readable statement name: {@code quarry-}
 * and the SQL's first keyword ({@code quarry-select}, {@code quarry-insert}, {@code quarry-fetch}...). Helidon's
 * metrics keep one meter per statement name and its tracing names spans after it, so naming statements by their
 * text (Helidon's default: a hash of it) would make a meter per distinct SQL.
 */
final class Statements {

    /** Longest keyword kept in a name; longer first words (and none) give {@code quarry-other}. */
    private static final int MAX_KEYWORD = 16;

    private Statements() {
    }

    /** A statement returning rows. */
    static DbStatementQuery query(DbExecute execute, String sql, List<Object> params) {
        return Parameters.bind(execute.createNamedQuery(name(sql), sql), params);
    }

    /** A statement returning a count, typed INSERT, UPDATE, DELETE or DML after its first keyword. */
    static DbStatementDml dml(DbExecute execute, String sql, List<Object> params) {
        String name = name(sql);
        DbStatementDml statement = switch (name) {
            case "quarry-insert" -> execute.createNamedInsert(name, sql);
            case "quarry-update" -> execute.createNamedUpdate(name, sql);
            case "quarry-delete" -> execute.createNamedDelete(name, sql);
            default -> execute.createNamedDmlStatement(name, sql);
        };
        return Parameters.bind(statement, params);
    }

    /** Whether the SQL's first keyword is {@code INSERT}. */
    static boolean isInsert(String sql) {
        return name(sql).equals("quarry-insert");
    }

    /** {@code quarry-} and the first keyword, lower case, past blanks, comments and opening parentheses. */
    static String name(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && i - start <= MAX_KEYWORD && isAsciiLetter(sql.charAt(i))) {
            i++;
        }
        int length = i - start;
        if (length == 0 || length > MAX_KEYWORD) {
            return "quarry-other";
        }
        return "quarry-" + sql.substring(start, i).toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
