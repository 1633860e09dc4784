package dev.quarry;

import java.util.Objects;

/**
 * One branch of a {@link Case}: when {@code condition} holds, the value is {@code then}. Django's {@code When}.
 *
 * @param condition a {@link Q} or another boolean expression ({@link Exists}, a boolean {@link F})
 * @param then      a field name, an expression or a bound value, as any function argument
 */
public record When(Expression condition, Object then) {

    /** Checks that there is a condition. */
    public When {
        Objects.requireNonNull(condition, "condition");
        if (condition instanceof Q q && q.isEmpty()) {
            throw new IllegalArgumentException("An empty Q() can't be used as a When() condition.");
        }
    }

    /** {@code When(lookup=value, then=then)}. */
    public static When of(String lookup, Object value, Object then) {
        return new When(Q.of(lookup, value), then);
    }
}
