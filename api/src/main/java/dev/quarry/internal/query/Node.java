package dev.quarry.internal.query;

import java.util.List;

/** A resolved condition tree: Django's WhereNode with its lookups already checked against the model. */
public sealed interface Node {

    /** Whether an aggregate occurs in the condition (it then belongs in HAVING). */
    boolean containsAggregate();

    /** Every child holds. */
    record And(List<Node> children) implements Node {
        @Override
        public boolean containsAggregate() {
            return children.stream().anyMatch(Node::containsAggregate);
        }
    }

    /** At least one child holds. */
    record Or(List<Node> children) implements Node {
        @Override
        public boolean containsAggregate() {
            return children.stream().anyMatch(Node::containsAggregate);
        }
    }

    /** The child does not hold (Django's exclude / ~Q). */
    record Not(Node child) implements Node {
        @Override
        public boolean containsAggregate() {
            return child.containsAggregate();
        }
    }

    /**
     * One lookup: {@code lhs <lookup> rhs}. {@code rhs} is an {@link Operand} for comparisons, a
     * {@code List<Operand>} for {@code in} and {@code range}, a {@code Boolean} for {@code isnull}.
     */
    record Leaf(Operand lhs, String lookup, Object rhs) implements Node {
        @Override
        public boolean containsAggregate() {
            return lhs.containsAggregate() || (rhs instanceof Operand o && o.containsAggregate());
        }
    }

    /**
     * {@code lhs IN (SELECT ...)} over a complete inner query: a QuerySet as an {@code __in} value, and how
     * exclude() treats a condition on a multi-valued relation (a row is excluded when ANY related row matches,
     * as in Django).
     */
    record InQuery(Operand lhs, InnerQuery inner) implements Node {
        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /**
     * {@code lhs IN (SELECT select FROM table WHERE whereColumn = ?)}: the rows linked to one owner through a
     * many-to-many link table (a related manager's restriction).
     */
    record InLink(Operand.Col lhs, String table, String selectColumn, String whereColumn, Object value) implements Node {
        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /** Matches nothing (an empty {@code in}). */
    record Nothing() implements Node {
        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /** {@code EXISTS (SELECT ...)} over a complete inner query. */
    record Exists(InnerQuery inner) implements Node {
        @Override
        public boolean containsAggregate() {
            return false;
        }
    }

    /** A boolean value used as a condition: {@code filter(Expression)} with a Case, a boolean function or field. */
    record Predicate(Operand value) implements Node {
        @Override
        public boolean containsAggregate() {
            return value.containsAggregate();
        }
    }
}
