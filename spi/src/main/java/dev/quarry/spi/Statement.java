package dev.quarry.spi;

import java.util.List;
import java.util.Objects;

/**
 * One SQL statement with its bound parameters. The SQL uses {@code ?} placeholders; parameters are Java
 * values of the types listed on {@link Row}, or {@code null} (bound as an untyped NULL). Beyond the scalars a
 * parameter may be a {@link JsonText} (bound as {@code jsonb}), a {@link java.time.Duration} (bound as an
 * {@code interval}, see {@link Intervals}) or a one-dimensional array of a scalar type ({@code String[]},
 * {@code Integer[]}, {@code java.util.UUID[]}...; never a primitive array), bound as a SQL array of the
 * matching element type, even when empty.
 *
 * @param sql    the SQL text, never containing user values
 * @param params the values bound to the placeholders, in order
 */
public record Statement(String sql, List<Object> params) {

    /**
     * Freezes the parameter list (which may contain nulls): an unmodifiable copy, made once (a statement made
     * from another statement's {@link #params()} shares them).
     */
    public Statement {
        Objects.requireNonNull(sql, "sql");
        params = FrozenParams.of(params);
    }

    /** A statement without parameters. */
    public static Statement of(String sql) {
        return new Statement(sql, List.of());
    }

    @Override
    public String toString() {
        return sql + " " + params;
    }
}
