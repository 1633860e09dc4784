package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.BulkOptions;
import dev.quarry.Created;
import dev.quarry.Deleted;
import dev.quarry.Manager;
import dev.quarry.Q;
import dev.quarry.testkit.RecordingSubscriber;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Django's tests/async/test_async_queryset.py in Java: each async twin against three SimpleModels, and checked
 * against its sync twin.
 */
class AsyncTwinsTest extends TckBase {

    private Manager<SimpleModel> simple;
    private SimpleModel s1;
    private SimpleModel s2;
    private SimpleModel s3;

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class);
    }

    @BeforeEach
    void createThreeRows() {
        simple = db.objects(SimpleModel.class);
        s1 = simple.create(new SimpleModel(1, LocalDateTime.of(2022, 1, 1, 0, 0, 0)));
        s2 = simple.create(new SimpleModel(2, LocalDateTime.of(2022, 1, 1, 0, 0, 1)));
        s3 = simple.create(new SimpleModel(3, LocalDateTime.of(2022, 1, 1, 0, 0, 2)));
    }

    private List<Integer> fieldsByPk() {
        return simple.orderBy("pk").valuesListFlat("field", Integer.class).list();
    }

    @Test
    void alistIsDjangosAsyncIteration() {
        assertEquals(List.of(s1, s2, s3), await(simple.orderBy("pk").alist()));
        assertEquals(simple.orderBy("-field").list(), await(simple.orderBy("-field").alist()));
    }

    @Test
    void aiteratorYieldsEveryRow() {
        RecordingSubscriber<SimpleModel> s = new RecordingSubscriber<>();
        simple.aiterator().subscribe(s);
        assertEquals(Set.of(s1, s2, s3), new HashSet<>(s.requestAllAndAwait()));
    }

    @Test
    void aiteratorRejectsInvalidChunkSizes() {
        for (int size : new int[] {0, -1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> simple.aiterator(size));
            assertEquals("Chunk size must be strictly positive.", e.getMessage());
        }
    }

    @Test
    void acount() {
        assertEquals(3L, await(simple.acount()));
        assertEquals(simple.filter("field__gt", 1).count(), await(simple.filter("field__gt", 1).acount()));
    }

    @Test
    void aget() {
        assertEquals(s1, await(simple.aget("field", 1)));
        assertEquals(simple.get(Q.of("field", 2)), await(simple.aget(Q.of("field", 2))));
        assertEquals(s3, await(simple.aget(Map.of("field", 3))));
        assertEquals(s2, await(simple.filter("field", 2).aget()));
    }

    @Test
    void acreate() {
        SimpleModel made = await(simple.acreate(Map.of("field", 4)));
        assertEquals(4, made.getField());
        assertEquals(4L, await(simple.acount()));
        SimpleModel instance = await(simple.acreate(new SimpleModel(5)));
        assertEquals(instance, simple.get("field", 5));
    }

    @Test
    void agetOrCreate() {
        Created<SimpleModel> made = await(simple.agetOrCreate(Map.of("field", 4)));
        assertTrue(made.created());
        assertEquals(4L, await(simple.acount()));
        Created<SimpleModel> found = await(simple.agetOrCreate(Map.of("field", 4), Map.of("created", LocalDateTime.now())));
        assertFalse(found.created());
        assertEquals(made.object(), found.object());
    }

    @Test
    void aupdateOrCreate() {
        Created<SimpleModel> updated = await(simple.aupdateOrCreate(Map.of("id", s1.getId()), Map.of("field", 2)));
        assertEquals(s1, updated.object());
        assertEquals(2, updated.object().getField());
        assertFalse(updated.created());
        Created<SimpleModel> made = await(simple.aupdateOrCreate(Map.of("field", 4), Map.of()));
        assertEquals(4L, await(simple.acount()));
        assertTrue(made.created());
        Created<SimpleModel> fromCreateDefaults = await(simple.aupdateOrCreate(Map.of("field", 5), Map.of("field", 7),
                Map.of("field", 6)));
        assertEquals(5L, await(simple.acount()));
        assertTrue(fromCreateDefaults.created());
        assertEquals(6, fromCreateDefaults.object().getField());
    }

    @Test
    void abulkCreate() {
        List<SimpleModel> objs = IntStream.range(0, 10).mapToObj(SimpleModel::new).collect(java.util.stream.Collectors.toList());
        List<SimpleModel> created = await(simple.abulkCreate(objs));
        assertEquals(10, created.size());
        assertTrue(created.stream().allMatch(o -> o.getId() != null));
        List<SimpleModel> batched = IntStream.range(20, 25).mapToObj(SimpleModel::new).collect(java.util.stream.Collectors.toList());
        await(simple.abulkCreate(batched, BulkOptions.defaults().batchSize(2)));
        assertEquals(18L, await(simple.acount()));
    }

    @Test
    void abulkUpdate() {
        List<SimpleModel> all = await(simple.alist());
        all.forEach(o -> o.setField(o.getField() * 10));
        assertEquals(3L, await(simple.abulkUpdate(all, List.of("field"))));
        assertEquals(List.of(10, 20, 30), fieldsByPk());
        all.forEach(o -> o.setField(o.getField() + 1));
        assertEquals(3L, await(simple.abulkUpdate(all, List.of("field"), 1)));
        assertEquals(List.of(11, 21, 31), fieldsByPk());
    }

    @Test
    void ainBulk() {
        assertEquals(Map.of(s1.getId(), s1, s2.getId(), s2, s3.getId(), s3), await(simple.ainBulk()));
        assertEquals(Map.of(s2.getId(), s2), await(simple.ainBulk(List.of(s2.getId()))));
        assertEquals(Map.of(s2.getId(), s2), await(simple.ainBulk(List.of(s2.getId()), "id")));
        assertEquals(simple.inBulk(), await(simple.ainBulk()));
    }

    @Test
    void alatest() {
        assertEquals(s3, await(simple.alatest("created")));
        assertEquals(s1, await(simple.alatest("-created")));
    }

    @Test
    void aearliest() {
        assertEquals(s1, await(simple.aearliest("created")));
        assertEquals(s3, await(simple.aearliest("-created")));
    }

    @Test
    void afirst() {
        assertEquals(s1, await(simple.afirst()).orElseThrow());
        assertTrue(await(simple.filter("field", 4).afirst()).isEmpty());
        assertEquals(simple.orderBy("-field").first(), await(simple.orderBy("-field").afirst()));
    }

    @Test
    void alast() {
        assertEquals(s3, await(simple.alast()).orElseThrow());
        assertTrue(await(simple.filter("field", 4).alast()).isEmpty());
        assertEquals(simple.orderBy("-field").last(), await(simple.orderBy("-field").alast()));
    }

    @Test
    void aaggregate() {
        Map<String, Object> total = await(simple.aaggregate(Map.of("total", Aggregate.sum("field"))));
        assertEquals(Set.of("total"), total.keySet());
        assertEquals(6L, ((Number) total.get("total")).longValue());
        assertEquals(simple.aggregate(Aggregate.max("field")), await(simple.aaggregate(Aggregate.max("field"))));
    }

    @Test
    void aexists() {
        assertTrue(await(simple.filter("field", 1).aexists()));
        assertFalse(await(simple.filter("field", 4).aexists()));
    }

    @Test
    void acontains() {
        assertTrue(await(simple.acontains(s1)));
        SimpleModel unknown = new SimpleModel(4);
        unknown.setId(s3.getId() + 1);
        assertFalse(await(simple.acontains(unknown)));
        assertThrows(IllegalArgumentException.class, () -> simple.acontains(new SimpleModel(5)),
                "an instance without pk is bad input: rejected at call time, as the sync twin does");
    }

    @Test
    void aupdate() {
        assertEquals(3L, await(simple.aupdate(Map.of("field", 99))));
        assertEquals(Set.of(99), new HashSet<>(fieldsByPk()));
    }

    @Test
    void adelete() {
        Deleted deleted = await(simple.filter("field", 2).adelete());
        assertEquals(1, deleted.count());
        assertEquals(Map.of("SimpleModel", 1L), deleted.perModel());
        assertEquals(List.of(s1, s3), simple.orderBy("pk").list());
    }

    @Test
    void aexplainInEveryFormat() {
        assertTrue(await(simple.filter("field", 1).aexplain()).contains("Scan"));
        for (String format : List.of("text", "json", "xml", "yaml")) {
            // A transport that cannot read xml in a parameterized statement's results explains an unfiltered one.
            boolean parameters = !format.equals("xml") || configuration.readsXmlWithParameters();
            String plan = await((parameters ? simple.filter("field", 1) : simple.all()).aexplain(format));
            assertFalse(plan.isBlank(), format);
            if (format.equals("json")) {
                assertTrue(plan.strip().startsWith("["), plan);
            }
            if (format.equals("xml")) {
                assertTrue(plan.strip().startsWith("<explain"), plan);
            }
        }
    }

    @Test
    void rawAlistWithAParameter() {
        String sql = "SELECT id, field FROM simple_model WHERE created = ?";
        assertEquals(List.of(s1), await(db.raw(SimpleModel.class, sql, s1.getCreated()).alist()));
    }

    @Test
    void asyncTwinsReturnAtOnceAndRunConcurrently() {
        List<CompletableFuture<Long>> futures = IntStream.range(0, 20).mapToObj(i -> simple.filter("field__gt", i % 4).acount()).toList();
        for (int i = 0; i < futures.size(); i++) {
            assertEquals(Math.max(0, 3 - i % 4), await(futures.get(i)));
        }
    }
}
