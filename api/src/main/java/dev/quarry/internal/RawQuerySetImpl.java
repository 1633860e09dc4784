package dev.quarry.internal;

import dev.quarry.RawQuerySet;
import dev.quarry.internal.exec.CancelScope;
import dev.quarry.internal.exec.Futures;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.spi.Row;
import dev.quarry.spi.RowMapper;
import dev.quarry.spi.Statement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * Django's {@code Manager.raw()}: the user's SQL, parameters always bound, columns mapped onto fields by
 * column (or field) name.
 *
 * @param <T> the model
 */
final class RawQuerySetImpl<T> implements RawQuerySet<T> {

    private final QueryContext ctx;
    private final ModelMeta<T> model;
    private final Statement statement;

    RawQuerySetImpl(QueryContext ctx, ModelMeta<T> model, String sql, Object[] params) {
        this.ctx = ctx;
        this.model = model;
        List<Object> bound = new ArrayList<>();
        for (Object p : params == null ? new Object[0] : params) {
            bound.add(bindable(p));
        }
        this.statement = new Statement(Objects.requireNonNull(sql, "sql"), bound);
    }

    /** Converts a raw parameter to a type every provider binds. */
    static Object bindable(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        return value;
    }

    /** A mapper that resolves the result's columns to fields on the first row it sees. */
    private RowMapper<T> mapper() {
        return new RowMapper<>() {
            private FieldMeta[] fields;

            @Override
            public T map(Row row) {
                if (fields == null) {
                    fields = new FieldMeta[row.columnCount()];
                    for (int i = 0; i < fields.length; i++) {
                        String label = row.columnName(i + 1);
                        fields[i] = model.concreteFields().stream()
                                .filter(f -> f.column().equalsIgnoreCase(label) || f.name().equals(label))
                                .findFirst().orElse(null);
                    }
                }
                T obj = model.newInstance();
                for (int i = 0; i < fields.length; i++) {
                    if (fields[i] != null) {
                        Object v = row.get(i + 1, fields[i].codec().dbType());
                        if (v != null) {
                            model.setFromDb(fields[i], obj, v);
                        }
                    }
                }
                return obj;
            }
        };
    }

    @Override
    public List<T> list() {
        RowMapper<T> m = mapper();
        return Futures.await(ctx.session().run(false, CancelScope.NONE, conn -> conn.query(statement, m)));
    }

    @Override
    public CompletableFuture<List<T>> alist() {
        RowMapper<T> m = mapper();
        return CancelScope.start(scope -> ctx.session().run(true, scope, conn -> conn.query(statement, m)));
    }

    @Override
    public Stream<T> iterator(int chunkSize) {
        return new Cursors<>(ctx, statement, mapper(), null).stream(chunkSize);
    }

    @Override
    public Flow.Publisher<T> aiterator(int chunkSize) {
        return new Cursors<>(ctx, statement, mapper(), null).publisher(chunkSize);
    }

    @Override
    public String toString() {
        return "RawQuerySet<" + model.entityName() + ">: " + statement.sql() + " " + Arrays.toString(statement.params().toArray());
    }
}
