package dev.quarry;

/**
 * Django's {@code Case(When(...), ..., default=...)}: the {@code then} of the first branch whose condition holds, else
 * the {@link CaseExpression#otherwise(Object) default} (NULL when none is given). Start with {@link #when}, add branches
 * with {@link CaseExpression#when(Expression, Object)}. A {@code String} result names a field; {@link F#value(Object)}
 * makes a string a value.
 * {@snippet :
 * clients.annotate("discount", Case.when(Q.of("accountType", "G"), F.value("5%"))
 *                                   .when(Q.of("accountType", "P"), F.value("10%"))
 *                                   .otherwise(F.value("0%"))).list();
 * clients.update(Map.of("accountType", Case.when(Q.of("registeredOn__lte", aYearAgo), F.value("P"))
 *                                          .otherwise(F.of("accountType"))));
 * }
 */
public final class Case {

    private Case() {
    }

    /** A Case of one branch: when {@code condition} (a {@link Q}, an {@link Exists}...) holds, {@code then}. */
    public static CaseExpression when(Expression condition, Object then) {
        return new CaseExpression(java.util.List.of(new When(condition, then)), null, null);
    }

    /** A Case of one branch on one lookup: Django's {@code When(lookup=value, then=then)}. */
    public static CaseExpression when(String lookup, Object value, Object then) {
        return when(Q.of(lookup, value), then);
    }

    /** A Case of the given branches (Django's {@code Case(When(...), When(...))}). */
    public static CaseExpression of(When... whens) {
        if (whens.length == 0) {
            throw new IllegalArgumentException("Case needs at least one When.");
        }
        return new CaseExpression(java.util.List.of(whens), null, null);
    }
}
