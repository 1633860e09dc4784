package dev.quarry.internal.query;

import dev.quarry.FieldException;
import dev.quarry.spi.Dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Combined} query: {@code (SELECT ...) UNION [ALL] (SELECT ...) ORDER BY 2 DESC LIMIT ...}. Each
 * part is a complete query (its ordering kept only under a slice); the ORDER BY names columns of the result by
 * position, as Django's compiler does: a name that is not selected is added to every part when the parts select
 * model rows, and refused otherwise ("ORDER BY term does not match any column in the result set").
 */
final class CombinedWriter {

    private final Compiler compiler;
    private final Dialect dialect;

    CombinedWriter(Compiler compiler, Dialect dialect) {
        this.compiler = compiler;
        this.dialect = dialect;
    }

    void write(SqlWriter w, Combined combined, List<Query.Order> ordering, long low, long high) {
        // an empty part adds no rows to a union and removes none from a difference (intersections never hold one)
        List<Combined.Part> parts = combined.parts().stream()
                .filter(p -> p == combined.parts().get(0) || !p.query().isEmpty()).toList();
        List<Query> queries = new ArrayList<>();
        List<List<Selected>> columns = new ArrayList<>();
        for (Combined.Part p : parts) {
            Query copy = p.query().copy();   // ORDER BY columns may add joins
            queries.add(copy);
            columns.add(new ArrayList<>(p.shape().columns(copy)));
        }
        List<String> terms = new ArrayList<>();
        for (Query.Order o : ordering) {
            if (o.random()) {
                throw new UnsupportedOperationException("Random ordering of combined queries is not supported.");
            }
            int position = position(o, combined, queries, columns);
            terms.add(position + (o.descending() ? " DESC" : " ASC"));
        }
        if (parts.size() == 1) {   // "(SELECT ... LIMIT 1) LIMIT 1" would be one SELECT with two limits
            w.append("SELECT * FROM ");
        }
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                w.append(" ").append(combined.operator().sql()).append(combined.all() ? " ALL " : " ");
            }
            Query q = queries.get(i);
            w.append("(");
            compiler.writeSelect(w, q, columns.get(i), q.isSliced() ? q.effectiveOrdering() : List.of(), q.low(), q.high(), false);
            w.append(")");
        }
        if (parts.size() == 1) {
            w.append(" ").quote("combined");
        }
        if (!terms.isEmpty()) {
            w.append(" ORDER BY ").append(String.join(", ", terms));
        }
        w.append(dialect.limitOffset(high >= 0 ? high - low : -1, low));
    }

    /** The 1-based position of an ordering term in the result, adding its column to every part if needed. */
    private static int position(Query.Order o, Combined combined, List<Query> queries, List<List<Selected>> columns) {
        String name = nameOf(o.operand());
        List<Selected> first = columns.get(0);
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i).key().equals(name)) {
                return i + 1;
            }
        }
        Operand wanted = queries.get(0).resolver().fieldOperand(name);
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i).operand().equals(wanted)) {
                return i + 1;
            }
        }
        if (!combined.columnsMayBeAdded()) {
            throw new FieldException("ORDER BY term does not match any column in the result set: '" + name
                    + "'. Choices are: " + String.join(", ", first.stream().map(Selected::key).toList()) + ".");
        }
        for (int k = 0; k < queries.size(); k++) {
            Operand op = queries.get(k).resolver().fieldOperand(name);
            columns.get(k).add(new Selected("__orderbycol" + (columns.get(k).size() + 1), op, ReadTypes.of(op), null));
        }
        return first.size();
    }

    /** The name an ordering term of a combined query stands for. */
    private static String nameOf(Operand operand) {
        return switch (operand) {
            case Operand.Output o -> o.name();
            case Operand.Col c -> c.field().name();
            case Operand.Ref r -> r.alias();
            default -> throw new UnsupportedOperationException("Ordering combined queries by transforms is not implemented.");
        };
    }
}
