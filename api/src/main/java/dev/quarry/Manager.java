package dev.quarry;

import java.util.concurrent.CompletableFuture;

/**
 * The entry point to a model's rows ({@code db.objects(Article.class)}): a {@link QuerySet} over all of
 * them, plus Django's model-instance methods.
 * {@snippet :
 * Manager<Article> articles = db.objects(Article.class);
 * Article a = new Article("Hello");
 * articles.save(a);                    // INSERT, fills a.id
 * a.setTitle("Hello, world");
 * articles.save(a, "title");           // UPDATE only title
 * articles.adelete(a).join();
 * }
 *
 * @param <T> the model
 */
public interface Manager<T> extends QuerySet<T> {

    /** Inserts {@code obj} when its pk is unset, else updates every field (inserting if no row has that pk). */
    T save(T obj);

    /** Updates only {@code updateFields} of {@code obj}, which must have a pk. */
    T save(T obj, String... updateFields);

    /** Deletes {@code obj}'s row (and what cascades from it) and clears its pk. */
    Deleted delete(T obj);

    /** Reloads every field of {@code obj} from its row. */
    void refreshFromDb(T obj);

    /** Reloads {@code obj} through {@code from} (e.g. with {@code only()} or {@code selectForUpdate()}). */
    void refreshFromDb(T obj, QuerySet<T> from);

    /**
     * The related rows of {@code instance} through {@code field}: a {@code @ManyToMany}, a
     * {@code @OneToMany(mappedBy)}, or the reverse side of another model's {@code @ManyToOne}.
     */
    <R> RelatedManager<R> related(T instance, String field, Class<R> type);

    /** Async twin of {@link #save(Object)}. */
    CompletableFuture<T> asave(T obj);

    /** Async twin of {@link #save(Object, String...)}. */
    CompletableFuture<T> asave(T obj, String... updateFields);

    /** Async twin of {@link #delete(Object)}. */
    CompletableFuture<Deleted> adelete(T obj);

    /** Async twin of {@link #refreshFromDb(Object)}. */
    CompletableFuture<Void> arefreshFromDb(T obj);

    /** Async twin of {@link #refreshFromDb(Object, QuerySet)}. */
    CompletableFuture<Void> arefreshFromDb(T obj, QuerySet<T> from);

    /**
     * This manager on the database {@code alias} (Django's {@code db_manager()} and {@code using()}): its reads,
     * its writes and its related managers go there.
     * {@snippet :
     * Manager<Article> archive = db.objects(Article.class).using("archive");
     * archive.save(article);                                   // INSERT on "archive"
     * }
     */
    @Override
    Manager<T> using(String alias);
}
