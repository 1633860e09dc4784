package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.DatabaseException;
import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.Manager;
import dev.quarry.Q;
import dev.quarry.Quarry;
import dev.quarry.QuerySet;
import dev.quarry.testkit.TckConfiguration;
import dev.quarry.testkit.TestDatabase;
import dev.quarry.testkit.models.Post;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Bad input never reaches the server unchecked: thousands of random lookup paths (real fields, relations,
 * lookups and transforms mixed with garbage and SQL), aliases and values thrown at {@code filter}, {@code exclude},
 * {@code Q}, {@code orderBy}, {@code values}, {@code annotate} and {@code update} on a model with relations. Each
 * either runs, or fails with {@code FieldException}, {@code ValueException} or {@code IllegalArgumentException}
 * before any statement is sent; no other exception escapes (a {@code DatabaseException} means the server had to
 * refuse what Quarry let through), and the tables and their rows survive. Runs with jqwik (a JUnit Platform
 * engine), so every provider runs it like the Jupiter TCK classes; jqwik does not run Jupiter's lifecycle, hence
 * the setup of its own.
 */
class BadInputPropertyTest {

    private static final List<String> SEGMENTS = List.of(
            // Post's fields and relations, and what lies behind them
            "id", "pk", "title", "published", "views", "writer", "tags", "remarks", "name", "publisher", "posts",
            "post", "author", "writers", "writer_id", "text",
            // lookups and transforms
            "exact", "iexact", "contains", "icontains", "in", "gt", "gte", "lt", "lte", "startswith", "iendswith",
            "range", "isnull", "regex", "year", "month", "day", "week_day", "hour", "date", "len", "has_key", "0",
            // garbage and injection attempts
            "", " ", "Title", "title; DROP TABLE post", "\"", "'", "--", "id)", "x y", "é", "😀", "__", "null",
            "1=1", "*", "?", "-");

    /** Real fields of Post, and across its relations. */
    private static final List<String> FIELDS = List.of("id", "pk", "title", "published", "views", "writer", "writer_id",
            "writer__name", "writer__id", "writer__publisher", "writer__publisher__name", "tags", "tags__name",
            "tags__id", "remarks", "remarks__text", "remarks__author__name", "remarks__post__title");

    /** Lookups and transforms, and none. */
    private static final List<String> LOOKUPS = List.of("", "exact", "iexact", "contains", "icontains", "in", "gt",
            "gte", "lt", "lte", "startswith", "istartswith", "endswith", "iendswith", "range", "isnull", "regex",
            "iregex", "year", "month", "day", "week_day", "hour", "minute", "second", "date", "len", "unknown");

    /** PostgreSQL's SQLState for a regular expression it cannot parse. */
    private static final String INVALID_REGULAR_EXPRESSION = "2201B";

    private static final Class<?>[] MODELS = Blog.MODELS.toArray(Class<?>[]::new);

    private static Quarry db;
    private static TestDatabase database;
    private static Map<String, Long> rowsBefore;

    @BeforeContainer
    static void openAndSeed() throws SQLException {
        TckConfiguration configuration = TckConfiguration.load();
        database = TestDatabase.instance();
        db = configuration.connect(database.url(), database.user(), database.password(), 4);
        List<Class<?>> reversed = new ArrayList<>(Blog.MODELS);
        Collections.reverse(reversed);
        db.schema().drop(reversed.toArray(Class<?>[]::new));
        db.schema().create(MODELS);
        new Blog(db);
        rowsBefore = rowCounts();
    }

    @AfterContainer
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @AfterProperty
    void theTablesAndTheirRowsSurvive() throws SQLException {
        assertEquals(rowsBefore, rowCounts());
    }

    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Connection c = database.jdbc(); Statement s = c.createStatement()) {
            for (String table : List.of("publisher", "writer", "tag", "post", "remark", "post_tags")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** One thing a user may do to a QuerySet of posts, run to a terminal method. */
    record Operation(String description, Function<Manager<Post>, Object> run) {
        @Override
        public String toString() {
            return description;
        }
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED, afterFailure = AfterFailureMode.RANDOM_SEED)
    void onlyValidationExceptionsEscape(@ForAll("operations") Operation operation) {
        try {
            operation.run().apply(db.objects(Post.class));
        } catch (FieldException | IllegalArgumentException | UnsupportedOperationException expected) {
            // Checked before reaching the server: FieldException, ValueException (an IllegalArgumentException),
            // and UnsupportedOperationException for what Quarry says it does not support (Django's NotSupportedError).
        } catch (DatabaseException e) {
            if (!(INVALID_REGULAR_EXPRESSION.equals(e.sqlState()) && operation.description().contains("regex"))) {
                throw e;   // the server refused what Quarry let through
            }
            // A regex's syntax is the server's to judge (PostgreSQL's ARE is not java.util.regex), as in Django.
        }
    }

    @Example
    void whatTheServerWouldRefuseFailsBeforeReachingIt() {
        Manager<Post> posts = db.objects(Post.class);
        assertThrows(IllegalArgumentException.class, () -> posts.filter("title", "a\u0000b").count(),
                "PostgreSQL text cannot hold NUL");
        assertThrows(FieldException.class, () -> posts.annotate("s", Aggregate.sum("title")).list());
        assertThrows(FieldException.class, () -> posts.annotate("m", Aggregate.max("published")).list());
        assertThrows(FieldException.class, () -> posts.filter("pk", -1).update(Map.of("views", F.of("published").plus(1))));
        assertThrows(IllegalArgumentException.class, () -> posts.filter("title__regex", List.of("a")).count(),
                "a list is not a pattern (it was turned into the text \"[a]\")");
        assertThrows(IllegalArgumentException.class, () -> posts.filter("title__icontains", new int[] {1}).count());
        assertEquals(1, posts.filter("title__regex", "^Java r").count(), "a real pattern still works");
    }

    @Provide
    Arbitrary<Operation> operations() {
        Arbitrary<String> path = paths();
        Arbitrary<Object> value = values();
        Arbitrary<String> alias = Arbitraries.oneOf(Arbitraries.of(SEGMENTS), Arbitraries.strings().alpha().ofMaxLength(8));
        return Arbitraries.oneOf(
                Combinators.combine(path, value).as((p, v) -> new Operation("filter(" + p + ", " + show(v) + ")",
                        m -> m.filter(p, v).count())),
                Combinators.combine(path, value).as((p, v) -> new Operation("exclude(" + p + ", " + show(v) + ")",
                        m -> m.exclude(p, v).count())),
                Combinators.combine(path, value, path, value).as((p, v, p2, v2) -> new Operation(
                        "filter(Q(" + p + ", " + show(v) + ") | ~Q(" + p2 + ", " + show(v2) + "))",
                        m -> m.filter(Q.of(p, v).or(Q.of(p2, v2).negate())).count())),
                Combinators.combine(Arbitraries.of("", "-", "?"), path).as((sign, p) -> new Operation(
                        "orderBy(" + sign + p + ")", m -> m.orderBy(sign + p).slice(0, 3).list())),
                path.list().ofMinSize(1).ofMaxSize(3).map(ps -> new Operation("values(" + ps + ")",
                        m -> m.values(ps.toArray(String[]::new)).slice(0, 3).list())),
                Combinators.combine(alias, path, Arbitraries.of("F", "count", "sum", "max")).as((a, p, kind) -> new Operation(
                        "annotate(" + a + ", " + kind + "(" + p + "))", m -> annotated(m, a, p, kind))),
                Combinators.combine(path, value).as((p, v) -> new Operation("update(" + p + " = " + show(v) + ")",
                        m -> m.filter("pk", -1).update(Collections.singletonMap(p, v)))),
                Combinators.combine(path, path).as((p, p2) -> new Operation("update(" + p + " = F(" + p2 + ") + 1)",
                        m -> m.filter("pk", -1).update(Map.of(p, F.of(p2).plus(1))))));
    }

    /** Paths: half of them real (a field, across relations, then a lookup or transform), half random segments. */
    private static Arbitrary<String> paths() {
        Arbitrary<String> random = Arbitraries.of(SEGMENTS).list().ofMinSize(1).ofMaxSize(4).map(s -> String.join("__", s));
        Arbitrary<String> real = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(LOOKUPS))
                .as((field, lookup) -> lookup.isEmpty() ? field : field + "__" + lookup);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, random), net.jqwik.api.Tuple.of(1, real));
    }

    private static Object annotated(Manager<Post> posts, String alias, String path, String kind) {
        QuerySet<Post> qs = switch (kind) {
            case "F" -> posts.annotate(alias, F.of(path));
            case "count" -> posts.annotate(alias, Aggregate.count(path));
            case "sum" -> posts.annotate(alias, Aggregate.sum(path));
            default -> posts.annotate(alias, Aggregate.max(path));
        };
        return qs.orderBy(alias).slice(0, 3).list();
    }

    private static Arbitrary<Object> values() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.of("x'; DROP TABLE post; --", "%", "_", "\\", "java", "ada", "Java records", "10")
                        .map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY).map(d -> (Object) d),
                Arbitraries.of(new BigDecimal("1e400"), BigDecimal.ONE).map(d -> (Object) d),
                Arbitraries.of(LocalDate.of(2026, 1, 1), LocalDateTime.of(2026, 1, 1, 0, 0),
                        OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), Duration.ofSeconds(5),
                        UUID.nameUUIDFromBytes(new byte[] {1})).map(d -> (Object) d),
                Arbitraries.integers().between(-3, 100).list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.strings().ofMaxLength(4).list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.of(new Object(), new int[] {1, 2}, Map.of("k", 1), List.of(List.of(1)), 'c')
                        .map(o -> (Object) o))
                .injectNull(0.05);
    }

    private static String show(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : v == null ? "null"
                : v.getClass().isArray() ? v.getClass().getSimpleName() : v + " (" + v.getClass().getSimpleName() + ")";
    }
}
