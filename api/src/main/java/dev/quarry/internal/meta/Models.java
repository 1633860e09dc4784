package dev.quarry.internal.meta;

import java.util.concurrent.ConcurrentHashMap;

/** The registry of parsed models: each class is read once, on first use. Thread-safe. */
public final class Models {

    private final ConcurrentHashMap<Class<?>, ModelMeta<?>> metas = new ConcurrentHashMap<>();
    private final FieldTypes types;

    /** A registry with the default field types. */
    public Models() {
        this(FieldTypes.defaults());
    }

    /** A registry whose fields' codecs {@code types} chooses. */
    public Models(FieldTypes types) {
        this.types = types;
    }

    /** How field values are converted (JSON codec, converters). */
    public FieldTypes types() {
        return types;
    }

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
