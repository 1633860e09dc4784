package dev.quarry.internal.meta;

import java.util.concurrent.ConcurrentHashMap;

/** The registry of parsed models: each class is read once, on first use. Thread-safe. */
public final class Models {

    private final ConcurrentHashMap<Class<?>, ModelMeta<?>> metas = new ConcurrentHashMap<>();

    /** The metadata of {@code type}, parsing it on first use. */
    @SuppressWarnings("unchecked")
    public <T> ModelMeta<T> meta(Class<T> type) {
        ModelMeta<?> meta = metas.get(type);
        if (meta == null) {
            meta = ModelParser.parse(type, this);
            ModelMeta<?> raced = metas.putIfAbsent(type, meta);
            meta = raced == null ? meta : raced;
        }
        return (ModelMeta<T>) meta;
    }
}
