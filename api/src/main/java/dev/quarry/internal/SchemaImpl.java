package dev.quarry.internal;

import dev.quarry.GinIndex;
import dev.quarry.Schema;
import dev.quarry.internal.exec.CancelScope;
import dev.quarry.internal.exec.Conn;
import dev.quarry.internal.exec.Futures;
import dev.quarry.internal.meta.Codec;
import dev.quarry.internal.meta.FieldKind;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.spi.Dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** DDL from model metadata: tables in foreign-key order, constraints, indexes, join tables. */
final class SchemaImpl implements Schema {

    private final QueryContext ctx;

    SchemaImpl(QueryContext ctx) {
        this.ctx = ctx;
    }

    Dialect dialect() {
        return ctx.compiler().dialect();
    }

    /** The models in an order where every foreign key's target (among them) comes first. */
    List<ModelMeta<?>> ordered(Class<?>... models) {
        List<ModelMeta<?>> metas = new ArrayList<>();
        for (Class<?> m : models) {
            metas.add(ctx.models().meta(m));
        }
        Set<ModelMeta<?>> done = new LinkedHashSet<>();
        for (ModelMeta<?> m : metas) {
            visit(m, metas, done, new LinkedHashSet<>());
        }
        return new ArrayList<>(done);
    }

    private void visit(ModelMeta<?> m, List<ModelMeta<?>> all, Set<ModelMeta<?>> done, Set<ModelMeta<?>> path) {
        if (done.contains(m) || !path.add(m)) {
            return;
        }
        for (FieldMeta f : m.concreteFields()) {
            if (f.kind() == FieldKind.FOREIGN_KEY) {
                all.stream().filter(o -> o.type() == f.target() && o != m).findFirst().ifPresent(t -> visit(t, all, done, path));
            }
        }
        done.add(m);
    }

    @Override
    public List<String> createStatements(Class<?>... models) {
        Dialect d = dialect();
        List<ModelMeta<?>> ordered = ordered(models);
        List<String> out = new ArrayList<>();
        for (ModelMeta<?> m : ordered) {
            out.add(createTable(m, d));
            out.addAll(indexes(m, d).values());
        }
        for (ModelMeta<?> m : ordered) {
            joinTables(m, d).values().forEach(out::addAll);
        }
        return out;
    }

    /**
     * The CREATE INDEX statements of a model's table by index name: its declared indexes, its {@code @GinIndex}
     * ones, one per foreign key.
     */
    Map<String, String> indexes(ModelMeta<?> m, Dialect d) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ModelMeta.TableConstraint c : m.constraints()) {
            if (!c.unique()) {
                String name = c.name() != null ? c.name() : m.table() + "_" + String.join("_", c.columns()) + "_idx";
                out.put(name, "CREATE INDEX IF NOT EXISTS " + d.quote(name) + " ON " + d.quote(m.table()) + " ("
                        + String.join(", ", c.columns().stream().map(d::quote).toList()) + ")");
            }
        }
        ginIndexes(m, d, out);
        for (FieldMeta f : m.concreteFields()) {
            if (f.kind() == FieldKind.FOREIGN_KEY && !f.unique()) {
                String name = m.table() + "_" + f.column() + "_idx";
                out.put(name, "CREATE INDEX IF NOT EXISTS " + d.quote(name) + " ON "
                        + d.quote(m.table()) + " (" + d.quote(f.column()) + ")");
            }
        }
        return out;
    }

    /** The join tables a model owns by table name, each with the statements creating it and its index. */
    Map<String, List<String>> joinTables(ModelMeta<?> m, Dialect d) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (FieldMeta f : m.fields()) {
            if (f.kind() == FieldKind.MANY_TO_MANY && f.joinTable() != null) {
                // the unique (owner, target) pair serves lookups by owner; lookups by target need their own
                FieldMeta.JoinTableMeta jt = f.joinTable();
                out.put(jt.table(), List.of(joinTable(m, f, d), "CREATE INDEX IF NOT EXISTS "
                        + d.quote(jt.table() + "_" + jt.targetColumn() + "_idx") + " ON "
                        + d.quote(jt.table()) + " (" + d.quote(jt.targetColumn()) + ")"));
            }
        }
        return out;
    }

    String createTable(ModelMeta<?> m, Dialect d) {
        List<String> defs = new ArrayList<>();
        for (FieldMeta f : m.concreteFields()) {
            defs.add(columnDefinition(f, d));
        }
        uniqueConstraints(m, d).forEach((name, def) -> defs.add(def));
        return "CREATE TABLE IF NOT EXISTS " + d.quote(m.table()) + " (" + String.join(", ", defs) + ")";
    }

    /** A column as CREATE TABLE and ALTER TABLE ... ADD COLUMN write it: name, type, constraints, reference. */
    String columnDefinition(FieldMeta f, Dialect d) {
        StringBuilder col = new StringBuilder(d.quote(f.column())).append(' ');
        if (f.pk() && f.generated()) {
            col.append(d.identityColumnType(f.codec().javaType()));
        } else {
            col.append(d.columnType(f.codec().javaType() == String.class && f.codec().dbType() == Integer.class
                    ? Integer.class : typeOf(f), f.length(), f.precision(), f.scale()));
        }
        if (f.pk()) {
            col.append(" PRIMARY KEY");
        } else {
            if (!f.nullable()) {
                col.append(" NOT NULL");
            }
            if (f.unique()) {
                col.append(" UNIQUE");
            }
        }
        if (f.kind() == FieldKind.FOREIGN_KEY) {
            ModelMeta<?> target = ctx.models().meta(f.target());
            col.append(" REFERENCES ").append(d.quote(target.table())).append(" (").append(d.quote(target.pk().column()))
                    .append(") DEFERRABLE INITIALLY DEFERRED");
        }
        return col.toString();
    }

    /** The table's multi-column unique constraints by name, as CREATE TABLE and ALTER TABLE ... ADD write them. */
    Map<String, String> uniqueConstraints(ModelMeta<?> m, Dialect d) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ModelMeta.TableConstraint c : m.constraints()) {
            if (c.unique()) {
                String name = c.name() != null ? c.name() : m.table() + "_" + String.join("_", c.columns()) + "_uniq";
                out.put(name, "CONSTRAINT " + d.quote(name) + " UNIQUE ("
                        + String.join(", ", c.columns().stream().map(d::quote).toList()) + ")");
            }
        }
        return out;
    }

    /**
     * The Java type whose column type a field gets: its codec's (enums by ordinal are smallints, by name strings,
     * JSON is {@link dev.quarry.spi.JsonText}, arrays their element's array, converted fields the converter's
     * column type).
     */
    private static Class<?> typeOf(FieldMeta f) {
        if (f.kind() == FieldKind.FOREIGN_KEY) {
            return f.codec().javaType();
        }
        return f.codec().columnType();
    }

    /** {@code CREATE INDEX ... USING GIN} for the fields marked {@link GinIndex}. */
    private static void ginIndexes(ModelMeta<?> m, Dialect d, Map<String, String> out) {
        for (FieldMeta f : m.concreteFields()) {
            GinIndex gin = f.reflected() == null ? null : f.reflected().getAnnotation(GinIndex.class);
            if (gin == null) {
                continue;
            }
            String method = d.containmentIndexMethod();
            if (method == null || f.codec().kind() == Codec.Kind.SCALAR) {
                throw new UnsupportedOperationException("@GinIndex on " + m.type().getSimpleName() + "." + f.name()
                        + (method == null ? ": the " + d.name() + " dialect has no GIN indexes."
                        : ": GIN indexes serve JSON and array fields only."));
            }
            String name = gin.name().isEmpty() ? m.table() + "_" + f.column() + "_gin" : gin.name();
            out.put(name, "CREATE INDEX IF NOT EXISTS " + d.quote(name) + " ON " + d.quote(m.table()) + " USING " + method
                    + " (" + d.quote(f.column()) + ")");
        }
    }

    private String joinTable(ModelMeta<?> owner, FieldMeta f, Dialect d) {
        ModelMeta<?> target = ctx.models().meta(f.target());
        FieldMeta.JoinTableMeta jt = f.joinTable();
        return "CREATE TABLE IF NOT EXISTS " + d.quote(jt.table()) + " ("
                + d.quote("id") + " " + d.identityColumnType(Long.class) + " PRIMARY KEY, "
                + d.quote(jt.ownerColumn()) + " " + d.columnType(owner.pk().codec().javaType(), 0, 0, 0) + " NOT NULL REFERENCES "
                + d.quote(owner.table()) + " (" + d.quote(owner.pk().column()) + ") ON DELETE CASCADE, "
                + d.quote(jt.targetColumn()) + " " + d.columnType(target.pk().codec().javaType(), 0, 0, 0) + " NOT NULL REFERENCES "
                + d.quote(target.table()) + " (" + d.quote(target.pk().column()) + ") ON DELETE CASCADE, "
                + "UNIQUE (" + d.quote(jt.ownerColumn()) + ", " + d.quote(jt.targetColumn()) + "))";
    }

    private List<String> dropStatements(Class<?>... models) {
        Dialect d = dialect();
        List<ModelMeta<?>> ordered = ordered(models);
        List<String> out = new ArrayList<>();
        for (ModelMeta<?> m : ordered) {
            for (FieldMeta f : m.fields()) {
                if (f.kind() == FieldKind.MANY_TO_MANY && f.joinTable() != null) {
                    out.add(d.dropTable(d.quote(f.joinTable().table())));
                }
            }
        }
        for (int i = ordered.size() - 1; i >= 0; i--) {
            out.add(d.dropTable(d.quote(ordered.get(i).table())));
        }
        return out;
    }

    private static Function<Conn, CompletableFuture<Void>> runAll(List<String> statements) {
        return conn -> conn.atomic(c -> {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (String sql : statements) {
                chain = chain.thenCompose(v -> c.execute(sql));
            }
            return chain;
        });
    }

    @Override
    public void create(Class<?>... models) {
        Futures.await(ctx.session().run(false, CancelScope.NONE, runAll(createStatements(models))));
    }

    @Override
    public void drop(Class<?>... models) {
        Futures.await(ctx.session().run(false, CancelScope.NONE, runAll(dropStatements(models))));
    }

    @Override
    public CompletableFuture<Void> acreate(Class<?>... models) {
        var op = runAll(createStatements(models));
        return CancelScope.start(scope -> ctx.session().run(true, scope, op));
    }

    @Override
    public List<String> diff(Class<?>... models) {
        return Futures.await(ctx.session().run(false, CancelScope.NONE, SchemaDiff.op(this, models)));
    }

    @Override
    public CompletableFuture<List<String>> adiff(Class<?>... models) {
        var op = SchemaDiff.op(this, models);
        return CancelScope.start(scope -> ctx.session().run(true, scope, op));
    }

    @Override
    public CompletableFuture<Void> adrop(Class<?>... models) {
        var op = runAll(dropStatements(models));
        return CancelScope.start(scope -> ctx.session().run(true, scope, op));
    }
}
