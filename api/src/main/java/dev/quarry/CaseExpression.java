package dev.quarry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Case#when} and {@link Case#of} build: a conditional value: the {@code then} of the first {@link When} whose condition holds, else the
 * {@link #otherwise(Object) default} (NULL when none is given). Django's {@code Case}. Usable in annotations, filters,
 * aggregates and as an {@code update} value (Django's {@code Case} instance). A {@code String} result names a field; {@link F#value(Object)} makes a
 * string a value. Immutable.
 * {@snippet :
 * clients.annotate("discount", Case.when(Q.of("accountType", "G"), F.value("5%"))
 *                                   .when(Q.of("accountType", "P"), F.value("10%"))
 *                                   .otherwise(F.value("0%"))).list();
 * clients.update(Map.of("accountType", Case.when(Q.of("registeredOn__lte", aYearAgo), F.value("P"))
 *                                          .otherwise(F.of("accountType"))));
 * }
 */
public final class CaseExpression implements Expression {

    private final List<When> whens;
    private final Object otherwise;
    private final Class<?> outputType;

    CaseExpression(List<When> whens, Object otherwise, Class<?> outputType) {
        this.whens = whens;
        this.otherwise = otherwise;
        this.outputType = outputType;
    }

    /** This Case with one more branch. */
    public CaseExpression when(When when) {
        List<When> more = new ArrayList<>(whens);
        more.add(Objects.requireNonNull(when, "when"));
        return new CaseExpression(List.copyOf(more), otherwise, outputType);
    }

    /** This Case with one more branch. */
    public CaseExpression when(Expression condition, Object then) {
        return when(new When(condition, then));
    }

    /** The value when no branch holds (Django's {@code default=}). */
    public CaseExpression otherwise(Object value) {
        return new CaseExpression(whens, value, outputType);
    }

    /** The same Case read as {@code type} (Django's {@code output_field}). */
    public CaseExpression outputType(Class<?> type) {
        return new CaseExpression(whens, otherwise, Objects.requireNonNull(type, "type"));
    }

    /** The branches in order. */
    public List<When> whens() {
        return whens;
    }

    /** The default, or {@code null} for NULL. */
    public Object otherwise() {
        return otherwise;
    }

    /** The declared output type, or {@code null} to infer it from the branches. */
    public Class<?> outputType() {
        return outputType;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseExpression c && c.whens.equals(whens) && Objects.equals(c.otherwise, otherwise)
                && Objects.equals(c.outputType, outputType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(whens, otherwise, outputType);
    }

    @Override
    public String toString() {
        return "Case(" + whens + ", default=" + otherwise + ")";
    }
}
