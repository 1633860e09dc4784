package dev.quarry.internal.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A query filtered on window functions (Django 4.2+'s QUALIFY emulation): SQL evaluates windows after WHERE, so the
 * query runs as a subquery selecting its columns, its annotations and its ordering terms, and the outer query keeps
 * the rows that satisfy the window conditions, in order, sliced:
 * {@code SELECT * FROM (SELECT ..., rank AS "rank" ...) "qualify" WHERE "qualify"."rank" = ? ORDER BY 2 LIMIT ...}.
 * Row mappers read the leading columns by position; the extra ones after them are ignored.
 */
final class Qualify {

    static final String TABLE = "qualify";

    private Qualify() {
    }

    static void write(Compiler compiler, SqlWriter w, Query q, List<Selected> columns, List<Query.Order> ordering,
                      long low, long high) {
        List<Selected> inner = new ArrayList<>(columns);
        for (Annotation a : q.annotations().values()) {
            if (inner.stream().noneMatch(s -> s.key().equals(a.alias()) && !(s.operand() instanceof Operand.Col))) {
                inner.add(new Selected(a.alias(), new Operand.Ref(a.alias(), a.operand()), a.readType(), null));
            }
        }
        List<Integer> positions = new ArrayList<>();
        for (Query.Order o : ordering) {
            if (o.random()) {
                positions.add(0);
                continue;
            }
            int at = Compiler.position(o.operand(), inner);
            if (at == 0) {
                inner.add(new Selected("quarry_order_" + inner.size(), o.operand(), Object.class, null));
                at = inner.size();
            }
            positions.add(at);
        }
        List<Node> conditions = new ArrayList<>();
        for (Node n : q.qualify()) {
            Node outer = Compiler.retable(n, TABLE);
            if (OuterBinder.containsWindow(outer)) {
                throw new UnsupportedOperationException("A filter on a window function must name an annotation: "
                        + "annotate(\"rank\", Window.of(...)) then filter(\"rank\", ...).");
            }
            conditions.add(outer);
        }
        w.append("SELECT * FROM (");
        compiler.writePlainSelect(w, q, inner, List.of(), 0, -1, false);
        w.append(") ").quote(TABLE).append(" WHERE ").conditions(conditions);
        if (!positions.isEmpty()) {
            w.append(" ORDER BY ");
            for (int i = 0; i < positions.size(); i++) {
                Query.Order o = ordering.get(i);
                w.append(i > 0 ? ", " : "").append(o.random() ? compiler.dialect().random()
                        : positions.get(i) + (o.descending() ? " DESC" : " ASC"));
            }
        }
        w.append(compiler.dialect().limitOffset(high >= 0 ? high - low : -1, low));
    }
}
