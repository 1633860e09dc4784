package dev.quarry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Django's database functions ({@code django.db.models.functions}). A {@code String} argument names a field (or an
 * annotation, or a field with transforms such as {@code "pubDate__year"}); an {@link Expression} is itself; any other
 * object is a bound value ({@link F#value(Object)} makes a string a value). Each returns an expression usable in
 * {@code annotate}, {@code alias}, filters, {@code update}, ordering (through an alias) and aggregates.
 * {@snippet :
 * authors.annotate("screenName", Functions.coalesce("alias", "goesBy", "name")).list();
 * authors.filter("name__startswith", "J").update(Map.of("name", Functions.upper("name")));
 * events.annotate("month", Functions.trunc("startsAt", "month")).valuesListFlat("month", OffsetDateTime.class).list();
 * }
 */
public final class Functions {

    /** The kinds {@link #trunc} accepts. */
    public static final List<String> TRUNC_KINDS = List.of("year", "quarter", "month", "week", "day", "hour", "minute",
            "second");

    /** The kinds {@link #extract} accepts. */
    public static final List<String> EXTRACT_KINDS = List.of("year", "iso_year", "quarter", "month", "week", "day",
            "week_day", "iso_week_day", "hour", "minute", "second");

    private Functions() {
    }

    // ---------------------------------------------------------------- comparison and conversion

    /** The first non-null argument: {@code COALESCE}; needs at least two. */
    public static Func coalesce(Object... expressions) {
        if (expressions.length < 2) {
            throw new IllegalArgumentException("Coalesce must take at least two expressions");
        }
        return Func.of("COALESCE", expressions);
    }

    /** NULL when {@code a} equals {@code b}, else {@code a}. */
    public static Func nullIf(Object a, Object b) {
        return Func.of("NULLIF", a, b);
    }

    /** The greatest argument (NULLs ignored on PostgreSQL); needs at least two. */
    public static Func greatest(Object... expressions) {
        if (expressions.length < 2) {
            throw new IllegalArgumentException("Greatest must take at least two expressions");
        }
        return Func.of("GREATEST", expressions);
    }

    /** The least argument; needs at least two. */
    public static Func least(Object... expressions) {
        if (expressions.length < 2) {
            throw new IllegalArgumentException("Least must take at least two expressions");
        }
        return Func.of("LEAST", expressions);
    }

    /** {@code CAST(x AS type)}: Django's {@code Cast(x, output_field)}, the type being the Java type read. */
    public static Cast cast(Object expression, Class<?> javaType) {
        return new Cast(expression, javaType);
    }

    // ---------------------------------------------------------------- text

    /** Lower case. */
    public static Func lower(Object expression) {
        return Func.of("LOWER", expression);
    }

    /** Upper case. */
    public static Func upper(Object expression) {
        return Func.of("UPPER", expression);
    }

    /** The number of characters (NULL for NULL). */
    public static Func length(Object expression) {
        return Func.of("LENGTH", expression).outputType(Integer.class);
    }

    /** The arguments' texts joined; a NULL counts as empty, as Django's {@code Concat}; needs at least two. */
    public static Func concat(Object... expressions) {
        if (expressions.length < 2) {
            throw new IllegalArgumentException("Concat must take at least two expressions");
        }
        return Func.of("CONCAT", expressions).outputType(String.class);
    }

    /** The substring from 1-based {@code position} to the end. */
    public static Func substr(Object expression, int position) {
        checkPosition(position);
        return Func.of("SUBSTRING", expression, position).outputType(String.class);
    }

    /** {@code length} characters from 1-based {@code position}. */
    public static Func substr(Object expression, int position, int length) {
        checkPosition(position);
        return Func.of("SUBSTRING", expression, position, length).outputType(String.class);
    }

    private static void checkPosition(int position) {
        if (position <= 0) {
            throw new IllegalArgumentException("'pos' must be greater than 0");
        }
    }

    /** Without leading and trailing spaces. */
    public static Func trim(Object expression) {
        return Func.of("TRIM", expression);
    }

    /** Without leading spaces. */
    public static Func ltrim(Object expression) {
        return Func.of("LTRIM", expression);
    }

    /** Without trailing spaces. */
    public static Func rtrim(Object expression) {
        return Func.of("RTRIM", expression);
    }

    /** Every {@code text} (a value) removed. */
    public static Func replace(Object expression, Object text) {
        return replace(expression, text, F.value(""));
    }

    /** Every {@code text} replaced by {@code replacement} (values unless expressions). */
    public static Func replace(Object expression, Object text, Object replacement) {
        return Func.of("REPLACE", expression, valueUnlessExpression(text), valueUnlessExpression(replacement));
    }

    /** The 1-based position of {@code substring} (a value unless an expression) in the text, 0 when absent. */
    public static Func strIndex(Object expression, Object substring) {
        return Func.of("STRINDEX", expression, valueUnlessExpression(substring)).outputType(Integer.class);
    }

    /** The first {@code length} characters. */
    public static Func left(Object expression, int length) {
        checkLength(length);
        return Func.of("LEFT", expression, length).outputType(String.class);
    }

    /** The last {@code length} characters. */
    public static Func right(Object expression, int length) {
        checkLength(length);
        return Func.of("RIGHT", expression, length).outputType(String.class);
    }

    private static void checkLength(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("'length' must be greater than 0.");
        }
    }

    /** The text repeated {@code times} times. */
    public static Func repeat(Object expression, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("'number' must be greater or equal to 0.");
        }
        return Func.of("REPEAT", expression, times).outputType(String.class);
    }

    /** The text reversed. */
    public static Func reverse(Object expression) {
        return Func.of("REVERSE", expression);
    }

    /** Padded on the left to {@code length} with {@code fill} (a value). */
    public static Func lpad(Object expression, int length, String fill) {
        return Func.of("LPAD", expression, length, F.value(fill)).outputType(String.class);
    }

    /** Padded on the right to {@code length} with {@code fill} (a value). */
    public static Func rpad(Object expression, int length, String fill) {
        return Func.of("RPAD", expression, length, F.value(fill)).outputType(String.class);
    }

    private static Object valueUnlessExpression(Object o) {
        return o instanceof Expression ? o : F.value(o);
    }

    // ---------------------------------------------------------------- math

    /** The absolute value. */
    public static Func abs(Object expression) {
        return Func.of("ABS", expression);
    }

    /** Rounded to the nearest integer. */
    public static Func round(Object expression) {
        return Func.of("ROUND", expression);
    }

    /** Rounded to {@code places} decimal places (negative: left of the point). */
    public static Func round(Object expression, int places) {
        return Func.of("ROUND", expression, places);
    }

    /** The smallest integer not less than the value. */
    public static Func ceil(Object expression) {
        return Func.of("CEIL", expression);
    }

    /** The largest integer not greater than the value. */
    public static Func floor(Object expression) {
        return Func.of("FLOOR", expression);
    }

    /** The remainder of {@code a / b}. */
    public static Func mod(Object a, Object b) {
        return Func.of("MOD", a, b);
    }

    /** {@code a} raised to {@code b}. */
    public static Func power(Object a, Object b) {
        return Func.of("POWER", a, b);
    }

    /** The square root (a double, as Django's FloatField, unless the input is a decimal). */
    public static Func sqrt(Object expression) {
        return Func.of("SQRT", expression);
    }

    /** {@code e} raised to the value. */
    public static Func exp(Object expression) {
        return Func.of("EXP", expression);
    }

    /** The natural logarithm. */
    public static Func ln(Object expression) {
        return Func.of("LN", expression);
    }

    /** The sign: -1, 0 or 1. */
    public static Func sign(Object expression) {
        return Func.of("SIGN", expression);
    }

    // ---------------------------------------------------------------- date and time

    /** The current date and time at the start of the statement (Django's {@code Now()}), a timestamptz. */
    public static Func now() {
        return Func.of("NOW").outputType(OffsetDateTime.class);
    }

    /**
     * The date/time truncated to {@code kind} ({@link #TRUNC_KINDS}), of the field's own type; on a
     * {@code timestamptz} column it is computed in the session time zone ({@code QuarryBuilder.timeZone}).
     */
    public static Trunc trunc(Object expression, String kind) {
        return new Trunc(expression, kind, null);
    }

    /** As {@link #trunc(Object, String)}, read as {@code outputType} (e.g. {@code LocalDate.class}). */
    public static Trunc trunc(Object expression, String kind, Class<?> outputType) {
        return new Trunc(expression, kind, Objects.requireNonNull(outputType, "outputType"));
    }

    /** The date part of a timestamp, in the session time zone (Django's {@code TruncDate}). */
    public static Cast truncDate(Object expression) {
        return new Cast(expression, LocalDate.class);
    }

    /** The time part of a timestamp, in the session time zone (Django's {@code TruncTime}). */
    public static Cast truncTime(Object expression) {
        return new Cast(expression, java.time.LocalTime.class);
    }

    /**
     * A part of a date/time as a whole number ({@link #EXTRACT_KINDS}; {@code week_day} is 1 = Sunday ... 7 = Saturday,
     * as Django), in the session time zone.
     */
    public static Extract extract(Object expression, String kind) {
        return new Extract(expression, kind);
    }

    // ---------------------------------------------------------------- window functions

    /** The row's number in its partition, from 1. */
    public static Func rowNumber() {
        return Func.window("ROW_NUMBER", Long.class);
    }

    /** The rank with gaps. */
    public static Func rank() {
        return Func.window("RANK", Long.class);
    }

    /** The rank without gaps. */
    public static Func denseRank() {
        return Func.window("DENSE_RANK", Long.class);
    }

    /** {@code (rank - 1) / (rows - 1)}. */
    public static Func percentRank() {
        return Func.window("PERCENT_RANK", Double.class);
    }

    /** The fraction of rows up to and including the row's peers. */
    public static Func cumeDist() {
        return Func.window("CUME_DIST", Double.class);
    }

    /** The bucket (1 to {@code buckets}) of the row. */
    public static Func ntile(int buckets) {
        if (buckets <= 0) {
            throw new IllegalArgumentException("num_buckets must be greater than 0.");
        }
        return Func.window("NTILE", Integer.class, buckets);
    }

    /** The value one row before in the partition. */
    public static Func lag(Object expression) {
        return Func.window("LAG", null, expression);
    }

    /** The value {@code offset} rows before. */
    public static Func lag(Object expression, int offset) {
        return Func.window("LAG", null, expression, checkOffset(offset));
    }

    /** The value {@code offset} rows before, {@code defaultValue} when there is none. */
    public static Func lag(Object expression, int offset, Object defaultValue) {
        return Func.window("LAG", null, expression, checkOffset(offset), defaultValue);
    }

    /** The value one row after in the partition. */
    public static Func lead(Object expression) {
        return Func.window("LEAD", null, expression);
    }

    /** The value {@code offset} rows after. */
    public static Func lead(Object expression, int offset) {
        return Func.window("LEAD", null, expression, checkOffset(offset));
    }

    /** The value {@code offset} rows after, {@code defaultValue} when there is none. */
    public static Func lead(Object expression, int offset, Object defaultValue) {
        return Func.window("LEAD", null, expression, checkOffset(offset), defaultValue);
    }

    private static int checkOffset(int offset) {
        if (offset <= 0) {
            throw new IllegalArgumentException("offset must be a positive integer.");
        }
        return offset;
    }

    /** The value at the first row of the window frame. */
    public static Func firstValue(Object expression) {
        return Func.window("FIRST_VALUE", null, expression);
    }

    /** The value at the last row of the window frame. */
    public static Func lastValue(Object expression) {
        return Func.window("LAST_VALUE", null, expression);
    }

    /** The value at the {@code nth} (1-based) row of the window frame. */
    public static Func nthValue(Object expression, int nth) {
        if (nth <= 0) {
            throw new IllegalArgumentException("NthValue requires a positive integer as for nth.");
        }
        return Func.window("NTH_VALUE", null, expression, nth);
    }

    // ---------------------------------------------------------------- the ones with a kind or a type

    /**
     * {@code CAST(expression AS type)}.
     *
     * @param expression a field name, expression or value
     * @param javaType   the Java type of the result; the dialect picks the SQL type
     */
    public record Cast(Object expression, Class<?> javaType) implements Expression {
        /** Checks the arguments. */
        public Cast {
            Objects.requireNonNull(javaType, "javaType");
        }
    }

    /**
     * Django's {@code Trunc(expression, kind, output_field)}.
     *
     * @param expression a date/time field or expression
     * @param kind       one of {@link #TRUNC_KINDS}
     * @param outputType the Java type read, or {@code null} for the expression's own
     */
    public record Trunc(Object expression, String kind, Class<?> outputType) implements Expression {
        /** Checks the kind. */
        public Trunc {
            if (!TRUNC_KINDS.contains(kind)) {
                throw new IllegalArgumentException("Unsupported trunc kind '" + kind + "'. Choices are: "
                        + String.join(", ", TRUNC_KINDS) + ".");
            }
        }
    }

    /**
     * Django's {@code Extract(expression, lookup_name)}.
     *
     * @param expression a date/time field or expression
     * @param kind       one of {@link #EXTRACT_KINDS}
     */
    public record Extract(Object expression, String kind) implements Expression {
        private static final Set<String> KINDS = Set.copyOf(EXTRACT_KINDS);

        /** Checks the kind. */
        public Extract {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("Unsupported extract kind '" + kind + "'. Choices are: "
                        + String.join(", ", EXTRACT_KINDS) + ".");
            }
        }
    }
}
