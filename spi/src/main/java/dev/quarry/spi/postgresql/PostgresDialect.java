package dev.quarry.spi.postgresql;

import dev.quarry.spi.Dialect;
import dev.quarry.spi.DialectFeatures;
import dev.quarry.spi.JsonText;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * PostgreSQL's grammar. Emits no {@code ::} casts (some transports parse {@code :name} parameters), only
 * {@code CAST(x AS t)}.
 */
public class PostgresDialect implements Dialect {

    private static final DialectFeatures FEATURES = new DialectFeatures(true, true, true, true, true);

    /** Django's PostgreSQL operators; text lookups cast the column so they work on any type. */
    private static final Map<String, String> LOOKUPS = Map.ofEntries(
            Map.entry("exact", "%s = %s"),
            Map.entry("iexact", "UPPER(CAST(%s AS TEXT)) = UPPER(%s)"),
            Map.entry("contains", "CAST(%s AS TEXT) LIKE %s"),
            Map.entry("icontains", "UPPER(CAST(%s AS TEXT)) LIKE UPPER(%s)"),
            Map.entry("gt", "%s > %s"),
            Map.entry("gte", "%s >= %s"),
            Map.entry("lt", "%s < %s"),
            Map.entry("lte", "%s <= %s"),
            Map.entry("startswith", "CAST(%s AS TEXT) LIKE %s"),
            Map.entry("istartswith", "UPPER(CAST(%s AS TEXT)) LIKE UPPER(%s)"),
            Map.entry("endswith", "CAST(%s AS TEXT) LIKE %s"),
            Map.entry("iendswith", "UPPER(CAST(%s AS TEXT)) LIKE UPPER(%s)"),
            Map.entry("regex", "CAST(%s AS TEXT) ~ %s"),
            Map.entry("iregex", "CAST(%s AS TEXT) ~* %s"),
            // JSON and arrays: functions instead of the ?-operators, which clash with the ? placeholders
            Map.entry("json_contains", "%s @> %s"),
            Map.entry("json_contained_by", "%s <@ %s"),
            Map.entry("has_key", "jsonb_exists(%s, %s)"),
            Map.entry("has_keys", "jsonb_exists_all(%s, %s)"),
            Map.entry("has_any_keys", "jsonb_exists_any(%s, %s)"),
            Map.entry("array_contains", "%s @> %s"),
            Map.entry("array_contained_by", "%s <@ %s"),
            Map.entry("overlap", "%s && %s"));

    private static final Map<String, String> TYPE_OPERATORS = Map.of(
            "json_path", "(%s #> %s)",
            "json_path_text", "(%s #>> %s)",
            "array_index", "%s[%s]",
            "array_slice", "%s[%s:%s]",
            "array_length", "CARDINALITY(%s)",
            "date_difference", "(INTERVAL '1 day' * (%s - %s))",
            "at_time_zone", "(%s AT TIME ZONE %s)");

    private static final Map<String, String> EXTRACTS = Map.ofEntries(
            Map.entry("year", "EXTRACT(YEAR FROM %s)"),
            Map.entry("iso_year", "EXTRACT(ISOYEAR FROM %s)"),
            Map.entry("quarter", "EXTRACT(QUARTER FROM %s)"),
            Map.entry("month", "EXTRACT(MONTH FROM %s)"),
            Map.entry("day", "EXTRACT(DAY FROM %s)"),
            Map.entry("week", "EXTRACT(WEEK FROM %s)"),
            Map.entry("week_day", "(EXTRACT(DOW FROM %s) + 1)"),
            Map.entry("iso_week_day", "EXTRACT(ISODOW FROM %s)"),
            Map.entry("hour", "EXTRACT(HOUR FROM %s)"),
            Map.entry("minute", "EXTRACT(MINUTE FROM %s)"),
            Map.entry("second", "FLOOR(EXTRACT(SECOND FROM %s))"),
            Map.entry("date", "CAST(%s AS DATE)"));

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean accepts(String url) {
        return url.startsWith("jdbc:postgresql:") || url.startsWith("postgresql:") || url.startsWith("postgres:");
    }

    @Override
    public DialectFeatures features() {
        return FEATURES;
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String lookupTemplate(String lookup) {
        return LOOKUPS.get(lookup);
    }

    @Override
    public String typeOperator(String name) {
        return TYPE_OPERATORS.get(name);
    }

    @Override
    public String arrayPlaceholder(Class<?> arrayType) {
        return arrayType == String[].class ? "CAST(? AS TEXT[])" : "?";
    }

    @Override
    public String containmentIndexMethod() {
        return "GIN";
    }

    @Override
    public String extract(String part, String expression) {
        String template = EXTRACTS.get(part);
        return template == null ? null : template.formatted(expression);
    }

    /** Functions PostgreSQL spells differently from their Django name, or needs casts for (Django's as_postgresql). */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(
            Map.entry("STRINDEX", "STRPOS(%s, %s)"),
            Map.entry("NOW", "STATEMENT_TIMESTAMP()"),
            Map.entry("MOD", "MOD(CAST(%s AS NUMERIC), CAST(%s AS NUMERIC))"),
            Map.entry("LENGTH", "LENGTH(CAST(%s AS TEXT))"));

    @Override
    public String function(String name, List<String> arguments) {
        if ("ROUND".equals(name) && arguments.size() == 2) {
            return "ROUND(CAST(" + arguments.get(0) + " AS NUMERIC), " + arguments.get(1) + ')';
        }
        if ("CONCAT".equals(name)) {
            return "CONCAT(" + String.join(", ", arguments.stream().map(a -> "CAST(" + a + " AS TEXT)").toList()) + ')';
        }
        String template = FUNCTIONS.get(name);
        if (template != null && template.split("%s", -1).length - 1 == arguments.size()) {
            return template.formatted(arguments.toArray());
        }
        return Dialect.super.function(name, arguments);
    }

    @Override
    public String trunc(String kind, String expression, Class<?> source, Class<?> target) {
        if (source == LocalTime.class) {
            return "CAST(DATE_TRUNC('" + kind + "', CAST(" + expression + " AS INTERVAL)) AS TIME)";
        }
        if (source == LocalDate.class) {
            return cast("DATE_TRUNC('" + kind + "', CAST(" + expression + " AS TIMESTAMP))", target);
        }
        return Dialect.super.trunc(kind, expression, source, target);
    }

    @Override
    public String random() {
        return "RANDOM()";
    }

    @Override
    public String limitOffset(long limit, long offset) {
        StringBuilder sql = new StringBuilder();
        if (limit >= 0) {
            sql.append(" LIMIT ").append(limit);
        }
        if (offset > 0) {
            sql.append(" OFFSET ").append(offset);
        }
        return sql.toString();
    }

    @Override
    public String returning(List<String> quotedColumns) {
        return " RETURNING " + String.join(", ", quotedColumns);
    }

    @Override
    public String onConflictIgnore() {
        return " ON CONFLICT DO NOTHING";
    }

    @Override
    public String onConflictUpdate(List<String> quotedUniqueColumns, List<String> quotedUpdateColumns) {
        StringBuilder sql = new StringBuilder(" ON CONFLICT");
        if (!quotedUniqueColumns.isEmpty()) {
            sql.append(" (").append(String.join(", ", quotedUniqueColumns)).append(')');
        }
        sql.append(" DO UPDATE SET ");
        for (int i = 0; i < quotedUpdateColumns.size(); i++) {
            String column = quotedUpdateColumns.get(i);
            sql.append(i == 0 ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
        }
        return sql.toString();
    }

    @Override
    public String aggregate(String function, String argument, boolean distinct, String filter) {
        String call = function + '(' + (distinct ? "DISTINCT " : "") + argument + ')';
        return filter == null ? call : call + " FILTER (WHERE " + filter + ')';
    }

    @Override
    public String columnType(Class<?> type, int length, int precision, int scale) {
        if (type == JsonText.class) {
            return "JSONB";
        }
        if (type == Duration.class) {
            return "INTERVAL";
        }
        if (type.isArray() && type != byte[].class) {
            // strings are text[] whatever their length: array operators refuse varchar[] against text[]
            return columnType(type.getComponentType(), 0, precision, scale) + "[]";
        }
        if (type == String.class || type.isEnum()) {
            return length > 0 ? "VARCHAR(" + length + ")" : "TEXT";
        }
        if (type == Long.class || type == long.class) {
            return "BIGINT";
        }
        if (type == Integer.class || type == int.class) {
            return "INTEGER";
        }
        if (type == Short.class || type == short.class || type == Byte.class || type == byte.class) {
            return "SMALLINT";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "BOOLEAN";
        }
        if (type == Double.class || type == double.class) {
            return "DOUBLE PRECISION";
        }
        if (type == Float.class || type == float.class) {
            return "REAL";
        }
        if (type == BigDecimal.class) {
            return precision > 0 ? "NUMERIC(" + precision + ", " + scale + ")" : "NUMERIC";
        }
        if (type == BigInteger.class) {
            return "NUMERIC(1000, 0)";
        }
        if (type == Character.class || type == char.class) {
            return "CHAR(1)";
        }
        if (type == byte[].class) {
            return "BYTEA";
        }
        if (type == UUID.class) {
            return "UUID";
        }
        if (type == LocalDate.class) {
            return "DATE";
        }
        if (type == LocalTime.class) {
            return "TIME";
        }
        if (type == LocalDateTime.class) {
            return "TIMESTAMP";
        }
        if (type == OffsetDateTime.class || type == Instant.class) {
            return "TIMESTAMP WITH TIME ZONE";
        }
        throw new UnsupportedOperationException("PostgreSQL has no column type for " + type.getName() + ".");
    }

    @Override
    public String identityColumnType(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "INTEGER GENERATED BY DEFAULT AS IDENTITY";
        }
        if (type == UUID.class) {
            return "UUID DEFAULT gen_random_uuid()";
        }
        return "BIGINT GENERATED BY DEFAULT AS IDENTITY";
    }

    @Override
    public String explain(String format) {
        return format == null ? "EXPLAIN " : "EXPLAIN (FORMAT " + format.toUpperCase(java.util.Locale.ROOT) + ") ";
    }

    @Override
    public String forUpdate(boolean nowait, boolean skipLocked, boolean noKey) {
        return forUpdate(nowait, skipLocked, noKey, List.of());
    }

    @Override
    public String forUpdate(boolean nowait, boolean skipLocked, boolean noKey, List<String> quotedOf) {
        return (noKey ? " FOR NO KEY UPDATE" : " FOR UPDATE") + (quotedOf.isEmpty() ? "" : " OF " + String.join(", ", quotedOf))
                + (nowait ? " NOWAIT" : "") + (skipLocked ? " SKIP LOCKED" : "");
    }

    @Override
    public String distinctOn(List<String> expressions) {
        return "DISTINCT ON (" + String.join(", ", expressions) + ") ";
    }

    @Override
    public String savepoint(String name) {
        return "SAVEPOINT " + quote(name);
    }

    @Override
    public String rollbackToSavepoint(String name) {
        return "ROLLBACK TO SAVEPOINT " + quote(name);
    }

    @Override
    public String releaseSavepoint(String name) {
        return "RELEASE SAVEPOINT " + quote(name);
    }

    @Override
    public String declareCursor(String name, String select) {
        return "DECLARE " + quote(name) + " NO SCROLL CURSOR FOR " + select;
    }

    @Override
    public String fetchCursor(String name, int count) {
        return "FETCH FORWARD " + count + " FROM " + quote(name);
    }

    @Override
    public String closeCursor(String name) {
        return "CLOSE " + quote(name);
    }

    /** PostgreSQL's own {@code TimeZone} spelling: a fixed offset in POSIX form, whose sign is ISO's inverted. */
    @Override
    public String timeZoneName(java.time.ZoneId zone) {
        return PostgresSession.timeZoneSetting(zone);
    }

    @Override
    public String statementTimeout(long millis) {
        return "SET LOCAL statement_timeout = " + millis;
    }

    @Override
    public String dropTable(String quotedTable) {
        return "DROP TABLE IF EXISTS " + quotedTable + " CASCADE";
    }

    @Override
    public String catalogColumns() {
        return "SELECT table_name::text, column_name::text, is_nullable = 'YES' FROM information_schema.columns "
                + "WHERE table_schema = current_schema()";
    }

    @Override
    public String catalogIndexes() {
        return "SELECT tablename::text, indexname::text FROM pg_indexes WHERE schemaname = current_schema()";
    }

    @Override
    public boolean isIntegrityViolation(String sqlState) {
        return sqlState != null && sqlState.startsWith("23");
    }

    @Override
    public boolean isUniqueViolation(String sqlState) {
        return "23505".equals(sqlState);
    }

    @Override
    public boolean isCancellation(String sqlState) {
        return "57014".equals(sqlState);
    }

    /** PostgreSQL's text types cannot hold NUL (Django's, and psycopg's, ValueError). */
    @Override
    public void checkParameter(Object value) {
        switch (value) {
            case String s when s.indexOf('\0') >= 0 -> throw new IllegalArgumentException(
                    "A string literal cannot contain NUL (0x00) characters.");
            case Object[] array -> {
                for (Object element : array) {
                    checkParameter(element);
                }
            }
            case java.util.Collection<?> collection -> collection.forEach(this::checkParameter);
            case null, default -> {
            }
        }
    }
}
