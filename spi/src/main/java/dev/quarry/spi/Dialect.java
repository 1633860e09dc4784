package dev.quarry.spi;

import java.time.ZoneId;
import java.util.List;

/**
 * A SQL grammar: quoting, operators, {@code RETURNING}, upserts, limits, DDL types, error codes. A dialect
 * knows no connections. Discovered with {@link java.util.ServiceLoader} and chosen by URL
 * ({@link #accepts(String)}); override the small hooks to adapt a grammar.
 *
 * <p>Quarry's compiler writes every value as a {@code ?} placeholder; a dialect returns only SQL text with
 * {@code %s} slots for the SQL of sub-expressions, never user values.
 */
public interface Dialect {

    /** The dialect's name, e.g. {@code "postgresql"}. */
    String name();

    /** Whether this dialect speaks to the database at {@code url}. */
    boolean accepts(String url);

    /** What this grammar can express. */
    DialectFeatures features();

    /** Quotes an identifier (already validated against the model by Quarry). */
    String quote(String identifier);

    /**
     * The template of a comparison lookup, with {@code %s} for the left side then the right side, e.g.
     * {@code "%s > %s"}; {@code null} when this grammar has no such lookup. Names are Django's:
     * exact iexact contains icontains gt gte lt lte startswith istartswith endswith iendswith regex iregex.
     */
    String lookupTemplate(String lookup);

    /**
     * The template of an operator on a JSON or array value, with one {@code %s} per operand in order; {@code null}
     * when this grammar has none. Names: {@code json_path} (the JSON value at a path given as a text array),
     * {@code json_path_text} (the same as text), {@code array_index} (an element, 1-based index),
     * {@code array_slice} (a sub-array, 1-based bounds inclusive), {@code array_length} (the element count), {@code date_difference} (two dates' difference as an interval), {@code at_time_zone} (an instant as the local
     * date-time of a zone named by the second operand).
     * Lookups on these values ({@code json_contains}, {@code json_contained_by}, {@code has_key}, {@code has_keys},
     * {@code has_any_keys}, {@code array_contains}, {@code array_contained_by}, {@code overlap}) come from
     * {@link #lookupTemplate(String)}.
     */
    default String typeOperator(String name) {
        return null;
    }

    /**
     * The placeholder of an array parameter of {@code arrayType} ({@code String[].class}...), {@code "?"} by default;
     * a grammar whose drivers send some arrays with another element type than the column's (pgjdbc sends
     * {@code String[]} as {@code varchar[]}, which {@code text[]} operators refuse) casts it here.
     */
    default String arrayPlaceholder(Class<?> arrayType) {
        return "?";
    }

    /**
     * The index method that serves containment lookups on JSON and array columns ({@code "GIN"}), used by
     * {@code @GinIndex}; {@code null} when this grammar has none.
     */
    default String containmentIndexMethod() {
        return null;
    }

    /**
     * The SQL that extracts {@code part} from a date/time expression: year month day week_day (1 = Sunday
     * ... 7 = Saturday, as Django) week quarter hour minute second iso_year iso_week_day, or {@code date}
     * (the date of a timestamp). {@code null} when unknown.
     */
    String extract(String part, String expression);

    /**
     * The name of {@code zone} as a bound value of {@code AT TIME ZONE} (the session-zone transforms of
     * {@code timestamptz} columns); by default its id.
     */
    default String timeZoneName(ZoneId zone) {
        return zone.getId();
    }

    /**
     * A call of the function {@code name} (upper case, Django's {@code Func.function}) over the SQL of its arguments,
     * in order; each argument must appear once, in order, since its parameters are bound in that order. The names of
     * {@code dev.quarry.Functions} are COALESCE NULLIF GREATEST LEAST LOWER UPPER LENGTH CONCAT SUBSTRING TRIM LTRIM
     * RTRIM REPLACE STRINDEX LEFT RIGHT REPEAT REVERSE LPAD RPAD ABS ROUND CEIL FLOOR MOD POWER SQRT EXP LN SIGN NOW and
     * the window functions ROW_NUMBER RANK DENSE_RANK PERCENT_RANK CUME_DIST NTILE LAG LEAD FIRST_VALUE LAST_VALUE
     * NTH_VALUE; a third party's function arrives with its own name. The default writes {@code NAME(a, b)}.
     */
    default String function(String name, List<String> arguments) {
        return name + '(' + String.join(", ", arguments) + ')';
    }

    /** {@code CAST(expression AS <the column type of javaType>)}. */
    default String cast(String expression, Class<?> javaType) {
        return "CAST(" + expression + " AS " + columnType(javaType, 0, 0, 0) + ')';
    }

    /**
     * {@code expression} truncated to {@code kind} (year quarter month week day hour minute second), as a value of
     * {@code target}; {@code source} is the Java type of the expression. Date/time parts of time-zone-aware values are
     * taken in the session time zone. The kind is one of those names, never user text.
     */
    default String trunc(String kind, String expression, Class<?> source, Class<?> target) {
        String truncated = "DATE_TRUNC('" + kind + "', " + expression + ')';
        return source == target ? truncated : cast(truncated, target);
    }

    /**
     * A window frame clause: {@code unit} is ROWS or RANGE; a bound is {@code null} for UNBOUNDED, 0 for CURRENT ROW,
     * negative for that many PRECEDING, positive for FOLLOWING.
     */
    default String windowFrame(String unit, Integer start, Integer end) {
        return unit + " BETWEEN " + frameBound(start, true) + " AND " + frameBound(end, false);
    }

    private static String frameBound(Integer bound, boolean start) {
        if (bound == null) {
            return start ? "UNBOUNDED PRECEDING" : "UNBOUNDED FOLLOWING";
        }
        if (bound == 0) {
            return "CURRENT ROW";
        }
        return bound < 0 ? -bound + " PRECEDING" : bound + " FOLLOWING";
    }

    /** SQL for a random number, used by {@code orderBy("?")}. */
    String random();

    /** The LIMIT/OFFSET clause (leading space included); {@code limit < 0} means none. */
    String limitOffset(long limit, long offset);

    /** The {@code RETURNING} clause for the given quoted columns (leading space included). */
    String returning(List<String> quotedColumns);

    /** Conflict clause that skips conflicting rows in an INSERT (leading space included). */
    String onConflictIgnore();

    /** Conflict clause that updates {@code updateColumns} when {@code uniqueColumns} conflict. */
    String onConflictUpdate(List<String> quotedUniqueColumns, List<String> quotedUpdateColumns);

    /** An aggregate call, e.g. {@code COUNT(DISTINCT x) FILTER (WHERE ...)}; {@code filter} may be null. */
    String aggregate(String function, String argument, boolean distinct, String filter);

    /**
     * The column type of a Java type, given JPA's length, precision and scale (0 = not given). Beyond the scalars:
     * {@link JsonText} (a JSON column), {@link java.time.Duration} (an interval) and arrays of scalar types.
     */
    String columnType(Class<?> javaType, int length, int precision, int scale);

    /** The column definition of a database-generated key of this Java type. */
    String identityColumnType(Class<?> javaType);

    /** Prefix that makes a SELECT explain itself, in {@code format} ({@code null} = the default text). */
    String explain(String format);

    /** {@code FOR UPDATE} clause (leading space included). */
    String forUpdate(boolean nowait, boolean skipLocked, boolean noKey);

    /**
     * {@code FOR [NO KEY] UPDATE OF t1, t2 [NOWAIT | SKIP LOCKED]} (leading space included): Django's
     * {@code select_for_update(of=...)}; {@code quotedOf} holds quoted table aliases, empty for every table.
     * Grammars without {@code OF} keep this default, which refuses a non-empty list.
     */
    default String forUpdate(boolean nowait, boolean skipLocked, boolean noKey, List<String> quotedOf) {
        if (!quotedOf.isEmpty()) {
            throw new UnsupportedOperationException("FOR UPDATE OF is not supported on this database backend.");
        }
        return forUpdate(nowait, skipLocked, noKey);
    }

    /**
     * {@code DISTINCT ON (e1, e2) } (trailing space included): Django's {@code distinct(*fields)}, with the SQL
     * of each expression. Grammars without it keep this default, which refuses, with Django's message.
     */
    default String distinctOn(List<String> expressions) {
        throw new UnsupportedOperationException("DISTINCT ON fields is not supported by this database backend.");
    }

    /** Creates a savepoint. */
    String savepoint(String name);

    /** Rolls back to a savepoint. */
    String rollbackToSavepoint(String name);

    /** Releases a savepoint. */
    String releaseSavepoint(String name);

    /** Opens a server-side cursor over {@code select} (needs a transaction). */
    String declareCursor(String name, String select);

    /** Fetches the next {@code count} rows of a cursor. */
    String fetchCursor(String name, int count);

    /** Closes a cursor. */
    String closeCursor(String name);

    /** Bounds every later statement of the current transaction to {@code millis}. */
    String statementTimeout(long millis);

    /** {@code DROP TABLE} for a quoted table name. */
    String dropTable(String quotedTable);

    /**
     * A query listing the columns of the tables in the connection's current schema, for {@code Schema.diff}: one
     * row per column with three columns, the table name (text), the column name (text) and whether it is
     * nullable (boolean).
     */
    default String catalogColumns() {
        throw new UnsupportedOperationException("The " + name() + " dialect cannot read its catalog, so schema().diff() "
                + "is not available with it.");
    }

    /**
     * A query listing the indexes (including those of unique constraints) in the connection's current schema, for
     * {@code Schema.diff}: one row per index with two columns, the table name and the index name (text).
     */
    default String catalogIndexes() {
        throw new UnsupportedOperationException("The " + name() + " dialect cannot read its catalog, so schema().diff() "
                + "is not available with it.");
    }

    /** Whether an SQLState reports a constraint violation (unique, foreign key, not null, check). */
    boolean isIntegrityViolation(String sqlState);

    /** Whether an SQLState reports a unique violation. */
    boolean isUniqueViolation(String sqlState);

    /** Whether an SQLState reports a cancelled or timed-out statement. */
    boolean isCancellation(String sqlState);

    /**
     * Refuses, with an {@link IllegalArgumentException} naming the problem, a parameter value the database would
     * reject (PostgreSQL: a string with a NUL character), so that it fails before reaching the server (where,
     * inside a transaction, it would abort the transaction). Called for every parameter; by default accepts all.
     */
    default void checkParameter(Object value) {
    }
}
