package dev.quarry.spi;

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
     * The SQL that extracts {@code part} from a date/time expression: year month day week_day (1 = Sunday
     * ... 7 = Saturday, as Django) week quarter hour minute second iso_year iso_week_day, or {@code date}
     * (the date of a timestamp). {@code null} when unknown.
     */
    String extract(String part, String expression);

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

    /** The column type of a Java type, given JPA's length, precision and scale (0 = not given). */
    String columnType(Class<?> javaType, int length, int precision, int scale);

    /** The column definition of a database-generated key of this Java type. */
    String identityColumnType(Class<?> javaType);

    /** Prefix that makes a SELECT explain itself, in {@code format} ({@code null} = the default text). */
    String explain(String format);

    /** {@code FOR UPDATE} clause (leading space included). */
    String forUpdate(boolean nowait, boolean skipLocked, boolean noKey);

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
