package dev.quarry.benchmarks;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep5;
import org.jooq.Record;
import org.jooq.Record6;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import javax.sql.DataSource;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * jOOQ's DSL without generated code (tables and fields declared once below), over the baseline's pgjdbc +
 * HikariCP pool; rows mapped with an explicit {@code RecordMapper}, the bulk insert as jOOQ writes a multi-row
 * {@code INSERT ... RETURNING}.
 */
final class JooqContender implements Contender {

    private static final Table<Record> ITEM = DSL.table(DSL.name("bench_item"));
    private static final Table<Record> EVENT = DSL.table(DSL.name("bench_event"));
    private static final Field<Long> ID = DSL.field(DSL.name("id"), Long.class);
    private static final Field<String> NAME = DSL.field(DSL.name("name"), String.class);
    private static final Field<String> STATUS = DSL.field(DSL.name("status"), String.class);
    private static final Field<Integer> VIEWS = DSL.field(DSL.name("views"), Integer.class);
    private static final Field<Double> SCORE = DSL.field(DSL.name("score"), Double.class);
    private static final Field<LocalDateTime> CREATED_AT = DSL.field(DSL.name("created_at"), LocalDateTime.class);

    private final DSLContext dsl;

    JooqContender(DataSource dataSource) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    }

    @Override
    public String name() {
        return "jOOQ";
    }

    @Override
    public String version() {
        return "jOOQ " + Versions.of("org.jooq", "jooq") + " (DSL, no code generation) on the JDBC pool";
    }

    @Override
    public Item get(long id) {
        return select(dsl).where(ID.eq(id)).fetchSingle(JooqContender::item);
    }

    @Override
    public List<Item> page(long afterId, int size) {
        return select(dsl).where(ID.gt(afterId)).orderBy(ID).limit(size).fetch(JooqContender::item);
    }

    @Override
    public List<Long> bulkInsert(List<Event> events) {
        InsertValuesStep5<Record, String, String, Integer, Double, LocalDateTime> insert =
                dsl.insertInto(EVENT, NAME, STATUS, VIEWS, SCORE, CREATED_AT);
        for (Event e : events) {
            insert = insert.values(e.name, e.status, e.views, e.score, e.createdAt);
        }
        return insert.returningResult(ID).fetch(r -> r.value1());
    }

    @Override
    public int readsAndUpdates(long[] ids) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            int done = 0;
            for (long id : ids) {
                done += select(tx).where(ID.eq(id)).fetchSingle(JooqContender::item).getId() == id ? 1 : 0;
            }
            for (long id : ids) {
                done += tx.update(ITEM).set(VIEWS, VIEWS.plus(1)).where(ID.eq(id)).execute();
            }
            return done;
        });
    }

    @Override
    public long stream(long maxId, int fetchSize) {
        return dsl.transactionResult(configuration -> {
            try (Stream<Item> rows = select(configuration.dsl()).where(ID.le(maxId)).orderBy(ID).fetchSize(fetchSize)
                    .fetchStream().map(JooqContender::item)) {
                return rows.mapToLong(Item::getViews).filter(v -> v >= 0).count();
            }
        });
    }

    @Override
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new HashMap<>();
        dsl.select(STATUS, DSL.count(), DSL.sum(VIEWS)).from(ITEM).groupBy(STATUS).orderBy(STATUS).fetch()
                .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        return counts;
    }

    @Override
    public void close() {
        // the pool is the baseline's
    }

    private static org.jooq.SelectJoinStep<Record6<Long, String, String, Integer, Double, LocalDateTime>> select(
            DSLContext dsl) {
        return dsl.select(ID, NAME, STATUS, VIEWS, SCORE, CREATED_AT).from(ITEM);
    }

    private static Item item(Record6<Long, String, String, Integer, Double, LocalDateTime> r) {
        Item item = new Item(r.value2(), r.value3(), r.value4(), r.value5(), r.value6());
        item.id = r.value1();
        return item;
    }
}
