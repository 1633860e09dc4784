package dev.quarry.internal.exec;

import dev.quarry.TransactionException;

import java.util.Locale;
import java.util.Set;

/**
 * Keeps raw SQL from ending, starting or rearranging a transaction behind Quarry's back: a {@code COMMIT} inside
 * {@code atomic()} would commit work the block may still roll back; a {@code BEGIN} outside one would leave a
 * pooled connection inside a transaction that no one ends; a {@code RELEASE} or {@code ROLLBACK TO} of a savepoint
 * would undo or unguard a nested block.
 *
 * <p>The SQL is read the way PostgreSQL's lexer reads it, not matched on its first characters: every statement
 * of a multi-statement string is checked ({@code SELECT 1; COMMIT}), and whitespace, {@code --} and nested
 * {@code /* *}{@code /} comments, letter case, string literals ({@code '...'}, {@code E'...'}), quoted identifiers
 * and dollar-quoted bodies ({@code $$...$$}, {@code $tag$...$tag$}) neither hide a command nor count as one.
 */
public final class TransactionControl {

    /** Statements that end, start or rearrange a transaction or its savepoints, by their first word. */
    private static final Set<String> REFUSED = Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT",
            "SAVEPOINT", "RELEASE");

    private TransactionControl() {
    }

    /** Throws TransactionException if any statement of {@code sql} is transaction control; else does nothing. */
    public static void refuse(String sql) {
        if (sql == null) {
            return;   // the caller's null check names the argument
        }
        String found = find(sql);
        if (found != null) {
            throw new TransactionException("Raw SQL cannot end, start or change a transaction or its savepoints (found "
                    + found + "): Quarry would report work as committed or rolled back that was not. Use "
                    + "db.atomic(...) for a transaction (return normally to commit, throw to roll back), "
                    + "tx.atomic(...) for a nested block, or tx.savepoint(), tx.rollbackTo(sp) and tx.release(sp).");
        }
    }

    /** The first transaction-control command in {@code sql} (upper case), or {@code null}. */
    static String find(String sql) {
        int n = sql.length();
        int i = 0;
        String firstWord = null;      // of the current statement
        boolean afterPrepare = false; // PREPARE TRANSACTION
        while (i < n) {
            char c = sql.charAt(i);
            if (c == ';') {
                firstWord = null;
                afterPrepare = false;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = skipBlockComment(sql, i);
            } else if (c == '\'') {
                i = skipQuoted(sql, i, '\'', false);
            } else if (c == '"') {
                i = skipQuoted(sql, i, '"', false);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                i = close < 0 ? n : close + tag.length();
            } else if (isWordStart(c)) {
                int start = i;
                while (i < n && isWordPart(sql.charAt(i))) {
                    i++;
                }
                String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
                if ((word.equals("E") || word.equals("X") || word.equals("B") || word.equals("N")) && i < n
                        && sql.charAt(i) == '\'') {
                    i = skipQuoted(sql, i, '\'', word.equals("E"));
                    word = null;
                }
                if (word == null) {
                    if (firstWord == null) {
                        firstWord = "";
                    }
                } else if (firstWord == null) {
                    firstWord = word;
                    if (REFUSED.contains(word)) {
                        return word;
                    }
                    afterPrepare = word.equals("PREPARE");
                } else if (afterPrepare) {
                    if (word.equals("TRANSACTION")) {
                        return "PREPARE TRANSACTION";
                    }
                    afterPrepare = false;
                }
            } else {
                if (firstWord == null) {
                    firstWord = "";
                }
                afterPrepare = false;
                i++;
            }
        }
        return null;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** Past a {@code /* ... *}{@code /} comment, which nests in PostgreSQL. */
    private static int skipBlockComment(String sql, int i) {
        int depth = 0;
        int n = sql.length();
        while (i < n) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** Past a quoted literal or identifier starting at {@code i}; a doubled quote is one; {@code E''} has escapes. */
    private static int skipQuoted(String sql, int i, char quote, boolean backslashEscapes) {
        int n = sql.length();
        i++;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** The dollar-quote opening at {@code i} ({@code $$} or {@code $tag$}), or {@code null} ({@code $1} is a parameter). */
    private static String dollarTag(String sql, int i) {
        if (i > 0 && isWordPart(sql.charAt(i - 1))) {
            return null;
        }
        int j = i + 1;
        int n = sql.length();
        if (j < n && Character.isDigit(sql.charAt(j))) {
            return null;
        }
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return j < n && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
    }
}
