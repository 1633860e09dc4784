package dev.quarry.internal.query;

import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.spi.Dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes operands and conditions as SQL text with {@code ?} placeholders, collecting the parameters in order.
 * Identifiers come only from model metadata and are quoted by the dialect; values are always parameters.
 */
final class SqlWriter {

    private final Dialect dialect;
    private final Compiler compiler;
    final StringBuilder sql = new StringBuilder(128);
    final List<Object> params = new ArrayList<>();

    SqlWriter(Dialect dialect, Compiler compiler) {
        this.dialect = dialect;
        this.compiler = compiler;
    }

    SqlWriter append(String text) {
        sql.append(text);
        return this;
    }

    SqlWriter quote(String identifier) {
        sql.append(dialect.quote(identifier));
        return this;
    }

    SqlWriter column(String table, FieldMeta field) {
        sql.append(dialect.quote(table)).append('.').append(dialect.quote(field.column()));
        return this;
    }

    SqlWriter param(Object value) {
        if (value instanceof Object[] array) {
            sql.append(dialect.arrayPlaceholder(array.getClass()));
            params.add(value);
            return this;
        }
        sql.append('?');
        params.add(value);
        return this;
    }

    /** Writes an operand. */
    SqlWriter operand(Operand operand) {
        switch (operand) {
            case Operand.Col c -> column(c.table(), c.field());
            case Operand.Param p -> param(p.value());
            case Operand.Ref r -> operand(r.target());
            case Operand.Transform t -> {
                String inner = render(t.inner());
                sql.append(dialect.extract(t.part(), inner));
            }
            case Operand.Func f -> {
                String template = dialect.typeOperator(f.operator());
                if (template == null) {
                    throw new UnsupportedOperationException("The " + dialect.name() + " dialect has no '" + f.operator()
                            + "' operator.");
                }
                sql.append(template.formatted(f.args().stream().map(this::render).toArray()));
            }
            case Operand.Arith a when TemporalArithmetic.isDateDifference(a.operator(), a.left(), a.right()) ->
                    sql.append(dialect.typeOperator("date_difference").formatted(render(a.left()), render(a.right())));
            case Operand.Arith a -> {
                sql.append('(');
                operand(a.left());
                sql.append(' ').append(a.operator().sql()).append(' ');
                operand(a.right());
                sql.append(')');
            }
            case Operand.Agg a -> {
                String arg = a.argument() == null ? "*" : render(a.argument());
                String filter = a.filter() == null ? null : renderCondition(a.filter());
                sql.append(dialect.aggregate(a.function().name(), arg, a.distinct(), filter));
            }
            case Operand.Condition c -> {
                sql.append('(');
                node(c.node(), false);
                sql.append(')');
            }
            case Operand.RowNumber r -> {
                sql.append("ROW_NUMBER() OVER (PARTITION BY ");
                operand(r.partition());
                sql.append(" ORDER BY ");
                for (int i = 0; i < r.ordering().size(); i++) {
                    Query.Order o = r.ordering().get(i);
                    sql.append(i > 0 ? ", " : "");
                    if (o.random()) {
                        sql.append(dialect.random());
                    } else {
                        operand(o.operand()).append(o.descending() ? " DESC" : " ASC");
                    }
                }
                sql.append(')');
            }
        }
        return this;
    }

    /** Renders into a string, appending the parameters to this writer's (callers splice the text in order). */
    private String render(Operand operand) {
        SqlWriter sub = new SqlWriter(dialect, compiler);
        sub.operand(operand);
        params.addAll(sub.params);
        return sub.sql.toString();
    }

    private String renderCondition(Node node) {
        SqlWriter sub = new SqlWriter(dialect, compiler);
        sub.node(node, false);
        params.addAll(sub.params);
        return sub.sql.toString();
    }

    /** Writes the conditions ANDed. */
    SqlWriter conditions(List<Node> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                sql.append(" AND ");
            }
            boolean wrap = nodes.size() > 1 && nodes.get(i) instanceof Node.Or;
            if (wrap) {
                sql.append('(');
            }
            node(nodes.get(i), false);
            if (wrap) {
                sql.append(')');
            }
        }
        return this;
    }

    /**
     * Writes a condition. Under negation, a comparison on a nullable column also requires the column to be
     * NOT NULL, so that {@code exclude(f = x)} keeps the rows where f is NULL, as Django does.
     */
    void node(Node node, boolean negated) {
        switch (node) {
            case Node.And a -> junction(a.children(), " AND ", negated);
            case Node.Or o -> junction(o.children(), " OR ", negated);
            case Node.Not n -> {
                sql.append("NOT (");
                node(n.child(), !negated);
                sql.append(')');
            }
            case Node.Nothing x -> sql.append("1 = 0");
            case Node.InLink l -> {
                operand(l.lhs());
                sql.append(" IN (SELECT ").append(dialect.quote(l.selectColumn())).append(" FROM ")
                        .append(dialect.quote(l.table())).append(" WHERE ").append(dialect.quote(l.whereColumn())).append(" = ");
                param(l.value());
                sql.append(')');
            }
            case Node.InQuery q -> {
                operand(q.lhs());
                sql.append(" IN (");
                compiler.writePkSelect(this, q.query());
                sql.append(')');
            }
            case Node.Leaf l -> leaf(l, negated);
        }
    }

    private void junction(List<Node> children, String joiner, boolean negated) {
        if (children.isEmpty()) {
            sql.append("1 = 1");
            return;
        }
        sql.append('(');
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                sql.append(joiner);
            }
            node(children.get(i), negated);
        }
        sql.append(')');
    }

    private void leaf(Node.Leaf leaf, boolean negated) {
        Operand guarded = negated && !"isnull".equals(leaf.lookup()) ? nullGuard(leaf) : null;
        boolean guardNull = guarded != null;
        if (guardNull) {
            sql.append('(');
        }
        switch (leaf.lookup()) {
            case "isnull" -> {
                operand(leaf.lhs());
                sql.append((Boolean) leaf.rhs() ? " IS NULL" : " IS NOT NULL");
            }
            case "in" -> {
                operand(leaf.lhs());
                sql.append(" IN (");
                List<?> values = (List<?>) leaf.rhs();
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        sql.append(", ");
                    }
                    operand((Operand) values.get(i));
                }
                sql.append(')');
            }
            case "range" -> {
                List<?> bounds = (List<?>) leaf.rhs();
                operand(leaf.lhs());
                sql.append(" BETWEEN ");
                operand((Operand) bounds.get(0));
                sql.append(" AND ");
                operand((Operand) bounds.get(1));
            }
            default -> {
                String template = dialect.lookupTemplate(leaf.lookup());
                if (template == null) {
                    throw new UnsupportedOperationException("The " + dialect.name() + " dialect has no '"
                            + leaf.lookup() + "' lookup.");
                }
                String lhs = render(leaf.lhs());
                String rhs = render((Operand) leaf.rhs());
                sql.append(template.formatted(lhs, rhs));
            }
        }
        if (guardNull) {
            sql.append(" AND ");
            operand(guarded);
            sql.append(" IS NOT NULL)");
        }
    }

    /**
     * What a negated comparison also requires to be NOT NULL: a nullable left side; for a JSON or array transform,
     * its column (Django guards the column, not the key), except when comparing with the JSON null.
     */
    private static Operand nullGuard(Node.Leaf leaf) {
        if (leaf.lhs() instanceof Operand.Func f) {
            Operand root = f.args().getFirst();
            while (root instanceof Operand.Func inner) {
                root = inner.args().getFirst();
            }
            boolean jsonNull = leaf.rhs() instanceof Operand.Param p && dev.quarry.spi.JsonText.NULL.equals(p.value());
            return !jsonNull && isNullable(root) ? root : null;
        }
        return isNullable(leaf.lhs()) ? leaf.lhs() : null;
    }

    private static boolean isNullable(Operand operand) {
        return switch (operand) {
            case Operand.Col c -> c.field().nullable();
            case Operand.Transform t -> isNullable(t.inner());
            case Operand.Ref r -> true;
            default -> false;
        };
    }
}
