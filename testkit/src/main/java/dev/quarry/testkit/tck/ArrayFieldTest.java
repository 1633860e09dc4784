package dev.quarry.testkit.tck;

import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.ArrayModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Django's {@code ArrayField} (tests/postgres_tests/test_array.py, {@code TestSaveLoad} and {@code TestQuerying}),
 * on the same rows and with Django's expected results.
 */
class ArrayFieldTest extends TckBase {

    private List<ArrayModel> objs;

    @Override
    protected List<Class<?>> models() {
        return List.of(ArrayModel.class);
    }

    private Manager<ArrayModel> arrays() {
        return db.objects(ArrayModel.class);
    }

    @BeforeEach
    void setUp() {
        objs = List.of(arrays().create(new ArrayModel(1)), arrays().create(new ArrayModel(2)),
                arrays().create(new ArrayModel(2, 3)), arrays().create(new ArrayModel(20, 30, 40)),
                arrays().create(new ArrayModel((Integer[]) null)));
    }

    private List<ArrayModel> filter(String lookup, Object value) {
        return arrays().filter(lookup, value).orderBy("pk").list();
    }

    @Test
    void integersStringsUuidsAndListsSurviveARoundTrip() {
        ArrayModel m = new ArrayModel(1, null, 3);
        m.tags = new String[]{"hello", "goodbye", "it's \"quoted\", {braced}"};
        m.uuids = new UUID[]{UUID.randomUUID(), UUID.randomUUID()};
        m.longs = List.of(Long.MAX_VALUE, -1L);
        m.numbers = new int[]{7, 8};
        m.codes = new String[]{};
        ArrayModel read = arrays().get("pk", arrays().create(m).id);
        assertArrayEquals(m.field, read.field);
        assertArrayEquals(m.tags, read.tags);
        assertArrayEquals(m.uuids, read.uuids);
        assertEquals(m.longs, read.longs);
        assertArrayEquals(m.numbers, read.numbers);
        assertArrayEquals(m.codes, read.codes);
        assertNull(arrays().get("pk", objs.get(4).id).field, "SQL NULL is null, not an empty array");
    }

    @Test
    void integersPassedAsStringsAreConverted() {
        ArrayModel m = arrays().create(Map.of("field", List.of("1")));
        assertArrayEquals(new Integer[]{1}, arrays().get("pk", m.id).field);
    }

    @Test
    void arraysHaveTheirPostgresqlTypes() throws Exception {
        try (Connection c = database.jdbc(); PreparedStatement ps = c.prepareStatement(
                "SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() "
                        + "AND table_name = 'tck_array_model' ORDER BY ordinal_position")) {
            StringBuilder types = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.append(rs.getString(1)).append('=').append(rs.getString(2)).append(' ');
                }
            }
            assertEquals("id=int8 field=_int4 tags=_text uuids=_uuid longs=_int8 numbers=_int4 codes=_text ",
                    types.toString());
        }
        assertTrue(db.schema().createStatements(ArrayModel.class).stream().anyMatch(s ->
                s.contains("USING GIN (\"tags\")")), "the @GinIndex");
    }

    @Test
    void exactIsnullAndComparisons() {
        assertEquals(objs.subList(0, 1), filter("field__exact", List.of(1)));
        assertEquals(objs.subList(0, 1), filter("field", new Integer[]{1}));
        assertEquals(objs.subList(4, 5), filter("field__isnull", true));
        assertEquals(objs.subList(0, 4), filter("field__gt", List.of(0)));
        assertEquals(objs.subList(0, 1), filter("field__lt", List.of(2)));
        assertEquals(objs.subList(0, 2), filter("field__in", List.of(List.of(1), List.of(2))));
    }

    @Test
    void containsContainedByAndOverlap() {
        assertEquals(objs.subList(0, 2), filter("field__contained_by", List.of(1, 2)));
        assertEquals(objs.subList(1, 3), filter("field__contains", List.of(2)));
        assertEquals(objs.subList(0, 3), filter("field__overlap", List.of(1, 2)));
        assertEquals(List.of(), filter("tags__contains", List.of("text")));
        assertEquals(List.of(), filter("codes__contained_by", List.of("text")));
        assertEquals(List.of(), filter("codes__overlap", List.of("text")));
    }

    @Test
    void containsOnOtherElementTypes() {
        UUID u = UUID.randomUUID();
        ArrayModel m = new ArrayModel();
        m.tags = new String[]{"a", "b"};
        m.uuids = new UUID[]{u};
        m.longs = List.of(5L, 6L);
        m.codes = new String[]{"x"};
        m = arrays().create(m);
        assertEquals(List.of(m), filter("tags__contains", new String[]{"b"}));
        assertEquals(List.of(m), filter("uuids__contains", List.of(u)));
        assertEquals(List.of(m), filter("longs__overlap", List.of(6L, 99L)));
        assertEquals(List.of(m), filter("codes__contained_by", List.of("x", "y")));
        assertEquals(List.of(m), filter("tags__contained_by", List.of("a", "b", "c")));
    }

    @Test
    void indexTransforms() {
        assertEquals(objs.subList(1, 3), filter("field__0", 2));
        assertEquals(objs.subList(0, 3), filter("field__0__lt", 3));
        assertEquals(objs.subList(3, 4), filter("field__2", 40));
        assertEquals(List.of(20, 2), arrays().filter("field__1__isnull", false).orderBy("-field__0")
                .valuesListFlat("field__0", Integer.class).list());
    }

    @Test
    void lenTransform() {
        assertEquals(objs.subList(0, 3), filter("field__len__lte", 2));
        assertEquals(objs.subList(3, 4), filter("field__len", 3));
        ArrayModel empty = arrays().create(new ArrayModel(new Integer[0]));
        assertEquals(List.of(empty), filter("field__len", 0));
    }

    @Test
    void sliceTransforms() {
        assertEquals(objs.subList(1, 3), filter("field__0_1", List.of(2)));
        assertEquals(objs.subList(2, 3), filter("field__0_2", List.of(2, 3)));
        assertEquals(objs.subList(3, 4), filter("field__1_3__contains", List.of(40)));
    }

    @Test
    void updateAndAsyncTwins() {
        assertEquals(1, arrays().filter("pk", objs.get(0).id).update(Map.of("field", new int[]{9, 9})));
        assertArrayEquals(new Integer[]{9, 9}, arrays().aget("pk", objs.get(0).id).join().field);
        assertEquals(2L, arrays().filter("field__contains", List.of(2)).acount().join());
        assertEquals(objs.subList(1, 3), arrays().filter("field__0", 2).orderBy("pk").alist().join());
        assertEquals(List.of(objs.get(0), objs.get(2), objs.get(3)),
                arrays().filter("field__1", F.of("field__1")).orderBy("pk").list());
    }

    @Test
    void badArrayLookupsFailClearly() {
        assertThrows(FieldException.class, () -> arrays().filter("field__nope", 1).count());
        assertThrows(IllegalArgumentException.class, () -> arrays().filter("field__contains", 5).count());
        assertThrows(IllegalArgumentException.class, () -> arrays().filter("field__contains", List.of("x")).count());
    }
}
