package dev.quarry.internal.query;

import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.spi.Dialect;
import dev.quarry.spi.Statement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a {@link Query} into SQL statements with the dialect's help (Django's {@code SQLCompiler}). */
public final class Compiler {

    private final Dialect dialect;

    /** @param dialect the grammar to write */
    public Compiler(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The dialect in use. */
    public Dialect dialect() {
        return dialect;
    }

    /** {@code SELECT cols FROM t WHERE ... GROUP BY ... HAVING ... ORDER BY ... LIMIT ... FOR UPDATE}. */
    public Statement select(Query q, List<Selected> columns) {
        SqlWriter w = new SqlWriter(dialect, this);
        writeSelect(w, q, columns, q.effectiveOrdering(), q.low(), q.high(), true);
        return new Statement(w.sql.toString(), w.params);
    }

    /** The same select with a different ordering and slice (first/last/latest/get). */
    public Statement select(Query q, List<Selected> columns, List<Query.Order> ordering, long low, long high) {
        SqlWriter w = new SqlWriter(dialect, this);
        writeSelect(w, q, columns, ordering, low, high, true);
        return new Statement(w.sql.toString(), w.params);
    }

    private void writeSelect(SqlWriter w, Query q, List<Selected> columns, List<Query.Order> ordering, long low,
                             long high, boolean lock) {
        w.append("SELECT ");
        if (q.distinct()) {
            w.append("DISTINCT ");
        }
        for (int i = 0; i < columns.size(); i++) {
            Selected s = columns.get(i);
            if (i > 0) {
                w.append(", ");
            }
            w.operand(s.operand());
            if (!(s.operand() instanceof Operand.Col)) {
                w.append(" AS ").quote(s.key());
            }
        }
        from(w, q);
        where(w, q.where());
        groupBy(w, q, columns);
        if (!q.having().isEmpty()) {
            w.append(" HAVING ").conditions(q.having());
        }
        orderBy(w, ordering);
        w.append(dialect.limitOffset(high >= 0 ? high - low : -1, low));
        if (lock && q.lock() != null) {
            w.append(dialect.forUpdate(q.lock().nowait(), q.lock().skipLocked(), false));
        }
    }

    private void from(SqlWriter w, Query q) {
        w.append(" FROM ").quote(q.model().table());
        for (Join j : q.joins().values()) {
            w.append(" LEFT OUTER JOIN ").quote(j.table()).append(" ").quote(j.alias()).append(" ON ")
                    .quote(j.alias()).append(".").quote(j.column()).append(" = ")
                    .quote(j.parentAlias()).append(".").quote(j.parentColumn());
        }
    }

    /** {@code SELECT root.pk FROM root JOIN ... WHERE ...}, for IN subqueries. */
    void writePkSelect(SqlWriter w, Query q) {
        w.append("SELECT ").column(q.model().table(), q.model().pk());
        from(w, q);
        where(w, q.where());
    }

    /** WHERE for UPDATE/DELETE: conditions on joined tables go through {@code pk IN (SELECT ...)}. */
    private void writeWhere(SqlWriter w, Query q) {
        if (q.joins().isEmpty()) {
            where(w, q.where());
            return;
        }
        w.append(" WHERE ").quote(q.model().pk().column()).append(" IN (");
        writePkSelect(w, q);
        w.append(")");
    }

    private void where(SqlWriter w, List<Node> where) {
        if (!where.isEmpty()) {
            w.append(" WHERE ").conditions(where);
        }
    }

    private void groupBy(SqlWriter w, Query q, List<Selected> columns) {
        if (!q.isGrouped()) {
            return;
        }
        Set<Operand.Col> groups = new LinkedHashSet<>();
        for (Selected s : columns) {
            if (!s.operand().containsAggregate()) {
                collectColumns(s.operand(), groups);
            }
        }
        for (Query.Order o : q.effectiveOrdering()) {
            if (!o.random() && !o.operand().containsAggregate()) {
                collectColumns(o.operand(), groups);
            }
        }
        if (groups.isEmpty()) {
            return;
        }
        w.append(" GROUP BY ");
        int i = 0;
        for (Operand.Col c : groups) {
            w.append(i++ > 0 ? ", " : "").column(c.table(), c.field());
        }
    }

    private static void collectColumns(Operand operand, Set<Operand.Col> out) {
        switch (operand) {
            case Operand.Col c -> out.add(c);
            case Operand.Transform t -> collectColumns(t.inner(), out);
            case Operand.Arith a -> {
                collectColumns(a.left(), out);
                collectColumns(a.right(), out);
            }
            case Operand.Ref r -> collectColumns(r.target(), out);
            case Operand.Func f -> f.args().forEach(a -> collectColumns(a, out));
            case Operand.Condition c -> collectNode(c.node(), out);
            case Operand.Param p -> { }
            case Operand.Agg a -> { }
            case Operand.RowNumber r -> { }
        }
    }

    private static void collectNode(Node node, Set<Operand.Col> out) {
        switch (node) {
            case Node.And a -> a.children().forEach(c -> collectNode(c, out));
            case Node.Or o -> o.children().forEach(c -> collectNode(c, out));
            case Node.Not n -> collectNode(n.child(), out);
            case Node.Leaf l -> collectColumns(l.lhs(), out);
            case Node.Nothing x -> { }
            case Node.InQuery q -> collectColumns(q.lhs(), out);
            case Node.InLink l -> collectColumns(l.lhs(), out);
        }
    }

    private void orderBy(SqlWriter w, List<Query.Order> ordering) {
        if (ordering.isEmpty()) {
            return;
        }
        w.append(" ORDER BY ");
        for (int i = 0; i < ordering.size(); i++) {
            Query.Order o = ordering.get(i);
            if (i > 0) {
                w.append(", ");
            }
            if (o.random()) {
                w.append(dialect.random());
            } else {
                w.operand(o.operand()).append(o.descending() ? " DESC" : " ASC");
            }
        }
    }

    /**
     * A slice per partition: {@code SELECT * FROM (SELECT cols, ROW_NUMBER() OVER (PARTITION BY partition
     * ORDER BY ...) AS rank ...) WHERE rank in (low, high]} — Django's sliced Prefetch querysets. The rank is
     * the last column, after {@code columns}.
     */
    public Statement selectPartitioned(Query q, List<Selected> columns, Operand partition) {
        List<Query.Order> ordering = q.isOrdered() ? q.effectiveOrdering()
                : List.of(new Query.Order(new Operand.Col(q.model().table(), q.model().pk()), false));
        List<Selected> ranked = new ArrayList<>(columns);
        ranked.add(new Selected("quarry_rank", new Operand.RowNumber(partition, ordering), Long.class, null));
        SqlWriter w = new SqlWriter(dialect, this);
        w.append("SELECT * FROM (");
        writeSelect(w, q, ranked, List.of(), 0, -1, false);
        w.append(") ").quote("quarry_partitioned").append(" WHERE ").quote("quarry_rank").append(" > " + q.low());
        if (q.high() >= 0) {
            w.append(" AND ").quote("quarry_rank").append(" <= " + q.high());
        }
        w.append(" ORDER BY ").quote("quarry_rank");
        return new Statement(w.sql.toString(), w.params);
    }

    /** {@code SELECT COUNT(*)}, over a subquery when the query is distinct, sliced or grouped. */
    public Statement count(Query q, List<Selected> columnsForSubquery) {
        SqlWriter w = new SqlWriter(dialect, this);
        if (q.distinct() || q.isSliced() || q.isGrouped()) {
            w.append("SELECT COUNT(*) FROM (");
            writeSelect(w, q, columnsForSubquery, q.isSliced() ? q.effectiveOrdering() : List.of(), q.low(), q.high(), false);
            w.append(") ").quote("subquery");
        } else {
            w.append("SELECT COUNT(*)");
            from(w, q);
            where(w, q.where());
        }
        return new Statement(w.sql.toString(), w.params);
    }

    /** {@code SELECT 1 ... LIMIT 1}. */
    public Statement exists(Query q, List<Selected> columnsForSubquery) {
        SqlWriter w = new SqlWriter(dialect, this);
        if (q.distinct() || q.isSliced() || q.isGrouped()) {
            w.append("SELECT 1 FROM (");
            writeSelect(w, q, columnsForSubquery, q.isSliced() ? q.effectiveOrdering() : List.of(), q.low(), q.high(), false);
            w.append(") ").quote("subquery").append(dialect.limitOffset(1, 0));
        } else {
            w.append("SELECT 1");
            from(w, q);
            where(w, q.where());
            w.append(dialect.limitOffset(1, 0));
        }
        return new Statement(w.sql.toString(), w.params);
    }

    /** {@code SELECT agg AS alias, ...}, over a subquery when the query is distinct, sliced or grouped. */
    public Statement aggregate(Query q, Map<String, Operand> aggregates, List<Selected> columnsForSubquery) {
        SqlWriter w = new SqlWriter(dialect, this);
        boolean sub = q.distinct() || q.isSliced() || q.isGrouped();
        w.append("SELECT ");
        int i = 0;
        for (Map.Entry<String, Operand> e : aggregates.entrySet()) {
            w.append(i++ > 0 ? ", " : "");
            w.operand(sub ? retable(e.getValue(), "subquery") : e.getValue()).append(" AS ").quote(e.getKey());
        }
        if (sub) {
            w.append(" FROM (");
            writeSelect(w, q, columnsForSubquery, q.isSliced() ? q.effectiveOrdering() : List.of(), q.low(), q.high(), false);
            w.append(") ").quote("subquery");
        } else {
            from(w, q);
            where(w, q.where());
        }
        return new Statement(w.sql.toString(), w.params);
    }

    /** Points columns at a subquery's output (whose columns keep their names). */
    private static Operand retable(Operand operand, String table) {
        return switch (operand) {
            case Operand.Col c -> new Operand.Col(table, c.field());
            case Operand.Transform t -> new Operand.Transform(t.part(), retable(t.inner(), table));
            case Operand.Arith a -> new Operand.Arith(a.operator(), retable(a.left(), table), retable(a.right(), table));
            case Operand.Agg a -> new Operand.Agg(a.function(), a.argument() == null ? null : retable(a.argument(), table),
                    a.distinct(), a.filter() == null ? null : retable(a.filter(), table));
            case Operand.Condition c -> new Operand.Condition(retable(c.node(), table));
            case Operand.Ref r -> new Operand.Ref(r.alias(), retable(r.target(), table));
            case Operand.Param p -> p;
            case Operand.RowNumber r -> r;
            case Operand.Func f -> new Operand.Func(f.operator(), f.args().stream().map(a -> retable(a, table)).toList(), f.codec());
        };
    }

    private static Node retable(Node node, String table) {
        return switch (node) {
            case Node.And a -> new Node.And(a.children().stream().map(c -> retable(c, table)).toList());
            case Node.Or o -> new Node.Or(o.children().stream().map(c -> retable(c, table)).toList());
            case Node.Not n -> new Node.Not(retable(n.child(), table));
            case Node.Nothing x -> x;
            case Node.InQuery q -> new Node.InQuery((Operand.Col) retable(q.lhs(), table), q.query());
            case Node.InLink l -> new Node.InLink((Operand.Col) retable(l.lhs(), table), l.table(), l.selectColumn(),
                    l.whereColumn(), l.value());
            case Node.Leaf l -> new Node.Leaf(retable(l.lhs(), table), l.lookup(), l.rhs() instanceof Operand o
                    ? retable(o, table) : l.rhs() instanceof List<?> list
                    ? list.stream().map(v -> (Object) retable((Operand) v, table)).toList() : l.rhs());
        };
    }

    /** {@code UPDATE t SET c = ... WHERE ...}. */
    public Statement update(Query q, Map<FieldMeta, Operand> values) {
        SqlWriter w = new SqlWriter(dialect, this);
        w.append("UPDATE ").quote(q.model().table()).append(" SET ");
        int i = 0;
        for (Map.Entry<FieldMeta, Operand> e : values.entrySet()) {
            w.append(i++ > 0 ? ", " : "").quote(e.getKey().column()).append(" = ").operand(e.getValue());
        }
        writeWhere(w, q);
        return new Statement(w.sql.toString(), w.params);
    }

    /** {@code DELETE FROM t WHERE ...}. */
    public Statement delete(Query q) {
        SqlWriter w = new SqlWriter(dialect, this);
        w.append("DELETE FROM ").quote(q.model().table());
        writeWhere(w, q);
        return new Statement(w.sql.toString(), w.params);
    }

    /**
     * A multi-row INSERT. {@code rows} hold one bound value per column; a {@code null} column list inserts
     * defaults only.
     *
     * @param conflict   the dialect's conflict clause, or an empty string
     * @param returning  the columns to return (usually the pk), may be empty
     */
    public Statement insert(ModelMeta<?> model, List<FieldMeta> columns, List<List<Object>> rows, String conflict,
                            List<FieldMeta> returning) {
        SqlWriter w = new SqlWriter(dialect, this);
        w.append("INSERT INTO ").quote(model.table()).append(" (");
        List<FieldMeta> cols = columns.isEmpty() ? List.of(model.pk()) : columns;
        for (int i = 0; i < cols.size(); i++) {
            w.append(i > 0 ? ", " : "").quote(cols.get(i).column());
        }
        w.append(") VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            w.append(r > 0 ? ", (" : "(");
            if (columns.isEmpty()) {
                w.append("DEFAULT");
            } else {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    w.append(c > 0 ? ", " : "").param(row.get(c));
                }
            }
            w.append(")");
        }
        w.append(conflict);
        if (!returning.isEmpty()) {
            List<String> quoted = new ArrayList<>();
            returning.forEach(f -> quoted.add(dialect.quote(f.column())));
            w.append(dialect.returning(quoted));
        }
        return new Statement(w.sql.toString(), w.params);
    }
}
