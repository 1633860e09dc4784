package dev.quarry.internal.query;

import java.util.LinkedHashSet;
import java.util.Set;

/** Questions about resolved operands that code outside the compiler asks before building a statement. */
public final class Operands {

    private Operands() {
    }

    /** The tables (or join aliases) whose columns {@code operand} reads, outside aggregates. */
    public static Set<String> tables(Operand operand) {
        Set<Operand.Col> columns = new LinkedHashSet<>();
        Compiler.collectColumns(operand, columns);
        Set<String> out = new LinkedHashSet<>();
        columns.forEach(c -> out.add(c.table()));
        return out;
    }
}
