package dev.quarry.internal.query;

import dev.quarry.Aggregate;
import dev.quarry.F;
import dev.quarry.internal.meta.FieldMeta;

/** A resolved SQL value expression: columns, transforms, parameters, arithmetic, aggregates. */
public sealed interface Operand {

    /** Whether an aggregate occurs in this expression (it then belongs in HAVING and forces GROUP BY). */
    boolean containsAggregate();

    /** A column of the model's table. */
    record Col(String table, FieldMeta field) implements Operand {
        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /** A date/time part extracted from another operand ({@code year}, {@code date}...). */
    record Transform(String part, Operand inner) implements Operand {
        @Override
        public boolean containsAggregate() {
            return inner.containsAggregate();
        }
    }

    /** A bound value. */
    record Param(Object value) implements Operand {
        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /** Arithmetic between two operands. */
    record Arith(F.Operator operator, Operand left, Operand right) implements Operand {
        @Override
        public boolean containsAggregate() {
            return left.containsAggregate() || right.containsAggregate();
        }
    }

    /** An aggregate call; {@code argument} is null for COUNT(*), {@code filter} may be null. */
    record Agg(Aggregate.Function function, Operand argument, boolean distinct, Node filter) implements Operand {
        @Override
        public boolean containsAggregate() {
            return true;
        }
    }

    /** A boolean condition used as a value (an annotated Q). */
    record Condition(Node node) implements Operand {
        @Override
        public boolean containsAggregate() {
            return node.containsAggregate();
        }
    }

    /** {@code ROW_NUMBER() OVER (PARTITION BY partition ORDER BY ordering)}: a sliced prefetch's per-owner rank. */
    record RowNumber(Operand partition, java.util.List<Query.Order> ordering) implements Operand {
        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /**
     * A dialect operator on JSON or array values ({@code Dialect#typeOperator}: {@code json_path},
     * {@code array_index}...), its {@code %s} slots filled with {@code args} in order; {@code codec} reads and
     * converts what it yields.
     */
    record Func(String operator, java.util.List<Operand> args, dev.quarry.internal.meta.Codec codec) implements Operand {
        @Override
        public boolean containsAggregate() {
            return args.stream().anyMatch(Operand::containsAggregate);
        }

        /** The same operator on the same operands (array parameters compared by content; the codec follows them). */
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Func f) || !operator.equals(f.operator) || args.size() != f.args.size()) {
                return false;
            }
            for (int i = 0; i < args.size(); i++) {
                boolean same = args.get(i) instanceof Param p && f.args.get(i) instanceof Param q
                        ? java.util.Objects.deepEquals(p.value(), q.value()) : args.get(i).equals(f.args.get(i));
                if (!same) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return operator.hashCode() * 31 + args.size();
        }
    }

    /**
     * A column of a derived table by its output name ({@code "subquery"."n"}): how a query over a subquery
     * (an aggregate over annotations, a combined query's ORDER BY) reads what the inner query selected.
     */
    record Output(String table, String name, Class<?> readType) implements Operand {
        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /** A reference to an annotation by alias. */
    record Ref(String alias, Operand target) implements Operand {
        @Override
        public boolean containsAggregate() {
            return target.containsAggregate();
        }
    }

    /**
     * A function call ({@link dev.quarry.Func}): the dialect writes {@code function} over the arguments' SQL, unless a
     * template is given.
     *
     * @param window whether it is a window function (it then must be inside an {@link Over})
     */
    record Call(String function, java.util.List<Operand> args, String template, Class<?> type, boolean window)
            implements Operand {
        @Override
        public boolean containsAggregate() {
            return args.stream().anyMatch(Operand::containsAggregate);
        }
    }

    /** {@code CAST(inner AS type)}, the SQL type being the dialect's for the Java type. */
    record Cast(Operand inner, Class<?> type) implements Operand {
        @Override
        public boolean containsAggregate() {
            return inner.containsAggregate();
        }
    }

    /** A date/time truncated to {@code kind}; {@code source} is the inner value's Java type, {@code type} the result's. */
    record Trunc(String kind, Operand inner, Class<?> source, Class<?> type) implements Operand {
        @Override
        public boolean containsAggregate() {
            return inner.containsAggregate();
        }
    }

    /** {@code CASE WHEN c1 THEN r1 ... ELSE otherwise END}; {@code otherwise} may be null (NULL). */
    record CaseWhen(java.util.List<Node> conditions, java.util.List<Operand> results, Operand otherwise, Class<?> type)
            implements Operand {
        @Override
        public boolean containsAggregate() {
            return conditions.stream().anyMatch(Node::containsAggregate) || results.stream().anyMatch(Operand::containsAggregate)
                    || (otherwise != null && otherwise.containsAggregate());
        }
    }

    /**
     * {@code function OVER (PARTITION BY ... ORDER BY ... frame)}. It never groups the query, even over an aggregate.
     *
     * @param frame the frame clause's parts: unit, start, end (null: the database's default)
     */
    record Over(Operand function, java.util.List<Operand> partition, java.util.List<Query.Order> ordering,
                dev.quarry.Window.Frame frame) implements Operand {
        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /** {@code (SELECT one column ...)}: a subquery as a value. */
    record Scalar(InnerQuery inner, Class<?> type) implements Operand {
        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /** A value of the query around the inner query being written ({@link dev.quarry.OuterRef}, resolved). */
    record Outer(Operand target) implements Operand {
        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /** An {@link dev.quarry.OuterRef} not yet bound: the inner QuerySet has not been used by an outer query yet. */
    record Unbound(dev.quarry.OuterRef ref) implements Operand {
        @Override
        public boolean containsAggregate() {
            return false;
        }
    }
}
