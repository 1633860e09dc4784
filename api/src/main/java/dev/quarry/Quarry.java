package dev.quarry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A connection pool to one database and the door to its models. Thread-safe; close it when done.
 * {@snippet :
 * try (Quarry db = Quarry.connect("jdbc:postgresql://localhost:5432/app?user=app")) {
 *     db.schema().create(Article.class);
 *     Manager<Article> articles = db.objects(Article.class);
 *     long n = articles.filter("status", "published").acount().join();
 * }
 * }
 */
public interface Quarry extends AutoCloseable {

    /** The alias of the builder's own database (Django's {@code DEFAULT_DB_ALIAS}). */
    String DEFAULT_DATABASE = "default";

    /** Connects with the provider that accepts {@code url} (found by {@link java.util.ServiceLoader}). */
    static Quarry connect(String url) {
        return builder().url(url).build();
    }

    /** A builder for every setting: credentials, provider, pool size. */
    static QuarryBuilder builder() {
        return new QuarryBuilder();
    }

    /** The manager of a model: a QuerySet over all its rows plus save/delete/refreshFromDb. */
    <T> Manager<T> objects(Class<T> model);

    /** Creates and drops the tables of models. */
    Schema schema();

    /** A raw SQL query mapped onto a model; {@code ?} placeholders, always bound. */
    <T> RawQuerySet<T> raw(Class<T> model, String sql, Object... params);

    /**
     * Runs {@code work} in a transaction on one connection: commits when it returns, rolls back and rethrows
     * when it throws.
     */
    <R> R atomic(Function<? super Transaction, ? extends R> work);

    /** {@link #atomic(Function)} with an isolation level, read-only flag or timeout. */
    <R> R atomic(TransactionOptions options, Function<? super Transaction, ? extends R> work);

    /**
     * Async transaction: commits when the stage that {@code work} returns completes normally, rolls back
     * (and fails with the same exception) when it fails, is cancelled, or {@code work} throws.
     * {@snippet :
     * db.aatomic(tx -> tx.objects(Article.class).acreate(Map.of("title", "Hi"))
     *         .thenCompose(a -> tx.objects(Article.class).filter("id", a.getId()).acount()));
     * }
     */
    <R> CompletableFuture<R> aatomic(Function<? super Transaction, ? extends CompletionStage<R>> work);

    /** {@link #aatomic(Function)} with options. */
    <R> CompletableFuture<R> aatomic(TransactionOptions options,
                                     Function<? super Transaction, ? extends CompletionStage<R>> work);

    /**
     * {@link #atomic(Function)} on the database {@code alias} (Django's {@code atomic(using=alias)}); every
     * QuerySet of the {@link Transaction} runs there. An unknown alias is an {@link IllegalArgumentException}
     * listing the known ones.
     */
    <R> R atomic(String alias, Function<? super Transaction, ? extends R> work);

    /** {@link #atomic(String, Function)} with options. */
    <R> R atomic(String alias, TransactionOptions options, Function<? super Transaction, ? extends R> work);

    /** {@link #aatomic(Function)} on the database {@code alias}. */
    <R> CompletableFuture<R> aatomic(String alias, Function<? super Transaction, ? extends CompletionStage<R>> work);

    /** {@link #aatomic(String, Function)} with options. */
    <R> CompletableFuture<R> aatomic(String alias, TransactionOptions options,
                                     Function<? super Transaction, ? extends CompletionStage<R>> work);

    /** Creates and drops the tables of models on the database {@code alias} (Django's {@code migrate --database}). */
    Schema schema(String alias);

    /** The aliases of every configured database, {@code "default"} first. */
    java.util.List<String> databases();

    /** What the provider and dialect in use can do. */
    Features features();

    /** Closes the pool, releasing every connection. Idempotent. */
    @Override
    void close();
}
