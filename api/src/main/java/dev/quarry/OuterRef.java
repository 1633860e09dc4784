package dev.quarry;

import java.util.Objects;

/**
 * A field of the query around a {@link Subquery} or {@link Exists}, used as a value inside the inner QuerySet:
 * Django's {@code OuterRef}. It is resolved (and checked against the outer model) when the outer query uses the
 * subquery; {@code OuterRef.of(OuterRef.of("pk"))} reaches two queries out.
 * {@snippet :
 * QuerySet<Comment> newest = comments.filter("post", OuterRef.of("pk")).orderBy("-createdAt");
 * posts.annotate("newestEmail", Subquery.of(newest.values("email").slice(0, 1))).list();
 * }
 *
 * @param name  the outer field (may cross relations and end in transforms), or {@code null} when {@code outer} is set
 * @param outer the reference this one is taken one level further out, or {@code null}
 */
public record OuterRef(String name, OuterRef outer) implements Expression {

    /** Checks that exactly one of the two is given. */
    public OuterRef {
        if ((name == null) == (outer == null)) {
            throw new IllegalArgumentException("An OuterRef names a field or wraps another OuterRef.");
        }
    }

    /** The outer query's field {@code name}. */
    public static OuterRef of(String name) {
        return new OuterRef(Objects.requireNonNull(name, "name"), null);
    }

    /** {@code ref}, one more query out. */
    public static OuterRef of(OuterRef ref) {
        return new OuterRef(null, Objects.requireNonNull(ref, "ref"));
    }

    @Override
    public String toString() {
        return "OuterRef(" + (name != null ? name : outer) + ")";
    }
}
