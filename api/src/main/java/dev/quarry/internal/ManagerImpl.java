package dev.quarry.internal;

import dev.quarry.Deleted;
import dev.quarry.Manager;
import dev.quarry.QuerySet;
import dev.quarry.RelatedManager;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.internal.query.Query;
import dev.quarry.internal.query.Shape;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A model's manager: the QuerySet over all its rows plus Django's instance methods.
 *
 * @param <T> the model
 */
final class ManagerImpl<T> extends QuerySetImpl<T> implements Manager<T> {

    private final ModelMeta<T> meta;

    ManagerImpl(QueryContext ctx, ModelMeta<T> meta) {
        super(ctx, meta, new Query(meta), Shape.model(meta));
        this.meta = meta;
    }

    private T checked(T obj) {
        Objects.requireNonNull(obj, "obj");
        if (!meta.type().isInstance(obj)) {
            throw new IllegalArgumentException("Expected a " + meta.type().getSimpleName() + ", got " + obj.getClass().getName() + ".");
        }
        return obj;
    }

    private Query fromQuery(QuerySet<T> from) {
        if (!(from instanceof QuerySetImpl<T> impl) || impl.model != meta || !impl.shape.isModel()) {
            throw new IllegalArgumentException("refreshFromDb() needs a QuerySet of " + meta.type().getSimpleName() + " instances.");
        }
        return impl.query;
    }

    @Override
    public T save(T obj) {
        return syncWrite(ModelOps.save(ctx.compiler(), meta, checked(obj), null));
    }

    @Override
    public T save(T obj, String... updateFields) {
        return syncWrite(ModelOps.save(ctx.compiler(), meta, checked(obj), updateFields));
    }

    @Override
    public Deleted delete(T obj) {
        return syncWrite(ModelOps.delete(ctx.compiler(), meta, checked(obj)));
    }

    @Override
    public void refreshFromDb(T obj) {
        sync(ModelOps.refresh(ctx.compiler(), meta, checked(obj), new Query(meta)));
    }

    @Override
    public void refreshFromDb(T obj, QuerySet<T> from) {
        sync(ModelOps.refresh(ctx.compiler(), meta, checked(obj), fromQuery(from)));
    }

    @Override
    public <R> RelatedManager<R> related(T instance, String field, Class<R> type) {
        return RelatedManagerImpl.of(ctx, meta, checked(instance), field, type);
    }

    @Override
    public CompletableFuture<T> asave(T obj) {
        return asyncWrite(ModelOps.save(ctx.compiler(), meta, checked(obj), null));
    }

    @Override
    public CompletableFuture<T> asave(T obj, String... updateFields) {
        return asyncWrite(ModelOps.save(ctx.compiler(), meta, checked(obj), updateFields));
    }

    @Override
    public CompletableFuture<Deleted> adelete(T obj) {
        return asyncWrite(ModelOps.delete(ctx.compiler(), meta, checked(obj)));
    }

    @Override
    public CompletableFuture<Void> arefreshFromDb(T obj) {
        return async(ModelOps.refresh(ctx.compiler(), meta, checked(obj), new Query(meta)));
    }

    @Override
    public CompletableFuture<Void> arefreshFromDb(T obj, QuerySet<T> from) {
        return async(ModelOps.refresh(ctx.compiler(), meta, checked(obj), fromQuery(from)));
    }

    @Override
    public Manager<T> using(String database) {
        return new ManagerImpl<>(ctx.using(database), meta);
    }

    @Override
    public String toString() {
        return "Manager<" + meta.entityName() + ">";
    }
}
