package dev.quarry.testkit.tck;

import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.ArrayModel;
import dev.quarry.testkit.models.Experiment;
import dev.quarry.testkit.models.JsonModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON, array and interval values through every write and read path: bulk writes, values(), raw SQL, getOrCreate. */
class FieldTypeWritesTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(JsonModel.class, ArrayModel.class, Experiment.class);
    }

    @Test
    void bulkCreateAndBulkUpdateCarryJsonAndArrays() {
        JsonModel a = new JsonModel(Map.of("n", 1));
        a.owner = new JsonModel.Owner("a", 1);
        JsonModel b = new JsonModel(List.of(1, 2));
        List<JsonModel> created = db.objects(JsonModel.class).bulkCreate(List.of(a, b));
        created.get(0).owner = new JsonModel.Owner("z", 26);
        created.get(1).value = Map.of("now", "an object");
        assertEquals(2, db.objects(JsonModel.class).bulkUpdate(created, List.of("owner", "value")));
        assertEquals(new JsonModel.Owner("z", 26), db.objects(JsonModel.class).get("pk", created.get(0).id).owner);
        assertEquals(Map.of("now", "an object"), db.objects(JsonModel.class).get("value__now", "an object").value);

        ArrayModel x = new ArrayModel(1, 2);
        x.tags = new String[]{"p", "q"};
        ArrayModel y = new ArrayModel(3);
        List<ArrayModel> arrays = db.objects(ArrayModel.class).bulkCreate(List.of(x, y));
        arrays.get(1).tags = new String[]{"r"};
        assertEquals(2, db.objects(ArrayModel.class).bulkUpdate(arrays, List.of("tags")));
        assertArrayEquals(new String[]{"r"}, db.objects(ArrayModel.class).get("tags__contains", List.of("r")).tags);
    }

    @Test
    void valuesAndRawSqlDecodeJsonArraysAndIntervals() {
        JsonModel m = new JsonModel(Map.of("k", List.of(true, "s")));
        m.owner = new JsonModel.Owner("o", 9);
        m = db.objects(JsonModel.class).create(m);
        Map<String, Object> row = db.objects(JsonModel.class).values().get();
        assertEquals(Map.of("k", List.of(true, "s")), row.get("value"));
        assertEquals(new JsonModel.Owner("o", 9), row.get("owner"));
        JsonModel raw = db.raw(JsonModel.class, "SELECT * FROM tck_json_model WHERE id = ?", m.id).list().getFirst();
        assertEquals(m.owner, raw.owner);
        assertEquals(m.value, raw.value);

        ArrayModel a = new ArrayModel(5, 6);
        a.longs = List.of(7L);
        a = db.objects(ArrayModel.class).create(a);
        assertArrayEquals(new Integer[]{5, 6}, (Integer[]) db.objects(ArrayModel.class).values("field").get().get("field"));
        ArrayModel rawArray = db.raw(ArrayModel.class, "SELECT * FROM tck_array_model WHERE id = ?", a.id).list().getFirst();
        assertEquals(List.of(7L), rawArray.longs);

        LocalDateTime t = LocalDateTime.of(2020, 1, 1, 0, 0);
        db.objects(Experiment.class).create(new Experiment("x", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 2),
                Duration.ofMinutes(90), t, t.plusMinutes(90)));
        assertEquals(Duration.ofMinutes(90), db.raw(Experiment.class, "SELECT * FROM tck_experiment").list()
                .getFirst().estimatedTime);
    }

    @Test
    void getOrCreateLooksUpAndStoresJson() {
        var first = db.objects(JsonModel.class).getOrCreate(Map.of("data__owner", "x"), Map.of("data", Map.of("owner", "x")));
        assertTrue(first.created());
        var second = db.objects(JsonModel.class).agetOrCreate(Map.of("data__owner", "x"), Map.of("data", Map.of("owner", "y")))
                .join();
        assertEquals(first.object(), second.object());
        assertEquals(false, second.created());
    }
}
