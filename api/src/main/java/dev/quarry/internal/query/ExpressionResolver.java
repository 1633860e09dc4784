package dev.quarry.internal.query;

import dev.quarry.Aggregate;
import dev.quarry.CaseExpression;
import dev.quarry.Exists;
import dev.quarry.Expression;
import dev.quarry.FieldException;
import dev.quarry.Func;
import dev.quarry.Functions;
import dev.quarry.OuterRef;
import dev.quarry.Subquery;
import dev.quarry.ValueException;
import dev.quarry.When;
import dev.quarry.Window;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Resolves the open part of the expression tree (functions, Case, Window, Subquery, Exists, OuterRef) against a
 * query, as Django's {@code resolve_expression}: names are checked through the {@link Resolver}, values become bound
 * parameters, and every result gets its output type (Django's {@code output_field}), inferred where Django infers it.
 */
final class ExpressionResolver {

    /** Functions whose result is a double, or a decimal when an argument is one (Django's NumericOutputFieldMixin). */
    private static final Set<String> NUMERIC_OUTPUT = Set.of("MOD", "POWER", "SQRT", "EXP", "LN", "LOG", "ATAN2", "PI",
            "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN", "COT", "DEGREES", "RADIANS");

    private static final Set<Class<?>> INTEGRAL = Set.of(Short.class, Integer.class, Long.class);

    private final Resolver resolver;

    ExpressionResolver(Resolver resolver) {
        this.resolver = resolver;
    }

    Operand resolve(Expression e) {
        return switch (e) {
            case Func f -> call(f);
            case Functions.Cast c -> new Operand.Cast(resolver.argument(c.expression()), c.javaType());
            case Functions.Trunc t -> trunc(t);
            case Functions.Extract x -> extract(x);
            case CaseExpression c -> caseWhen(c);
            case Window w -> over(w);
            case Subquery s -> scalar(s);
            case Exists x -> {
                Node exists = new Node.Exists(inner(x.queryset(), false));
                yield new Operand.Condition(x.negated() ? new Node.Not(exists) : exists);
            }
            case OuterRef o -> new Operand.Unbound(o);
            default -> throw new IllegalArgumentException("Unsupported expression " + e.getClass().getName()
                    + "; use F, Q, Aggregate, Func, Functions, Case, Window, Subquery, Exists or OuterRef.");
        };
    }

    private Operand.Call call(Func f) {
        List<Operand> args = new ArrayList<>(f.arguments().size());
        for (Object a : f.arguments()) {
            args.add(resolver.argument(a));
        }
        Class<?> type = f.outputType();
        if (type == null) {
            type = NUMERIC_OUTPUT.contains(f.function()) ? numeric(args) : common(f, args);
        }
        return new Operand.Call(f.function(), List.copyOf(args), f.template(), type, f.isWindowFunction());
    }

    private static Class<?> numeric(List<Operand> args) {
        for (Operand a : args) {
            if (ReadTypes.of(a) == BigDecimal.class) {
                return BigDecimal.class;
            }
        }
        return Double.class;
    }

    /**
     * The type the arguments share, as Django's {@code _resolve_output_field}: fields and expressions must agree
     * (whole numbers widen to the widest), bound values follow them, and a mix is an error naming the types.
     */
    private static Class<?> common(Object what, List<Operand> args) {
        Class<?> found = null;
        Class<?> fromValue = null;
        for (Operand a : args) {
            Class<?> t = ReadTypes.of(a);
            if (t == Object.class) {
                continue;
            }
            if (a instanceof Operand.Param) {
                fromValue = fromValue == null ? t : fromValue;
                continue;
            }
            if (found == null || found == t) {
                found = t;
            } else if (INTEGRAL.contains(found) && INTEGRAL.contains(t)) {
                found = found == Long.class || t == Long.class ? Long.class : Integer.class;
            } else {
                throw new FieldException("Expression contains mixed types: " + found.getSimpleName() + ", "
                        + t.getSimpleName() + ". You must set output_field (outputType) on " + what + ".");
            }
        }
        return found != null ? found : fromValue != null ? fromValue : Object.class;
    }

    private Operand trunc(Functions.Trunc t) {
        Operand inner = resolver.argument(t.expression());
        Class<?> source = ReadTypes.of(inner);
        String name = String.valueOf(t.expression());
        boolean timeKind = Set.of("hour", "minute", "second").contains(t.kind());
        if (source == LocalDate.class && timeKind) {
            throw new IllegalArgumentException("Cannot truncate DateField '" + name + "' to DateTimeField");
        }
        if (source == LocalTime.class && !timeKind) {
            throw new IllegalArgumentException("Cannot truncate TimeField '" + name + "' to "
                    + (t.outputType() == LocalDate.class ? "DateField" : "DateTimeField"));
        }
        if (!isTemporal(source) && source != Object.class) {
            throw new IllegalArgumentException("'" + name + "' isn't a DateField, TimeField, or DateTimeField.");
        }
        Class<?> target = t.outputType() != null ? t.outputType() : source;
        if (target == LocalDate.class && timeKind) {
            throw new IllegalArgumentException("Cannot truncate DateTimeField '" + name + "' to DateField");
        }
        return new Operand.Trunc(t.kind(), inner, source, target);
    }

    private Operand extract(Functions.Extract x) {
        Operand inner = resolver.argument(x.expression());
        Class<?> source = ReadTypes.of(inner);
        if (source != Object.class) {
            if (!isTemporal(source)) {
                throw new IllegalArgumentException("Extract input expression must be DateField, DateTimeField, TimeField, "
                        + "or DurationField.");
            }
            Lookups.checkTransform(x.kind(), String.valueOf(x.expression()), source);
        }
        return new Operand.Transform(x.kind(), inner);
    }

    private static boolean isTemporal(Class<?> t) {
        return t == LocalDate.class || t == LocalTime.class || t == LocalDateTime.class || t == OffsetDateTime.class
                || t == Instant.class || t == ZonedDateTime.class || t == java.util.Date.class;
    }

    private Operand caseWhen(CaseExpression c) {
        List<Node> conditions = new ArrayList<>();
        List<Operand> results = new ArrayList<>();
        for (When w : c.whens()) {
            conditions.add(resolver.condition(w.condition()));
            results.add(w.then() == null ? new Operand.Param(null) : resolver.argument(w.then()));
        }
        Operand otherwise = c.otherwise() == null ? null : resolver.argument(c.otherwise());
        Class<?> type = c.outputType();
        if (type == null) {
            List<Operand> all = new ArrayList<>(results);
            if (otherwise != null) {
                all.add(otherwise);
            }
            type = Object.class;
            for (Operand r : all) {
                Class<?> t = ReadTypes.of(r);
                if (t != Object.class) {
                    type = t;
                    break;
                }
            }
        }
        return new Operand.CaseWhen(List.copyOf(conditions), List.copyOf(results), otherwise, type);
    }

    private Operand over(Window w) {
        Operand function = resolver.expression(w.function());
        List<Operand> partition = new ArrayList<>();
        for (Object p : w.partitions()) {
            partition.add(resolver.argument(p));
        }
        List<Query.Order> ordering = new ArrayList<>();
        for (String term : w.ordering()) {
            boolean desc = term.startsWith("-");
            ordering.add(new Query.Order(resolver.fieldOperand(desc ? term.substring(1) : term), desc));
        }
        return new Operand.Over(function, List.copyOf(partition), List.copyOf(ordering), w.frame());
    }

    private Operand scalar(Subquery s) {
        InnerQuery inner = inner(s.queryset(), true);
        Class<?> type = s.outputType() != null ? s.outputType() : inner.columns().get(0).readType();
        return new Operand.Scalar(inner, type);
    }

    /**
     * The complete inner query of a QuerySet used by this one, its {@link OuterRef}s bound to this query. A value
     * subquery selects one column (a model QuerySet its pk).
     */
    private InnerQuery inner(dev.quarry.QuerySet<?> queryset, boolean oneColumn) {
        if (!(queryset instanceof QuerySource source)) {
            throw new IllegalArgumentException("Not a Quarry QuerySet: " + queryset.getClass().getName());
        }
        Query bound = OuterBinder.bind(source.sourceQuery(), resolver);
        Shape<?> shape = source.sourceShape();
        if (shape.isModel()) {
            return InnerQuery.pks(bound);
        }
        List<Selected> columns = shape.columns(bound);
        if (oneColumn && columns.size() != 1) {
            throw new ValueException("A Subquery must select exactly one column, this one selects " + columns.size()
                    + " (use values(\"field\") or valuesListFlat).");
        }
        return new InnerQuery(bound, columns);
    }
}
