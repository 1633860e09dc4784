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

    /** The select, explained by the database in {@code format} ({@code null}: its default text). */
    public Statement explain(Query q, List<Selected> columns, String format) {
        SqlWriter w = new SqlWriter(dialect, this);
        w.append(dialect.explain(format));
        writeSelect(w, q, columns, q.effectiveOrdering(), q.low(), q.high(), true);
        return new Statement(w.sql.toString(), w.params);
    }

    /** The same select with a different ordering and slice (first/last/latest/get). */
    public Statement select(Query q, List<Selected> columns, List<Query.Order> ordering, long low, long high) {
        SqlWriter w = new SqlWriter(dialect, this);
        writeSelect(w, q, columns, ordering, low, high, true);
        return new Statement(w.sql.toString(), w.params);
    }

    void writeSelect(SqlWriter w, Query q, List<Selected> columns, List<Query.Order> ordering, long low,
                     long high, boolean lock) {
        if (q.combined() != null) {
            new CombinedWriter(this, dialect).write(w, q.combined(), ordering, low, high);
            return;
        }
        if (!q.qualify().isEmpty()) {
            Qualify.write(this, w, q, columns, ordering, low, high);
            return;
        }
        writePlainSelect(w, q, columns, ordering, low, high, lock);
    }

    /** The SELECT itself, without the outer query that conditions on window functions need. */
    void writePlainSelect(SqlWriter w, Query q, List<Selected> columns, List<Query.Order> ordering, long low,
                          long high, boolean lock) {
        w.append("SELECT ");
        if (!q.distinctFields().isEmpty()) {
            if (q.isGrouped()) {
                throw new UnsupportedOperationException("annotate() + distinct(fields) is not implemented.");
            }
            w.append(dialect.distinctOn(q.distinctFields().stream().map(w::render).toList()));
        } else if (q.distinct()) {
            w.append("DISTINCT ");
        }
        for (int i = 0; i < columns.size(); i++) {
            Selected s = columns.get(i);
            if (i > 0) {
                w.append(", ");
            }
            w.typedOperand(s.operand());
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
        orderBy(w, ordering, q.isGrouped() ? columns : List.of());
        w.append(dialect.limitOffset(high >= 0 ? high - low : -1, low));
        if (lock && q.lock() != null) {
            Query.Lock l = q.lock();
            w.append(dialect.forUpdate(l.nowait(), l.skipLocked(), l.noKey(), lockedTables(w, q, l.of())));
        }
    }

    /**
     * The quoted aliases of {@code select_for_update(of=...)}: {@code "self"} is the model's table, other names
     * must be selectRelated paths of the query, as in Django.
     */
    private List<String> lockedTables(SqlWriter w, Query q, List<String> of) {
        List<String> out = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (String name : of) {
            if ("self".equals(name)) {
                out.add(dialect.quote(w.alias(q.model().table())));
            } else if (q.selectRelated().contains(name)) {
                out.add(dialect.quote(w.alias(q.joins().get(name).alias())));
            } else {
                invalid.add(name);
            }
        }
        if (!invalid.isEmpty()) {
            List<String> choices = new ArrayList<>(List.of("self"));
            choices.addAll(q.selectRelated());
            throw new dev.quarry.FieldException("Invalid field name(s) given in select_for_update(of=(...)): "
                    + String.join(", ", invalid) + ". Only relational fields followed in the query are allowed. Choices are: "
                    + String.join(", ", choices) + ".");
        }
        return out;
    }

    private void from(SqlWriter w, Query q) {
        w.append(" FROM ").quote(q.model().table());
        String root = w.alias(q.model().table());
        if (!root.equals(q.model().table())) {
            w.append(" ").quote(root);
        }
        // As Django: a non-null foreign key from a row that is always there is an INNER JOIN (which FOR UPDATE
        // can lock); anything that may find no row is a LEFT OUTER JOIN, and so is every join below it.
        Set<String> outer = q.joins().isEmpty() ? Set.of() : new java.util.HashSet<>();
        for (Join j : q.joins().values()) {
            boolean inner = j.foreignKey() != null && !j.foreignKey().nullable() && !outer.contains(j.parentAlias());
            if (!inner) {
                outer.add(j.alias());
            }
            w.append(inner ? " INNER JOIN " : " LEFT OUTER JOIN ").quote(j.table()).append(" ").quote(w.alias(j.alias())).append(" ON ")
                    .quote(w.alias(j.alias())).append(".").quote(j.column()).append(" = ")
                    .quote(w.alias(j.parentAlias())).append(".").quote(j.parentColumn());
        }
    }

    /**
     * Writes the complete SELECT of an inner query (GROUP BY, HAVING, DISTINCT and slice included) under table
     * aliases of its own ({@code U<depth>}, {@code U<depth>_<join alias>}); its ordering is dropped unless a
     * slice or {@code DISTINCT ON} needs it, as Django does for subqueries.
     */
    void writeInner(SqlWriter w, InnerQuery inner) {
        Query q = inner.query();
        int depth = w.depth() + 1;
        Map<String, String> aliases = new java.util.HashMap<>();
        aliases.put(q.model().table(), "U" + depth);
        for (String alias : q.joins().keySet()) {
            aliases.put(alias, "U" + depth + "_" + alias);
        }
        boolean ordered = q.isSliced() || !q.distinctFields().isEmpty();   // the ordering picks the rows kept
        w.nested(aliases, () -> writeSelect(w, q, inner.columns(), ordered ? q.effectiveOrdering() : List.of(),
                q.low(), q.high(), false));
    }

    /**
     * The primary keys of the rows of {@code q}, from the complete query: the deletion collector's pre-select,
     * the same restriction UPDATE and DELETE use.
     */
    public Statement selectPks(Query q) {
        SqlWriter w = new SqlWriter(dialect, this);
        writeInner(w, InnerQuery.pks(q));
        return new Statement(w.sql.toString(), w.params);
    }

    /**
     * WHERE for UPDATE/DELETE. A plain condition on the table's own columns is written as it is; anything else
     * (joins, grouping, HAVING, DISTINCT) restricts by {@code pk IN (SELECT pk ...)} over the complete query, so
     * that no clause of the QuerySet can be lost.
     */
    private void writeWhere(SqlWriter w, Query q) {
        if (q.joins().isEmpty() && !q.isGrouped() && !q.distinct()) {
            where(w, q.where());
            return;
        }
        w.append(" WHERE ").column(q.model().table(), q.model().pk()).append(" IN (");
        writeInner(w, InnerQuery.pks(q));
        w.append(")");
    }

    private void where(SqlWriter w, List<Node> where) {
        if (!where.isEmpty()) {
            w.append(" WHERE ").conditions(where);
        }
    }

    /**
     * GROUP BY the selected columns and, by their position in the SELECT list, the selected non-aggregate expressions
     * (a transform, a function, a Case: Django groups by the expression, and a position keeps its parameters bound once);
     * then the columns of ordering terms that are not selected.
     */
    private void groupBy(SqlWriter w, Query q, List<Selected> columns) {
        if (!q.isGrouped()) {
            return;
        }
        Set<Operand.Col> groups = new LinkedHashSet<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Operand op = columns.get(i).operand();
            if (op.containsAggregate()) {
                continue;
            }
            Operand bare = op instanceof Operand.Ref r ? r.target() : op;
            if (bare instanceof Operand.Col c) {
                groups.add(c);
            } else if (!(bare instanceof Operand.Param) && !(bare instanceof Operand.Over)) {
                positions.add(i + 1);
            }
        }
        for (Query.Order o : q.effectiveOrdering()) {
            if (!o.random() && !o.operand().containsAggregate() && !isSelected(o.operand(), columns)) {
                collectColumns(o.operand(), groups);
            }
        }
        if (groups.isEmpty() && positions.isEmpty()) {
            return;
        }
        w.append(" GROUP BY ");
        int i = 0;
        for (Operand.Col c : groups) {
            w.append(i++ > 0 ? ", " : "").column(c.table(), c.field());
        }
        for (int p : positions) {
            w.append(i++ > 0 ? ", " : "").append(Integer.toString(p));
        }
    }

    /** Whether {@code operand} (or the annotation it refers to) is one of the selected expressions. */
    static boolean isSelected(Operand operand, List<Selected> columns) {
        return position(operand, columns) > 0;
    }

    /** The 1-based position of {@code operand} in the SELECT list, or 0. */
    static int position(Operand operand, List<Selected> columns) {
        Operand bare = operand instanceof Operand.Ref r ? r.target() : operand;
        for (int i = 0; i < columns.size(); i++) {
            Operand s = columns.get(i).operand();
            if (s.equals(operand) || (s instanceof Operand.Ref r ? r.target() : s).equals(bare)) {
                return i + 1;
            }
        }
        return 0;
    }

    static void collectColumns(Operand operand, Set<Operand.Col> out) {
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
            case Operand.Output o -> { }
            case Operand.Call c -> c.args().forEach(a -> collectColumns(a, out));
            case Operand.Cast c -> collectColumns(c.inner(), out);
            case Operand.Trunc t -> collectColumns(t.inner(), out);
            case Operand.CaseWhen c -> {
                c.conditions().forEach(n -> collectNode(n, out));
                c.results().forEach(r -> collectColumns(r, out));
                if (c.otherwise() != null) {
                    collectColumns(c.otherwise(), out);
                }
            }
            case Operand.Over o -> { }
            case Operand.Scalar x -> { }
            case Operand.Outer o -> { }
            case Operand.Unbound u -> { }
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
            case Node.Exists e -> { }
            case Node.Predicate p -> collectColumns(p.value(), out);
        }
    }

    /**
     * ORDER BY; under GROUP BY a selected JSON/array transform is named by its position, since its own bound
     * parameters would make the server see another expression than the grouped one.
     */
    private void orderBy(SqlWriter w, List<Query.Order> ordering, List<Selected> grouped) {
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
            } else if (o.operand() instanceof Operand.Func && position(o.operand(), grouped) > 0) {
                w.append(Integer.toString(position(o.operand(), grouped))).append(o.descending() ? " DESC" : " ASC");
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

    /** Whether counting or aggregating must read the query's rows from a subquery. */
    private static boolean needsSubquery(Query q) {
        return q.distinct() || q.isSliced() || q.isGrouped() || q.combined() != null || !q.qualify().isEmpty();
    }

    /** {@code SELECT COUNT(*)}, over a subquery when the query is distinct, sliced, grouped or combined. */
    public Statement count(Query q, List<Selected> columnsForSubquery) {
        SqlWriter w = new SqlWriter(dialect, this);
        if (needsSubquery(q)) {
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
        if (needsSubquery(q)) {
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
        boolean sub = needsSubquery(q);
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
    static Operand retable(Operand operand, String table) {
        return switch (operand) {
            case Operand.Col c -> new Operand.Col(table, c.field());
            case Operand.Transform t -> new Operand.Transform(t.part(), retable(t.inner(), table));
            case Operand.Arith a -> new Operand.Arith(a.operator(), retable(a.left(), table), retable(a.right(), table));
            case Operand.Agg a -> new Operand.Agg(a.function(), a.argument() == null ? null : retable(a.argument(), table),
                    a.distinct(), a.filter() == null ? null : retable(a.filter(), table));
            case Operand.Condition c -> new Operand.Condition(retable(c.node(), table));
            case Operand.Ref r -> new Operand.Output(table, r.alias(), ReadTypes.of(r.target()));
            case Operand.Param p -> p;
            case Operand.RowNumber r -> r;
            case Operand.Func f -> new Operand.Func(f.operator(), f.args().stream().map(a -> retable(a, table)).toList(), f.codec());
            case Operand.Output o -> o;
            case Operand.Call c -> new Operand.Call(c.function(), c.args().stream().map(a -> retable(a, table)).toList(),
                    c.template(), c.type(), c.window());
            case Operand.Cast c -> new Operand.Cast(retable(c.inner(), table), c.type());
            case Operand.Trunc t -> new Operand.Trunc(t.kind(), retable(t.inner(), table), t.source(), t.type());
            case Operand.CaseWhen c -> new Operand.CaseWhen(c.conditions().stream().map(n -> retable(n, table)).toList(),
                    c.results().stream().map(r -> retable(r, table)).toList(),
                    c.otherwise() == null ? null : retable(c.otherwise(), table), c.type());
            case Operand.Over o -> o;
            case Operand.Scalar x -> x;
            case Operand.Outer o -> o;
            case Operand.Unbound u -> u;
        };
    }

    static Node retable(Node node, String table) {
        return switch (node) {
            case Node.And a -> new Node.And(a.children().stream().map(c -> retable(c, table)).toList());
            case Node.Or o -> new Node.Or(o.children().stream().map(c -> retable(c, table)).toList());
            case Node.Not n -> new Node.Not(retable(n.child(), table));
            case Node.Nothing x -> x;
            case Node.InQuery q -> new Node.InQuery(retable(q.lhs(), table), q.inner());
            case Node.InLink l -> new Node.InLink((Operand.Col) retable(l.lhs(), table), l.table(), l.selectColumn(),
                    l.whereColumn(), l.value());
            case Node.Leaf l -> new Node.Leaf(retable(l.lhs(), table), l.lookup(), l.rhs() instanceof Operand o
                    ? retable(o, table) : l.rhs() instanceof List<?> list
                    ? list.stream().map(v -> (Object) retable((Operand) v, table)).toList() : l.rhs());
            case Node.Exists e -> e;
            case Node.Predicate p -> new Node.Predicate(retable(p.value(), table));
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

    /**
     * {@code UPDATE t SET f1 = ?, ... WHERE t.pk = ?}: the text of one row's update by key, for a batch that binds
     * each object's field values, then its key, in turn ({@code bulkUpdate}).
     */
    public String updateByPk(ModelMeta<?> model, List<FieldMeta> fields) {
        Query q = new Query(model);
        q.addCondition(new Node.Leaf(new Operand.Col(model.table(), model.pk()), "exact", new Operand.Param(null)));
        Map<FieldMeta, Operand> set = new java.util.LinkedHashMap<>();
        fields.forEach(f -> set.put(f, new Operand.Param(null)));
        return update(q, set).sql();
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
     * @param conflict   what a unique conflict does
     * @param returning  the columns to return (usually the pk), may be empty
     */
    public Statement insert(ModelMeta<?> model, List<FieldMeta> columns, List<List<Object>> rows, OnConflict conflict,
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
        if (conflict.ignore()) {
            w.append(dialect.onConflictIgnore());
        } else if (!conflict.update().isEmpty() || !conflict.unique().isEmpty()) {
            w.append(dialect.onConflictUpdate(conflict.unique().stream().map(f -> dialect.quote(f.column())).toList(),
                    conflict.update().stream().map(f -> dialect.quote(f.column())).toList()));
        }
        if (!returning.isEmpty()) {
            List<String> quoted = new ArrayList<>();
            returning.forEach(f -> quoted.add(dialect.quote(f.column())));
            w.append(dialect.returning(quoted));
        }
        return new Statement(w.sql.toString(), w.params);
    }
}
