package dev.quarry;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * The rows related to one instance (Django's related manager): a {@link QuerySet} restricted to them,
 * whose {@code create}/{@code getOrCreate}/{@code updateOrCreate} link what they create.
 *
 * @param <R> the related model
 */
public interface RelatedManager<R> extends QuerySet<R> {

    /** Links {@code obj} to the instance. */
    void add(R obj);

    /** Links every object to the instance. */
    void add(Collection<? extends R> objs);

    /** Unlinks {@code obj}; throws for a non-nullable foreign key. */
    void remove(R obj);

    /** Unlinks every object; throws for a non-nullable foreign key. */
    void remove(Collection<? extends R> objs);

    /** Unlinks every related object; throws for a non-nullable foreign key. */
    void clear();

    /** Makes {@code objs} the related set, adding and removing the difference. */
    void set(Collection<? extends R> objs);

    /** Makes {@code objs} the related set; with {@code clear}, unlinks everything first. */
    void set(Collection<? extends R> objs, boolean clear);

    /** Async twin of {@link #add(Object)}. */
    CompletableFuture<Void> aadd(R obj);

    /** Async twin of {@link #add(Collection)}. */
    CompletableFuture<Void> aadd(Collection<? extends R> objs);

    /** Async twin of {@link #remove(Object)}. */
    CompletableFuture<Void> aremove(R obj);

    /** Async twin of {@link #remove(Collection)}. */
    CompletableFuture<Void> aremove(Collection<? extends R> objs);

    /** Async twin of {@link #clear()}. */
    CompletableFuture<Void> aclear();

    /** Async twin of {@link #set(Collection)}. */
    CompletableFuture<Void> aset(Collection<? extends R> objs);

    /** Async twin of {@link #set(Collection, boolean)}. */
    CompletableFuture<Void> aset(Collection<? extends R> objs, boolean clear);
}
