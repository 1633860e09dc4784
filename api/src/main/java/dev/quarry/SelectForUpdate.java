package dev.quarry;

import java.util.List;
import java.util.Objects;

/**
 * The options of {@link QuerySet#selectForUpdate(SelectForUpdate)}, Django's {@code select_for_update(nowait=,
 * skip_locked=, of=, no_key=)}. Immutable: each method returns a new value.
 * {@snippet :
 * tx.objects(Post.class).selectRelated("writer")
 *         .selectForUpdate(SelectForUpdate.defaults().of("self").skipLocked())   // locks the posts, not the writers
 *         .list();
 * }
 */
public final class SelectForUpdate {

    private static final SelectForUpdate DEFAULTS = new SelectForUpdate(false, false, false, List.of());

    private final boolean nowait;
    private final boolean skipLocked;
    private final boolean noKey;
    private final List<String> of;

    private SelectForUpdate(boolean nowait, boolean skipLocked, boolean noKey, List<String> of) {
        this.nowait = nowait;
        this.skipLocked = skipLocked;
        this.noKey = noKey;
        this.of = of;
    }

    /** {@code FOR UPDATE} of every table in the query, waiting for locks. */
    public static SelectForUpdate defaults() {
        return DEFAULTS;
    }

    /** Fails at once instead of waiting for a lock ({@code NOWAIT}); excludes {@link #skipLocked()}. */
    public SelectForUpdate nowait() {
        return new SelectForUpdate(true, skipLocked, noKey, of);
    }

    /** Skips locked rows ({@code SKIP LOCKED}); excludes {@link #nowait()}. */
    public SelectForUpdate skipLocked() {
        return new SelectForUpdate(nowait, true, noKey, of);
    }

    /** A weaker lock that does not block inserts of rows pointing to the locked ones ({@code FOR NO KEY UPDATE}). */
    public SelectForUpdate noKey() {
        return new SelectForUpdate(nowait, skipLocked, true, of);
    }

    /**
     * Locks only these tables: {@code "self"} for the model's own, or a {@code selectRelated} path such as
     * {@code "author"} ({@code FOR UPDATE OF ...}).
     */
    public SelectForUpdate of(String... names) {
        for (String name : names) {
            Objects.requireNonNull(name, "name");
        }
        return new SelectForUpdate(nowait, skipLocked, noKey, List.of(names));
    }

    /** Whether {@link #nowait()} is set. */
    public boolean isNowait() {
        return nowait;
    }

    /** Whether {@link #skipLocked()} is set. */
    public boolean isSkipLocked() {
        return skipLocked;
    }

    /** Whether {@link #noKey()} is set. */
    public boolean isNoKey() {
        return noKey;
    }

    /** The names given to {@link #of(String...)}; empty for every table. */
    public List<String> ofNames() {
        return of;
    }

    @Override
    public String toString() {
        return "SelectForUpdate[nowait=" + nowait + ", skipLocked=" + skipLocked + ", noKey=" + noKey + ", of=" + of + "]";
    }
}
