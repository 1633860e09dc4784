package dev.quarry;

import java.util.Objects;

/**
 * A reference to a field's value in the database, and arithmetic on it, as Django's {@code F}. Immutable.
 * {@snippet :
 * articles.filter("id", id).update(Map.of("views", F.of("views").plus(1)));   // no lost updates
 * articles.filter("likes__gt", F.of("views").div(2)).count();
 * }
 */
public final class F implements Expression {

    /** The arithmetic operators. */
    public enum Operator {
        /** + */ PLUS("+"),
        /** - */ MINUS("-"),
        /** * */ TIMES("*"),
        /** / */ DIV("/");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        /** The SQL operator. */
        public String sql() {
            return sql;
        }
    }

    private final String field;
    private final Object value;
    private final boolean literal;
    private final Operator operator;
    private final F left;
    private final F right;

    private F(String field, Object value, boolean literal, Operator operator, F left, F right) {
        this.field = field;
        this.value = value;
        this.literal = literal;
        this.operator = operator;
        this.left = left;
        this.right = right;
    }

    /** The value of field {@code name} (may cross relations with {@code __}). */
    public static F of(String name) {
        Objects.requireNonNull(name, "name");
        return new F(name, null, false, null, null, null);
    }

    /** A constant, bound as a parameter: Django's {@code Value(x)}. */
    public static F value(Object value) {
        return new F(null, value, true, null, null, null);
    }

    /** {@code this + other}; {@code other} is a number, another {@code F}, or any value. */
    public F plus(Object other) {
        return combine(Operator.PLUS, other);
    }

    /** {@code this - other}. */
    public F minus(Object other) {
        return combine(Operator.MINUS, other);
    }

    /** {@code this * other}. */
    public F times(Object other) {
        return combine(Operator.TIMES, other);
    }

    /** {@code this / other}. */
    public F div(Object other) {
        return combine(Operator.DIV, other);
    }

    private F combine(Operator op, Object other) {
        F rhs = other instanceof F f ? f : value(other);
        return new F(null, null, false, op, this, rhs);
    }

    /** The field name when this is a plain field reference, else {@code null}. */
    public String field() {
        return field;
    }

    /** Whether this is a constant ({@link #value(Object)}). */
    public boolean isValue() {
        return literal;
    }

    /** The constant of a {@link #value(Object)}. */
    public Object value() {
        return value;
    }

    /** The operator of a combination, else {@code null}. */
    public Operator operator() {
        return operator;
    }

    /** The left operand of a combination. */
    public F left() {
        return left;
    }

    /** The right operand of a combination. */
    public F right() {
        return right;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof F f && literal == f.literal && Objects.equals(field, f.field) && Objects.equals(value, f.value)
                && operator == f.operator && Objects.equals(left, f.left) && Objects.equals(right, f.right);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, value, literal, operator, left, right);
    }

    @Override
    public String toString() {
        if (field != null) {
            return "F(" + field + ")";
        }
        if (literal) {
            return "Value(" + value + ")";
        }
        return "(" + left + " " + operator.sql() + " " + right + ")";
    }
}
