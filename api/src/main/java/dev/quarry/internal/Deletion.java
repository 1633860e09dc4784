package dev.quarry.internal;

import dev.quarry.Deleted;
import dev.quarry.internal.exec.Conn;
import dev.quarry.internal.meta.FieldKind;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.internal.meta.Relation;
import dev.quarry.internal.query.Compiler;
import dev.quarry.internal.query.LinkTable;
import dev.quarry.internal.query.Query;
import dev.quarry.spi.Statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Django's deletion collector: deleting rows first deletes what cascades from them ({@code @OneToMany(cascade
 * = REMOVE)} or {@code orphanRemoval}, any depth) and their many-to-many link rows, all in one atomic block,
 * counting rows per model. Foreign keys that do not cascade are left to the database (IntegrityException).
 */
final class Deletion {

    /** Keys per statement, well under PostgreSQL's 65535 parameters. */
    private static final int CHUNK = 10_000;

    private final Compiler compiler;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    private Deletion(Compiler compiler) {
        this.compiler = compiler;
    }

    /** Whether deleting rows of {@code model} needs the collector (else one DELETE does). */
    static boolean needsCollector(ModelMeta<?> model) {
        return model.fields().stream().anyMatch(f -> f.kind() == FieldKind.MANY_TO_MANY
                || (f.kind() == FieldKind.REVERSE && f.cascadeRemove()));
    }

    /** Deletes the rows of {@code query} and what cascades from them, atomically. */
    static CompletableFuture<Deleted> run(Conn conn, Compiler compiler, Query query) {
        Deletion deletion = new Deletion(compiler);
        return conn.atomic(c -> deletion.delete(c, query)).thenApply(v -> {
            long total = deletion.counts.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Long> nonZero = new LinkedHashMap<>();
            deletion.counts.forEach((k, n) -> {
                if (n > 0) {
                    nonZero.put(k, n);
                }
            });
            return new Deleted(total, nonZero);
        });
    }

    private CompletableFuture<Void> delete(Conn conn, Query query) {
        ModelMeta<?> model = query.model();
        FieldMeta pk = model.pk();
        Statement select = compiler.selectPks(query);
        return conn.query(select, row -> (Object) row.get(1, pk.codec().dbType())).thenCompose(pks -> {
            CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
            for (int i = 0; i < pks.size(); i += CHUNK) {
                List<Object> chunk = pks.subList(i, Math.min(pks.size(), i + CHUNK));
                chain = chain.thenCompose(v -> deleteChunk(conn, model, chunk));
            }
            return chain;
        });
    }

    private CompletableFuture<Void> deleteChunk(Conn conn, ModelMeta<?> model, List<Object> pks) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (FieldMeta f : model.fields()) {
            if (f.kind() == FieldKind.MANY_TO_MANY) {
                Relation rel = Relation.of(model, f);
                String key = linkName(model, f, rel);
                Statement unlink = new LinkTable(rel.joinTable(), rel.ownerColumn(), rel.targetColumn()).delete(compiler, pks, null);
                chain = chain.thenCompose(v -> conn.update(unlink)).thenAccept(n -> counts.merge(key, n, Long::sum));
            } else if (f.kind() == FieldKind.REVERSE && f.cascadeRemove()) {
                Relation rel = Relation.of(model, f);
                Query children = new Query(rel.target());
                children.addCondition(children.resolver().lookup(rel.foreignKey().name() + "__in", pks));
                chain = chain.thenCompose(v -> delete(conn, children));
            }
        }
        Query rows = new Query(model);
        rows.addCondition(rows.resolver().lookup(model.pk().name() + "__in", pks));
        Statement delete = compiler.delete(rows);
        return chain.thenCompose(v -> conn.update(delete)).thenAccept(n -> counts.merge(model.entityName(), n, Long::sum));
    }

    /** Django names an auto-created link model {@code Owner_field}, after the owning side. */
    private static String linkName(ModelMeta<?> model, FieldMeta f, Relation rel) {
        if (f.joinTable() != null) {
            return model.entityName() + "_" + f.name();
        }
        return rel.target().entityName() + "_" + f.mappedBy();
    }
}
