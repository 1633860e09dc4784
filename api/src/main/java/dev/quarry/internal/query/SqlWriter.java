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
        this(dialect, compiler, new java.util.ArrayDeque<>());
    }

    private SqlWriter(Dialect dialect, Compiler compiler, java.util.ArrayDeque<java.util.Map<String, String>> scopes) {
        this.dialect = dialect;
        this.compiler = compiler;
        this.scopes = scopes;
    }

    /** A writer for a piece of this one's text, in the same alias scopes. */
    private SqlWriter piece() {
        return new SqlWriter(dialect, compiler, scopes);
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
        sql.append(dialect.quote(alias(table))).append('.').append(dialect.quote(field.column()));
        return this;
    }

    /**
     * The table aliases of the inner queries being written, innermost first: an inner query renames its
     * tables ({@code U1}, {@code U1_T_author}...) so that they never clash with the statement around it.
     */
    private final java.util.ArrayDeque<java.util.Map<String, String>> scopes;

    /** How {@code table} (a table name or join alias of the query being written) is called in the SQL. */
    String alias(String table) {
        java.util.Map<String, String> scope = scopes.peek();
        return scope == null ? table : scope.getOrDefault(table, table);
    }

    /** How deep inside inner queries the writer is (0: the statement itself). */
    int depth() {
        return scopes.size();
    }

    /** Writes an inner query with its own aliases. */
    void nested(java.util.Map<String, String> aliases, Runnable body) {
        scopes.push(aliases);
        try {
            body.run();
        } finally {
            scopes.pop();
        }
    }

    /** Writes {@code body} in the scope of the query around the current inner one (for correlated references). */
    void outer(Runnable body) {
        java.util.Map<String, String> inner = scopes.pop();
        try {
            body.run();
        } finally {
            scopes.push(inner);
        }
    }

    SqlWriter param(Object value) {
        if (value instanceof java.time.ZoneId zone) {   // a zone is bound by the dialect's name for it
            sql.append('?');
            params.add(dialect.timeZoneName(zone));
            return this;
        }
        if (value instanceof Object[] array) {
            sql.append(dialect.arrayPlaceholder(array.getClass()));
            params.add(value);
            return this;
        }
        sql.append('?');
        params.add(value);
        return this;
    }

    /**
     * Writes an operand where the database cannot infer the type of a bare bound value from its surroundings (a
     * SELECT column, a CASE result, a function argument): a number or a boolean there is written
     * {@code CAST(? AS type)}, so that every driver binds it as what it is (a driver that types parameters as
     * PostgreSQL infers them would otherwise see {@code text}); anything else as {@link #operand}.
     */
    SqlWriter typedOperand(Operand operand) {
        Operand bare = operand;
        while (bare instanceof Operand.Ref r) {
            bare = r.target();
        }
        if (bare instanceof Operand.Param p && p.value() != null && INFERRED_AS_TEXT.contains(p.value().getClass())) {
            sql.append(dialect.cast("?", p.value().getClass()));
            params.add(p.value());
            return this;
        }
        return operand(operand);
    }

    private static final java.util.Set<Class<?>> INFERRED_AS_TEXT = java.util.Set.of(Integer.class, Long.class,
            Short.class, Double.class, Float.class, Boolean.class, java.math.BigDecimal.class, String.class);

    /** {@link #typedOperand} rendered on its own, its parameters added here. */
    private String renderTyped(Operand operand) {
        return renderPiece(sub -> sub.typedOperand(operand));
    }

    /** Writes an operand. */
    SqlWriter operand(Operand operand) {
        switch (operand) {
            case Operand.Col c -> column(c.table(), c.field());
            case Operand.Param p -> param(p.value());
            case Operand.Output o -> sql.append(dialect.quote(alias(o.table()))).append('.').append(dialect.quote(o.name()));
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
            case Operand.Call c -> call(c);
            case Operand.Cast c -> sql.append(dialect.cast(renderTyped(c.inner()), c.type()));
            case Operand.Trunc t -> sql.append(dialect.trunc(t.kind(), render(t.inner()), t.source(), t.type()));
            case Operand.CaseWhen c -> {
                sql.append("CASE");
                for (int i = 0; i < c.conditions().size(); i++) {
                    sql.append(" WHEN ");
                    node(c.conditions().get(i), false);
                    sql.append(" THEN ");
                    typedOperand(c.results().get(i));
                }
                if (c.otherwise() != null) {
                    sql.append(" ELSE ");
                    typedOperand(c.otherwise());
                }
                sql.append(" END");
            }
            case Operand.Over o -> over(o);
            case Operand.Scalar s -> {
                sql.append('(');
                compiler.writeInner(this, s.inner());
                sql.append(')');
            }
            case Operand.Outer o -> {
                if (depth() == 0) {
                    throw new IllegalArgumentException("This queryset contains a reference to an outer query and may only "
                            + "be used in a subquery.");
                }
                outer(() -> operand(o.target()));
            }
            case Operand.Unbound u -> throw new IllegalArgumentException("This queryset contains a reference to an outer "
                    + "query (" + u.ref() + ") and may only be used in a subquery.");
        }
        return this;
    }

    /** A function call: the template when one is given, else the dialect's rendering of the name. */
    private void call(Operand.Call c) {
        if (c.window()) {
            // only reached outside an OVER clause: Django's "... is only allowed in a Window"
            throw new IllegalArgumentException("The window function " + c.function() + " must be used inside Window.of(...).");
        }
        List<String> args = new ArrayList<>(c.args().size());
        for (Operand a : c.args()) {
            args.add(renderTyped(a));
        }
        sql.append(c.template() != null ? c.template().formatted(args.toArray()) : dialect.function(c.function(), args));
    }

    private void over(Operand.Over o) {
        if (o.function() instanceof Operand.Call c && c.window()) {
            List<String> args = new ArrayList<>(c.args().size());
            for (Operand a : c.args()) {
                args.add(render(a));
            }
            sql.append(dialect.function(c.function(), args));
        } else {
            operand(o.function());
        }
        sql.append(" OVER (");
        String space = "";
        if (!o.partition().isEmpty()) {
            sql.append("PARTITION BY ");
            for (int i = 0; i < o.partition().size(); i++) {
                sql.append(i > 0 ? ", " : "");
                operand(o.partition().get(i));
            }
            space = " ";
        }
        if (!o.ordering().isEmpty()) {
            sql.append(space).append("ORDER BY ");
            for (int i = 0; i < o.ordering().size(); i++) {
                Query.Order t = o.ordering().get(i);
                sql.append(i > 0 ? ", " : "");
                operand(t.operand()).append(t.descending() ? " DESC" : " ASC");
            }
            space = " ";
        }
        if (o.frame() != null) {
            sql.append(space).append(dialect.windowFrame(o.frame().unit().name(), o.frame().start(), o.frame().end()));
        }
        sql.append(')');
    }

    /** Renders into a string, appending the parameters to this writer's (callers splice the text in order). */
    String render(Operand operand) {
        return renderPiece(sub -> sub.operand(operand));
    }

    private String renderCondition(Node node) {
        return renderPiece(sub -> sub.node(node, false));
    }

    /** What {@code write} writes into a separate piece, returned as text; its parameters are added here, in order. */
    private String renderPiece(java.util.function.Consumer<SqlWriter> write) {
        SqlWriter sub = piece();
        write.accept(sub);
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
                compiler.writeInner(this, q.inner());
                sql.append(')');
            }
            case Node.Leaf l -> leaf(l, negated);
            case Node.Exists e -> {
                sql.append("EXISTS (");
                compiler.writeInner(this, e.inner());
                sql.append(')');
            }
            case Node.Predicate p -> operand(p.value());
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
                typedOperand(leaf.lhs());
                sql.append((Boolean) leaf.rhs() ? " IS NULL" : " IS NOT NULL");
            }
            case "in" -> {
                typedOperand(leaf.lhs());
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
                typedOperand(leaf.lhs());
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
                String lhs = renderTyped(leaf.lhs());
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
