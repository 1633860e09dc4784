package dev.quarry;

import java.util.Objects;

/**
 * A prefetch lookup with a QuerySet of its own, as Django's {@code Prefetch(lookup, queryset)}: the related
 * rows are read through {@code queryset}, so they can be filtered, ordered or themselves prefetched.
 * {@snippet :
 * writers.prefetchRelated(Prefetch.of("posts", posts.filter("published", true).orderBy("-views"))).list();
 * }
 */
public final class Prefetch {

    private final String path;
    private final QuerySet<?> queryset;

    private Prefetch(String path, QuerySet<?> queryset) {
        this.path = Objects.requireNonNull(path, "path");
        this.queryset = queryset;
    }

    /** Prefetches {@code path} through {@code queryset} (a QuerySet of the related model). */
    public static Prefetch of(String path, QuerySet<?> queryset) {
        return new Prefetch(path, Objects.requireNonNull(queryset, "queryset"));
    }

    /** Prefetches {@code path} with the related model's default QuerySet. */
    public static Prefetch of(String path) {
        return new Prefetch(path, null);
    }

    /** The relation path, fields joined with {@code __}. */
    public String path() {
        return path;
    }

    /** The QuerySet the related rows are read through, or {@code null} for all of them. */
    public QuerySet<?> queryset() {
        return queryset;
    }

    @Override
    public String toString() {
        return "Prefetch(" + path + (queryset == null ? "" : ", " + queryset) + ")";
    }
}
