package dev.quarry;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * Django's QuerySet: an immutable, lazy description of a query. Every chaining method returns a new
 * QuerySet; nothing touches the database until a terminal method runs.
 *
 * <p>Every terminal method has two twins: {@code count()} runs on the caller's thread (ideal on a virtual
 * thread) and {@code acount()} returns a {@link CompletableFuture} at once. The future fails with the very
 * exception the sync twin throws; cancelling it cancels the running statement where the provider can.
 * Arguments are checked before the async twin returns: bad input throws at once in both twins.
 * {@snippet :
 * QuerySet<Article> published = db.objects(Article.class).filter("status", "published");
 * long n = published.count();                                  // sync, on a virtual thread
 * CompletableFuture<Long> later = published.acount();          // async
 * Article newest = published.orderBy("-publishedAt").first().orElseThrow();
 * }
 *
 * @param <T> what each row becomes: a model instance, or a Map/List/value for values()/valuesList()
 */
public interface QuerySet<T> {

    /** Default chunk size of {@link #iterator()} and {@link #aiterator()}, as Django's. */
    int DEFAULT_CHUNK_SIZE = 2000;

    // ---------------------------------------------------------------- chaining

    /** A copy of this QuerySet. */
    QuerySet<T> all();

    /** Rows matching {@code lookup = value}; {@code value} may be an {@link F}; {@code null} means IS NULL. */
    QuerySet<T> filter(String lookup, Object value);

    /** Rows matching {@code q}. */
    QuerySet<T> filter(Q q);

    /** Rows matching every lookup of the map. */
    QuerySet<T> filter(Map<String, ?> lookups);

    /** Rows not matching {@code lookup = value}. */
    QuerySet<T> exclude(String lookup, Object value);

    /** Rows not matching {@code q}. */
    QuerySet<T> exclude(Q q);

    /**
     * Rows for which a boolean expression holds: an {@link Exists}, a {@link Q}, a boolean {@link CaseExpression} or
     * function (Django's {@code filter(Exists(...))}).
     * {@snippet :
     * posts.filter(Exists.of(comments.filter("post", OuterRef.of("pk")))).list();
     * }
     */
    QuerySet<T> filter(Expression condition);

    /** Rows for which a boolean expression does not hold: {@code exclude(Exists.of(...))} is Django's {@code ~Exists}. */
    QuerySet<T> exclude(Expression condition);

    /** Rows not matching all the lookups of the map together. */
    QuerySet<T> exclude(Map<String, ?> lookups);

    /** Orders by fields; {@code "-field"} descends, {@code "?"} is random. Replaces any previous ordering. */
    QuerySet<T> orderBy(String... fields);

    /** Reverses the ordering (the pk's when none is set). */
    QuerySet<T> reverse();

    /** {@code SELECT DISTINCT}. */
    QuerySet<T> distinct();

    /** A QuerySet that matches nothing and never queries. */
    QuerySet<T> none();

    /** Django's {@code qs[start:end]}: rows {@code start} (inclusive) to {@code end} (exclusive). */
    QuerySet<T> slice(int start, int end);

    /**
     * Follows foreign keys in the same query (LEFT JOINs), filling the related instances; paths may chain
     * ({@code "post__writer"}). Without paths, follows every non-null foreign key, recursively, as Django does.
     */
    QuerySet<T> selectRelated(String... paths);

    /**
     * Loads the related rows of each path in one extra query per relation (IN over the keys), filling
     * {@code @OneToMany} and {@code @ManyToMany} collections and replacing id-only {@code @ManyToOne} instances.
     * Nested paths ({@code "posts__tags"}) prefetch level by level.
     */
    QuerySet<T> prefetchRelated(String... paths);

    /** {@link #prefetchRelated(String...)} with a QuerySet of its own per lookup. */
    QuerySet<T> prefetchRelated(Prefetch... lookups);

    /** Loads only these fields (and the pk); the others stay unset. */
    QuerySet<T> only(String... fields);

    /** Loads every field but these. */
    QuerySet<T> defer(String... fields);

    /** Locks the selected rows until the end of the transaction ({@code SELECT ... FOR UPDATE}). */
    QuerySet<T> selectForUpdate();

    /** {@code SELECT ... FOR UPDATE [NOWAIT] [SKIP LOCKED]}; nowait and skipLocked exclude each other. */
    QuerySet<T> selectForUpdate(boolean nowait, boolean skipLocked);

    /**
     * {@code SELECT ... FOR [NO KEY] UPDATE [OF ...] [NOWAIT | SKIP LOCKED]} with Django's options; {@code of}
     * names {@code "self"} or {@code selectRelated} paths (checked when the query runs, as in Django).
     */
    QuerySet<T> selectForUpdate(SelectForUpdate options);

    /**
     * Django's {@code distinct(*fields)}: one row per distinct value of {@code fields} (PostgreSQL's {@code
     * DISTINCT ON}); the ordering must start with the same fields, and picks the row kept. Without fields,
     * {@link #distinct()}.
     * {@snippet :
     * posts.orderBy("writer", "-views").distinct("writer").list();   // each writer's most viewed post
     * }
     */
    QuerySet<T> distinct(String... fields);

    /**
     * Django's {@code union()}: the rows of this QuerySet and of {@code other}, without duplicates. The result may
     * then only be ordered (by selected columns), sliced, reshaped with {@code values*()}, counted and read; other
     * methods throw {@link UnsupportedOperationException} ("Calling QuerySet.filter() after union() is not
     * supported."). The parts must select the same number of columns of compatible types.
     * {@snippet :
     * List<String> names = writers.filter("name__startswith", "a").union(writers.filter("publisher", acme))
     *         .orderBy("name").valuesListFlat("name", String.class).list();
     * }
     */
    QuerySet<T> union(QuerySet<T> other);

    /** {@link #union(QuerySet)}, keeping duplicates when {@code all} ({@code UNION ALL}). */
    QuerySet<T> union(QuerySet<T> other, boolean all);

    /** Django's {@code intersection()}: the rows in both ({@code INTERSECT}); restricted as {@link #union(QuerySet)}. */
    QuerySet<T> intersection(QuerySet<T> other);

    /** Django's {@code difference()}: the rows of this QuerySet not in {@code other} ({@code EXCEPT}); restricted as {@link #union(QuerySet)}. */
    QuerySet<T> difference(QuerySet<T> other);

    /**
     * Adds a computed value named {@code alias} to each row; aggregates group by the model. The alias can then
     * be filtered and ordered on, appears in {@link #values}, and fills a model field of that name if any.
     */
    QuerySet<T> annotate(String alias, Expression expression);

    /**
     * Names an expression for later filters, orderings and annotations without selecting it (Django's {@code alias()}).
     * {@snippet :
     * writers.alias("n", Aggregate.count("posts")).filter("n__gt", 1).list();
     * }
     */
    QuerySet<T> alias(String alias, Expression expression);

    /**
     * The distinct dates of a date or date-time field truncated to {@code kind} ({@code year month week day}),
     * ascending, without NULL: Django's {@code dates(field, kind)}. Timestamps with a zone are truncated in the
     * session time zone.
     */
    QuerySet<java.time.LocalDate> dates(String field, String kind);

    /** {@link #dates(String, String)} in {@code order}, {@code "ASC"} or {@code "DESC"}. */
    QuerySet<java.time.LocalDate> dates(String field, String kind, String order);

    /**
     * The distinct date-times of a date-time field truncated to {@code kind} ({@code year month week day hour minute
     * second}), ascending, without NULL: Django's {@code datetimes(field, kind)}, in the session time zone.
     */
    QuerySet<java.time.LocalDateTime> datetimes(String field, String kind);

    /** {@link #datetimes(String, String)} in {@code order}, {@code "ASC"} or {@code "DESC"}. */
    QuerySet<java.time.LocalDateTime> datetimes(String field, String kind, String order);

    /** Rows as maps of field name to value (all concrete fields when none are named). */
    QuerySet<Map<String, Object>> values(String... fields);

    /** Rows as lists of values, in the order the fields are named. */
    QuerySet<List<Object>> valuesList(String... fields);

    /** One field's values. */
    <V> QuerySet<V> valuesListFlat(String field, Class<V> type);

    // ---------------------------------------------------------------- terminal: reading

    /** The single matching row; {@link DoesNotExistException} or {@link MultipleObjectsReturnedException}. */
    T get();

    /** {@code filter(lookup, value).get()}. */
    T get(String lookup, Object value);

    /** {@code filter(q).get()}. */
    T get(Q q);

    /** {@code filter(lookups).get()}. */
    T get(Map<String, ?> lookups);

    /** The first row, ordered by pk when unordered. */
    Optional<T> first();

    /** The last row, ordered by pk when unordered. */
    Optional<T> last();

    /** The row with the greatest value of {@code fields}; {@link DoesNotExistException} when empty. */
    T latest(String... fields);

    /** The row with the smallest value of {@code fields}; {@link DoesNotExistException} when empty. */
    T earliest(String... fields);

    /** {@code SELECT COUNT(*)}. */
    long count();

    /** Whether any row matches. */
    boolean exists();

    /** Whether {@code obj} is among the rows; {@link IllegalArgumentException} if it has no pk. */
    boolean contains(T obj);

    /** Every row. */
    List<T> list();

    /** Streams the rows through a server-side cursor, {@code chunkSize} at a time. Close the stream. */
    Stream<T> iterator(int chunkSize);

    /** {@link #iterator(int)} with Django's default chunk size. */
    default Stream<T> iterator() {
        return iterator(DEFAULT_CHUNK_SIZE);
    }

    /** Rows by pk (or by {@code field}, which must be unique) for the given ids. */
    Map<Object, T> inBulk(Collection<?> ids, String field);

    /** Rows by pk for the given ids. */
    Map<Object, T> inBulk(Collection<?> ids);

    /** Every row, by pk. */
    Map<Object, T> inBulk();

    /** Computes aggregates over the rows; keys are the map's. */
    Map<String, Object> aggregate(Map<String, Aggregate> aggregates);

    /** Computes aggregates with Django's default aliases ({@code "views__sum"}). */
    Map<String, Object> aggregate(Aggregate... aggregates);

    /** The database's plan for this query. */
    String explain();

    /** The plan in a format: {@code "text"}, {@code "json"}, {@code "xml"}, {@code "yaml"}. */
    String explain(String format);

    // ---------------------------------------------------------------- terminal: writing

    /** Updates the matching rows; values may be {@link F} expressions. Returns the number of rows. */
    long update(Map<String, ?> values);

    /** Deletes the matching rows (and what cascades from them). */
    Deleted delete();

    /** Inserts a row from field values. */
    T create(Map<String, ?> fields);

    /** Inserts {@code obj} and fills its pk. */
    T create(T obj);

    /** Gets the row matching {@code lookup}, or creates it from the lookup's exact values. */
    Created<T> getOrCreate(Map<String, ?> lookup);

    /** Gets the row matching {@code lookup}, or creates it from the lookup and {@code defaults}. */
    Created<T> getOrCreate(Map<String, ?> lookup, Map<String, ?> defaults);

    /** Updates the row matching {@code lookup} with {@code defaults}, or creates it from both. */
    Created<T> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults);

    /** As {@link #updateOrCreate(Map, Map)}, creating from {@code createDefaults} instead of {@code defaults}. */
    Created<T> updateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults, Map<String, ?> createDefaults);

    /** Inserts the objects in as few statements as possible and fills their pks. */
    List<T> bulkCreate(List<T> objs);

    /** {@link #bulkCreate(List)} with batching and conflict handling. */
    List<T> bulkCreate(List<T> objs, BulkOptions options);

    /** Updates {@code fields} of each object in as few statements as possible; returns the rows updated. */
    long bulkUpdate(List<T> objs, List<String> fields);

    /** {@link #bulkUpdate(List, List)} with at most {@code batchSize} objects per statement. */
    long bulkUpdate(List<T> objs, List<String> fields, int batchSize);

    // ---------------------------------------------------------------- async twins

    /** Async twin of {@link #get()}. */
    CompletableFuture<T> aget();

    /** Async twin of {@link #get(String, Object)}. */
    CompletableFuture<T> aget(String lookup, Object value);

    /** Async twin of {@link #get(Q)}. */
    CompletableFuture<T> aget(Q q);

    /** Async twin of {@link #get(Map)}. */
    CompletableFuture<T> aget(Map<String, ?> lookups);

    /** Async twin of {@link #first()}. */
    CompletableFuture<Optional<T>> afirst();

    /** Async twin of {@link #last()}. */
    CompletableFuture<Optional<T>> alast();

    /** Async twin of {@link #latest(String...)}. */
    CompletableFuture<T> alatest(String... fields);

    /** Async twin of {@link #earliest(String...)}. */
    CompletableFuture<T> aearliest(String... fields);

    /** Async twin of {@link #count()}. */
    CompletableFuture<Long> acount();

    /** Async twin of {@link #exists()}. */
    CompletableFuture<Boolean> aexists();

    /** Async twin of {@link #contains(Object)}. */
    CompletableFuture<Boolean> acontains(T obj);

    /** Async twin of {@link #list()}: Django's {@code [x async for x in qs]}. */
    CompletableFuture<List<T>> alist();

    /**
     * Streams the rows with back-pressure through a server-side cursor: a chunk is fetched only when the
     * subscriber has requested more rows than are buffered. Cancelling the subscription closes the cursor.
     *
     * @throws IllegalArgumentException {@code "Chunk size must be strictly positive."}
     */
    Flow.Publisher<T> aiterator(int chunkSize);

    /** {@link #aiterator(int)} with Django's default chunk size. */
    default Flow.Publisher<T> aiterator() {
        return aiterator(DEFAULT_CHUNK_SIZE);
    }

    /** Async twin of {@link #inBulk(Collection, String)}. */
    CompletableFuture<Map<Object, T>> ainBulk(Collection<?> ids, String field);

    /** Async twin of {@link #inBulk(Collection)}. */
    CompletableFuture<Map<Object, T>> ainBulk(Collection<?> ids);

    /** Async twin of {@link #inBulk()}. */
    CompletableFuture<Map<Object, T>> ainBulk();

    /** Async twin of {@link #aggregate(Map)}. */
    CompletableFuture<Map<String, Object>> aaggregate(Map<String, Aggregate> aggregates);

    /** Async twin of {@link #aggregate(Aggregate...)}. */
    CompletableFuture<Map<String, Object>> aaggregate(Aggregate... aggregates);

    /** Async twin of {@link #explain()}. */
    CompletableFuture<String> aexplain();

    /** Async twin of {@link #explain(String)}. */
    CompletableFuture<String> aexplain(String format);

    /** Async twin of {@link #update(Map)}. */
    CompletableFuture<Long> aupdate(Map<String, ?> values);

    /** Async twin of {@link #delete()}. */
    CompletableFuture<Deleted> adelete();

    /** Async twin of {@link #create(Map)}. */
    CompletableFuture<T> acreate(Map<String, ?> fields);

    /** Async twin of {@link #create(Object)}. */
    CompletableFuture<T> acreate(T obj);

    /** Async twin of {@link #getOrCreate(Map)}. */
    CompletableFuture<Created<T>> agetOrCreate(Map<String, ?> lookup);

    /** Async twin of {@link #getOrCreate(Map, Map)}. */
    CompletableFuture<Created<T>> agetOrCreate(Map<String, ?> lookup, Map<String, ?> defaults);

    /** Async twin of {@link #updateOrCreate(Map, Map)}. */
    CompletableFuture<Created<T>> aupdateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults);

    /** Async twin of {@link #updateOrCreate(Map, Map, Map)}. */
    CompletableFuture<Created<T>> aupdateOrCreate(Map<String, ?> lookup, Map<String, ?> defaults,
                                                  Map<String, ?> createDefaults);

    /** Async twin of {@link #bulkCreate(List)}. */
    CompletableFuture<List<T>> abulkCreate(List<T> objs);

    /** Async twin of {@link #bulkCreate(List, BulkOptions)}. */
    CompletableFuture<List<T>> abulkCreate(List<T> objs, BulkOptions options);

    /** Async twin of {@link #bulkUpdate(List, List)}. */
    CompletableFuture<Long> abulkUpdate(List<T> objs, List<String> fields);

    /** Async twin of {@link #bulkUpdate(List, List, int)}. */
    CompletableFuture<Long> abulkUpdate(List<T> objs, List<String> fields, int batchSize);
}
