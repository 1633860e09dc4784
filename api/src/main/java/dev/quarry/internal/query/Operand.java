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
    }

    /** A reference to an annotation by alias. */
    record Ref(String alias, Operand target) implements Operand {
        @Override
        public boolean containsAggregate() {
            return target.containsAggregate();
        }
    }
}
