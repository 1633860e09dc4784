package dev.quarry.internal;

import dev.quarry.internal.exec.Conn;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.spi.Dialect;
import dev.quarry.spi.Statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * {@code Schema.diff}: compares the models with the catalog of the connection's current schema and lists the
 * DDL that brings the database to them. Every statement comes from {@link SchemaImpl}'s own column, table, index
 * and constraint definitions (the same text {@code create} runs), wrapped in {@code ALTER TABLE} where the table
 * exists. Nothing is dropped.
 */
final class SchemaDiff {

    /** What the database has: per table, its columns (name to nullable) and its index names. */
    private record Catalog(Map<String, Map<String, Boolean>> columns, Map<String, Set<String>> indexes) {

        boolean hasIndex(String table, String name) {
            return indexes.getOrDefault(table, Set.of()).contains(name);
        }
    }

    private final SchemaImpl schema;
    private final List<ModelMeta<?>> models;

    private SchemaDiff(SchemaImpl schema, List<ModelMeta<?>> models) {
        this.schema = schema;
        this.models = models;
    }

    /** Reads the catalog on a connection, then answers the statements; models are resolved now, on the caller's thread. */
    static Function<Conn, CompletableFuture<List<String>>> op(SchemaImpl schema, Class<?>... models) {
        SchemaDiff diff = new SchemaDiff(schema, schema.ordered(models));
        Dialect d = schema.dialect();
        Statement columns = Statement.of(d.catalogColumns());
        Statement indexes = Statement.of(d.catalogIndexes());
        return conn -> conn.query(columns, row -> new Object[] {row.get(1, String.class), row.get(2, String.class),
                        row.get(3, Boolean.class)})
                .thenCompose(cols -> conn.query(indexes, row -> new String[] {row.get(1, String.class), row.get(2, String.class)})
                        .thenApply(idx -> diff.statements(catalog(cols, idx))));
    }

    private static Catalog catalog(List<Object[]> columns, List<String[]> indexes) {
        Map<String, Map<String, Boolean>> byTable = new HashMap<>();
        for (Object[] c : columns) {
            byTable.computeIfAbsent((String) c[0], t -> new LinkedHashMap<>()).put((String) c[1], (Boolean) c[2]);
        }
        Map<String, Set<String>> indexNames = new HashMap<>();
        for (String[] i : indexes) {
            indexNames.computeIfAbsent(i[0], t -> new HashSet<>()).add(i[1]);
        }
        return new Catalog(byTable, indexNames);
    }

    private List<String> statements(Catalog catalog) {
        Dialect d = schema.dialect();
        List<String> out = new ArrayList<>();
        for (ModelMeta<?> m : models) {
            Map<String, Boolean> existing = catalog.columns().get(m.table());
            if (existing == null) {
                out.add(schema.createTable(m, d));
                out.addAll(schema.indexes(m, d).values());
                continue;
            }
            alterTable(m, existing, catalog, d, out);
        }
        for (ModelMeta<?> m : models) {
            schema.joinTables(m, d).forEach((table, ddl) -> {
                if (!catalog.columns().containsKey(table)) {
                    out.addAll(ddl);
                }
            });
        }
        return out;
    }

    private void alterTable(ModelMeta<?> m, Map<String, Boolean> existing, Catalog catalog, Dialect d, List<String> out) {
        String table = d.quote(m.table());
        Set<String> modelColumns = new HashSet<>();
        for (FieldMeta f : m.concreteFields()) {
            modelColumns.add(f.column());
            Boolean nullable = existing.get(f.column());
            if (nullable == null) {
                out.add("ALTER TABLE " + table + " ADD COLUMN " + schema.columnDefinition(f, d));
            } else if (!f.pk() && nullable != f.nullable()) {
                out.add("ALTER TABLE " + table + " ALTER COLUMN " + d.quote(f.column())
                        + (f.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
            }
        }
        schema.uniqueConstraints(m, d).forEach((name, definition) -> {
            if (!catalog.hasIndex(m.table(), name)) {
                out.add("ALTER TABLE " + table + " ADD " + definition);
            }
        });
        schema.indexes(m, d).forEach((name, ddl) -> {
            if (!catalog.hasIndex(m.table(), name)) {
                out.add(ddl);
            }
        });
        for (String column : existing.keySet()) {
            if (!modelColumns.contains(column)) {
                out.add("-- " + table + "." + d.quote(column) + " is in the database but not in " + m.entityName()
                        + "; Quarry never drops a column: write ALTER TABLE " + table + " DROP COLUMN " + d.quote(column)
                        + " yourself if it should go");
            }
        }
    }
}
