package dev.quarry.internal.query;

import dev.quarry.Aggregate;
import dev.quarry.internal.meta.FieldMeta;

import java.math.BigDecimal;
import java.math.BigInteger;

/** What type to read a computed value as: Django's {@code output_field} resolution, in Java types. */
public final class ReadTypes {

    private ReadTypes() {
    }

    /** The type an operand's value is read as. */
    public static Class<?> of(Operand operand) {
        return switch (operand) {
            case Operand.Col c -> c.field().codec().dbType();
            case Operand.Transform t -> Lookups.transformType(t.part());
            case Operand.Param p -> Object.class;
            case Operand.Ref r -> of(r.target());
            case Operand.Condition c -> Boolean.class;
            case Operand.Arith a -> arithmetic(of(a.left()), of(a.right()));
            case Operand.Agg a -> aggregate(a);
            case Operand.RowNumber r -> Long.class;
        };
    }

    private static Class<?> aggregate(Operand.Agg a) {
        if (a.function() == Aggregate.Function.COUNT) {
            return Long.class;
        }
        Class<?> arg = a.argument() == null ? Object.class : of(a.argument());
        return switch (a.function()) {
            case AVG -> arg == BigDecimal.class || arg == BigInteger.class ? BigDecimal.class : Double.class;
            case SUM -> isIntegral(arg) ? Long.class : arg == Float.class || arg == Double.class ? Double.class
                    : arg == Object.class ? Object.class : BigDecimal.class;
            default -> arg;
        };
    }

    private static Class<?> arithmetic(Class<?> left, Class<?> right) {
        if (left == Object.class) {
            return right == Object.class ? Object.class : widenWithUnknown(right);
        }
        if (right == Object.class) {
            return widenWithUnknown(left);
        }
        if (isIntegral(left) && isIntegral(right)) {
            return Long.class;
        }
        if (left == BigDecimal.class || right == BigDecimal.class) {
            return BigDecimal.class;
        }
        if (isNumeric(left) && isNumeric(right)) {
            return Double.class;
        }
        return Object.class;
    }

    /** A field combined with a bound value keeps the field's kind, widened (views + 1 → Long). */
    private static Class<?> widenWithUnknown(Class<?> known) {
        if (isIntegral(known)) {
            return Long.class;
        }
        return isNumeric(known) ? known : Object.class;
    }

    private static boolean isIntegral(Class<?> t) {
        return t == Integer.class || t == Long.class || t == Short.class;
    }

    private static boolean isNumeric(Class<?> t) {
        return isIntegral(t) || t == Double.class || t == Float.class || t == BigDecimal.class;
    }

    /**
     * Whether values of {@code t} can be summed, averaged or used in arithmetic: numbers, durations, date-times,
     * and an unknown type (a bound value, a transform), which the database judges. Text and booleans cannot.
     */
    static boolean isArithmetic(Class<?> t) {
        return t != String.class && t != Boolean.class && t != Character.class && !t.isEnum()
                && t != java.util.UUID.class && t != byte[].class;
    }

    /** Converts a value read as {@code readType} for {@code field}, when one receives it. */
    public static Object forField(FieldMeta field, Object value) {
        if (value == null || field == null) {
            return value;
        }
        return field.codec().fromDb(field.codec().toDb(value));
    }
}
