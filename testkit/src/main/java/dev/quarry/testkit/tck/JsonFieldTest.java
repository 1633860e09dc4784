package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.Json;
import dev.quarry.Manager;
import dev.quarry.Q;
import dev.quarry.QuerySet;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.JsonModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Django's {@code JSONField} querying (tests/model_fields/test_jsonfield.py, {@code TestQuerying} and
 * {@code TestSaveLoad}), on the same rows and with Django's expected results.
 */
class JsonFieldTest extends TckBase {

    private List<JsonModel> objs;

    @Override
    protected List<Class<?>> models() {
        return List.of(JsonModel.class);
    }

    private Manager<JsonModel> json() {
        return db.objects(JsonModel.class);
    }

    /** Django's mutable-literal helpers: a map keeping insertion order, nulls allowed. */
    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    @BeforeEach
    void setUpTestData() {
        List<Object> values = list(
                null,
                list(),
                obj(),
                obj("a", "b", "c", 14),
                obj("a", "b", "c", 14, "d", list("e", obj("f", "g")), "h", true, "i", false, "j", null,
                        "k", obj("l", "m"), "n", list(null, true, false), "o", "\"quoted\"", "p", 4.2,
                        "r", obj("s", true, "t", false)),
                list(1, list(2)),
                obj("k", true, "l", false, "foo", "bax"),
                obj("foo", "bar", "baz", obj("a", "b", "c", "d"), "bar", list("foo", "bar"), "bax", obj("foo", "bar")),
                true, false, "yes", 7, 9.6);
        objs = new ArrayList<>();
        for (Object v : values) {
            objs.add(json().create(new JsonModel(v)));
        }
    }

    private List<JsonModel> objs(int from, int to) {
        return objs.subList(from, to);
    }

    @SafeVarargs
    private static <T> List<T> concat(Collection<T>... parts) {
        List<T> out = new ArrayList<>();
        for (Collection<T> p : parts) {
            out.addAll(p);
        }
        return out;
    }

    private static void assertCountEqual(Collection<JsonModel> expected, QuerySet<JsonModel> qs) {
        List<JsonModel> actual = qs.list();
        assertEquals(new HashSet<>(expected), new HashSet<>(actual), qs.toString());
        assertEquals(expected.size(), actual.size());
    }

    @Test
    void exactMatchesAWholeDocument() {
        assertEquals(List.of(objs.get(2)), json().filter("value__exact", obj()).list());
        assertEquals(List.of(objs.get(3)), json().filter("value__exact", obj("a", "b", "c", 14)).list());
    }

    @Test
    void icontainsSearchesTheDocumentText() {
        assertCountEqual(objs(6, 8), json().filter("value__icontains", "BaX"));
    }

    @Test
    void isnullIsSqlNull() {
        assertEquals(List.of(objs.get(0)), json().filter("value__isnull", true).list());
    }

    @Test
    void sqlNullDiffersFromJsonNull() {
        JsonModel jsonNull = json().create(new JsonModel(Json.NULL));
        JsonModel sqlNull = json().get("pk", objs.get(0).id);
        assertEquals("null", String.valueOf(json().filter("pk", jsonNull.id).valuesListFlat("value", Object.class).get()));
        assertEquals(List.of(jsonNull), json().filter("value", Json.NULL).list());
        assertEquals(List.of(sqlNull), json().filter("value", null).list());
        assertEquals(List.of(sqlNull), json().filter("value__isnull", true).list());
        assertNull(json().get("pk", jsonNull.id).value, "the JSON null reads back as null, as Django's None");
        assertEquals(1, json().filter("value__isnull", true).update(Map.of("value", Json.NULL)));
        assertEquals(2, json().filter("value", Json.NULL).count());
    }

    @Test
    void primitivesDictsAndListsSurviveARoundTrip() {
        List<Object> values = list(true, 1, 1.45, "String", "", obj(), obj("name", "John", "age", 20, "height", 180.3),
                obj("a", true, "b", obj("b1", false, "b2", null)), list(), list("John", 20, 180.3),
                list(true, list(false, null)));
        for (Object v : values) {
            JsonModel created = json().create(new JsonModel(v));
            assertEquals(v, json().get("pk", created.id).value, String.valueOf(v));
        }
    }

    @Test
    void orderingByAKeyTransformOrdersJsonValues() {
        List<Map<String, Object>> values = List.of(obj("ord", 93, "name", "bar"), obj("ord", 22.1, "name", "foo"),
                obj("ord", -1, "name", "baz"), obj("ord", 21.931902, "name", "spam"), obj("ord", -100291029, "name", "eggs"));
        List<JsonModel> created = new ArrayList<>();
        values.forEach(v -> created.add(json().create(new JsonModel(v))));
        assertEquals(List.of(created.get(4), created.get(2), created.get(3), created.get(1), created.get(0)),
                json().filter("value__name__isnull", false).orderBy("value__ord").list());
    }

    @Test
    void groupingAndCountingByKeyTransforms() {
        List<Object> counts = json().filter("value__isnull", false).values("value__d__0")
                .annotate("count", Aggregate.count("value__d__0")).orderBy("count").list().stream()
                .map(row -> row.get("count")).toList();
        assertEquals(List.of(0L, 1L), counts);
        json().create(new JsonModel(obj("a", "b", "c", 1)));
        List<Map<String, Object>> byA = json().filter("value__a__isnull", false).values("value__a")
                .annotate("count", Aggregate.count("id")).orderBy("value__a").list();
        assertEquals(List.of(obj("value__a", "b", "count", 3L)), byA);
        assertEquals(List.of(objs.get(4)), json().filter("value__d__0__isnull", false).orderBy("value__d__0").list());
    }

    @Test
    void keyTransformsAsAnnotations() {
        assertEquals(list("m", null), json().filter("value__k__isnull", false).annotate("l", F.of("value__k__l"))
                .orderBy("pk").valuesListFlat("l", Object.class).list());
        assertEquals(List.of(objs.get(7)), json().filter("value__foo", F.of("value__bax__foo")).list());
    }

    @Test
    void hasKey() {
        assertCountEqual(List.of(objs.get(3), objs.get(4)), json().filter("value__has_key", "a"));
        assertEquals(List.of(objs.get(4)), json().filter("value__has_key", "j").list(), "a key holding null");
        assertEquals(List.of(objs.get(7)), json().filter("value__baz__has_key", "a").list());
        assertEquals(List.of(objs.get(4)), json().filter("value__d__1__has_key", "f").list());
    }

    @Test
    void hasKeyInAList() {
        JsonModel obj = json().create(new JsonModel(list(obj("a", 1), obj("b", "x"))));
        assertEquals(List.of(obj), json().filter("value__1__has_key", "b").list());
    }

    @Test
    void hasKeysAndHasAnyKeys() {
        assertEquals(List.of(objs.get(4)), json().filter("value__has_keys", List.of("a", "c", "h")).list());
        assertCountEqual(List.of(objs.get(3), objs.get(4), objs.get(6)), json().filter("value__has_any_keys", List.of("c", "l")));
    }

    @Test
    void hasKeyWithNumericKeys() {
        JsonModel obj = json().create(new JsonModel(obj("123", "value", "nested", obj("456", "bar", "lorem", "abc", "999", true),
                "array", list(obj("789", "baz", "777", "def", "ipsum", 200)), "000", "val")));
        List<Q> tests = List.of(Q.of("value__has_key", "123"), Q.of("value__nested__has_key", "456"),
                Q.of("value__array__0__has_key", "789"), Q.of("value__has_keys", List.of("nested", "123", "array", "000")),
                Q.of("value__nested__has_keys", List.of("lorem", "999", "456")),
                Q.of("value__array__0__has_keys", List.of("789", "ipsum", "777")),
                Q.of("value__has_any_keys", List.of("000", "nonexistent")),
                Q.of("value__nested__has_any_keys", List.of("999", "nonexistent")),
                Q.of("value__array__0__has_any_keys", List.of("777", "nonexistent")));
        for (Q q : tests) {
            assertEquals(List.of(obj), json().filter(q).list(), q.toString());
        }
    }

    @Test
    void containsIsJsonContainment() {
        List<Object[]> tests = List.of(
                new Object[]{obj(), concat(objs(2, 5), objs(6, 8))},
                new Object[]{obj("baz", obj("a", "b", "c", "d")), List.of(objs.get(7))},
                new Object[]{obj("baz", obj("a", "b")), List.of(objs.get(7))},
                new Object[]{obj("baz", obj("c", "d")), List.of(objs.get(7))},
                new Object[]{obj("k", true, "l", false), List.of(objs.get(6))},
                new Object[]{obj("d", list("e", obj("f", "g"))), List.of(objs.get(4))},
                new Object[]{obj("d", list("e")), List.of(objs.get(4))},
                new Object[]{obj("d", list(obj("f", "g"))), List.of(objs.get(4))},
                new Object[]{list(1, list(2)), List.of(objs.get(5))},
                new Object[]{list(1), List.of(objs.get(5))},
                new Object[]{list(list(2)), List.of(objs.get(5))},
                new Object[]{obj("n", list(null, true, false)), List.of(objs.get(4))},
                new Object[]{obj("j", null), List.of(objs.get(4))});
        for (Object[] t : tests) {
            @SuppressWarnings("unchecked") List<JsonModel> expected = (List<JsonModel>) t[1];
            assertCountEqual(expected, json().filter("value__contains", t[0]));
        }
        for (Object primitive : List.of(true, false, "yes", 7, 9.6)) {
            assertTrue(json().filter("value__contains", primitive).exists(), String.valueOf(primitive));
        }
    }

    @Test
    void containedBy() {
        assertCountEqual(objs(2, 4), json().filter("value__contained_by", obj("a", "b", "c", 14, "h", true)));
    }

    @Test
    void deepValuesReadKeysAtAnyDepth() {
        List<Object> expected = new ArrayList<>(java.util.Collections.nCopies(objs.size(), null));
        expected.set(4, "m");
        assertEquals(expected, json().orderBy("pk").valuesListFlat("value__k__l", Object.class).list());
        List<List<Object>> rows = json().orderBy("pk").valuesList("value__k__l").list();
        assertEquals(List.of("m"), rows.get(4));
    }

    @Test
    void keyIsnullTellsMissingKeys() {
        assertCountEqual(concat(objs(0, 3), objs(5, objs.size())), json().filter("value__a__isnull", true));
        assertCountEqual(concat(objs(0, 4), objs(5, objs.size())), json().filter("value__j__isnull", true));
        assertCountEqual(List.of(objs.get(3), objs.get(4)), json().filter("value__a__isnull", false));
        assertEquals(List.of(objs.get(4)), json().filter("value__j__isnull", false).list());
    }

    @Test
    void keyIsnullOrNone() {
        JsonModel obj = json().create(new JsonModel(obj("a", null)));
        assertCountEqual(concat(objs(0, 3), objs(5, objs.size()), List.of(obj)),
                json().filter(Q.of("value__a__isnull", true).or(Q.of("value__a", null))));
    }

    @Test
    void noneUnderAKeyIsTheJsonNull() {
        assertEquals(List.of(objs.get(4)), json().filter("value__j", null).list());
        JsonModel obj = json().create(new JsonModel(obj("j", 1)));
        assertEquals(List.of(obj), json().exclude("value__j", null).list());
        assertEquals(List.of(objs.get(4)), json().filter("value__a", "b").filter("value__j", null).list());
    }

    @Test
    void indexTransforms() {
        assertEquals(List.of(objs.get(5)), json().filter("value__0", 1).list());
        assertEquals(List.of(objs.get(5)), json().filter("value__-2", 1).list(), "negative index");
        assertEquals(List.of(objs.get(5)), json().filter("value__1__0", 2).list());
        assertEquals(List.of(objs.get(5)), json().filter("value__-1__0", 2).list());
        assertEquals(List.of(objs.get(4)), json().filter("value__d__1__f", "g").list());
        assertEquals(List.of(objs.get(4)), json().filter("value__d__-1__f", "g").list());
    }

    @Test
    void keyTransforms() {
        assertCountEqual(List.of(objs.get(3), objs.get(4)), json().filter("value__a", "b"));
        assertEquals(List.of(objs.get(4)), json().filter("value__k__l", "m").list());
        assertEquals(List.of(objs.get(4)), json().filter("value__k", obj("l", "m")).list());
        assertEquals(objs.get(4), json().get("value__o", "\"quoted\""));
        JsonModel escaped = json().create(new JsonModel(obj("%total", 10)));
        assertEquals(escaped, json().get("value__%total", 10));
    }

    @Test
    void keyTransformsFollowedByComparisons() {
        assertCountEqual(List.of(objs.get(3), objs.get(4)), json().filter("value__c__gt", 2));
        assertCountEqual(List.of(objs.get(3), objs.get(4)), json().filter("value__c__gt", 2.33));
        assertFalse(json().filter("value__c__lt", 5).exists());
    }

    @Test
    void keysWithSpecialCharactersAreBoundNotSpliced() {
        List<String> keys = List.of("CONTROL", "single'", "dollar$", "dot.dot", "with space", "back\\slash",
                "question?mark", "user@name", "emo\uD83E\uDD21'ji", "com,ma", "curly{{{brace}}}s", "double\"",
                "escape\uffff'seq'\uffffue\uffff'nce");
        Map<String, Object> value = new LinkedHashMap<>();
        keys.forEach(k -> value.put(k, "some value"));
        JsonModel obj = json().create(new JsonModel(value));
        assertEquals(value, json().get("pk", obj.id).value);
        for (String key : keys) {
            assertEquals(List.of(obj), json().filter("value__has_key", key).list(), key);
            assertEquals(List.of(obj), json().filter("value__has_keys", List.of(key, "CONTROL")).list(), key);
            assertEquals(List.of(obj), json().filter("value__has_any_keys", List.of(key, "does_not_exist")).list(), key);
            assertEquals(List.of(obj), json().filter("value__" + key, "some value").list(), key);
        }
        assertFalse(json().filter("value__test' = '\"a\"') OR 1 = 1 OR ('d", "x").exists());
    }

    @Test
    void excludeKeepsRowsWithoutTheKeyOutAsDjangoDoes() {
        assertCountEqual(List.of(objs.get(0)), json().exclude("value__a", "b"));
        assertCountEqual(List.of(objs.get(0), objs.get(7)), json().exclude("value__foo", "bax"));
        assertCountEqual(List.of(objs.get(0), objs.get(7)), json().filter(Q.not(Q.of("value__foo", "bax"))));
        Q condition = Q.of("value__foo", "bax");
        assertEquals(List.of(objs.get(6)), json().exclude(condition.negate()).list());
        assertCountEqual(List.of(objs.get(6), objs.get(0), objs.get(7)), json().filter(condition.or(condition.negate())));
        assertCountEqual(concat(objs(0, 6), objs(7, objs.size())),
                json().exclude(condition.and(Q.of("value__foo__isnull", false))));
    }

    @Test
    void arrayKeyContains() {
        assertEquals(List.of(objs.get(7)), json().filter("value__bar__contains", list()).list());
        assertEquals(List.of(objs.get(7)), json().filter("value__bar__contains", "bar").list());
        assertEquals(List.of(objs.get(7)), json().filter("value__bar__contains", list("bar")).list());
        assertEquals(List.of(), json().filter("value__bar__contains", "ar").list());
    }

    @Test
    void keyTextLookups() {
        assertTrue(json().filter("value__foo__iexact", "BaR").exists());
        assertFalse(json().filter("value__foo__iexact", "\"BaR\"").exists());
        assertFalse(json().filter("value__foo__contains", "ar").exists());
        assertTrue(json().filter("value__foo__contains", "bar").exists());
        assertTrue(json().filter("value__foo__icontains", "Ar").exists());
        assertTrue(json().filter("value__foo__startswith", "b").exists());
        assertTrue(json().filter("value__foo__istartswith", "B").exists());
        assertTrue(json().filter("value__foo__endswith", "r").exists());
        assertTrue(json().filter("value__foo__iendswith", "R").exists());
        assertTrue(json().filter("value__foo__regex", "^bar$").exists());
        assertTrue(json().filter("value__foo__iregex", "^bAr$").exists());
    }

    @Test
    void keyIn() {
        List<Object[]> tests = List.of(
                new Object[]{"value__c__in", List.of(14), objs(3, 5)},
                new Object[]{"value__c__in", List.of(14, 15), objs(3, 5)},
                new Object[]{"value__0__in", List.of(1), List.of(objs.get(5))},
                new Object[]{"value__0__in", List.of(1, 3), List.of(objs.get(5))},
                new Object[]{"value__foo__in", List.of("bar"), List.of(objs.get(7))},
                new Object[]{"value__foo__in", List.of(F.of("value__bax__foo")), List.of(objs.get(7))},
                new Object[]{"value__foo__in", List.of(F.of("value__bax__foo"), "baz"), List.of(objs.get(7))},
                new Object[]{"value__foo__in", List.of("bar", "baz"), List.of(objs.get(7))},
                new Object[]{"value__bar__in", List.of(list("foo", "bar")), List.of(objs.get(7))},
                new Object[]{"value__bar__in", List.of(list("foo", "bar"), list("a")), List.of(objs.get(7))},
                new Object[]{"value__bax__in", List.of(obj("foo", "bar"), obj("a", "b")), List.of(objs.get(7))},
                new Object[]{"value__h__in", List.of(true, "foo"), List.of(objs.get(4))},
                new Object[]{"value__i__in", List.of(false, "foo"), List.of(objs.get(4))});
        for (Object[] t : tests) {
            @SuppressWarnings("unchecked") List<JsonModel> expected = (List<JsonModel>) t[2];
            assertCountEqual(expected, json().filter((String) t[0], t[1]));
        }
    }

    @Test
    void keyValues() {
        QuerySet<JsonModel> qs = json().filter("value__h", true);
        Object[][] tests = {{"value__a", "b"}, {"value__c", 14}, {"value__d", list("e", obj("f", "g"))}, {"value__h", true},
                {"value__i", false}, {"value__j", null}, {"value__k", obj("l", "m")}, {"value__n", list(null, true, false)},
                {"value__p", 4.2}, {"value__r", obj("s", true, "t", false)}};
        for (Object[] t : tests) {
            assertEquals(t[1], qs.valuesListFlat((String) t[0], Object.class).get(), (String) t[0]);
        }
        assertEquals(Map.of("value__a", "b"), qs.values("value__a").get());
    }

    @Test
    void lookupsAfterKeyTransforms() {
        assertTrue(json().filter("value__baz__has_key", "c").exists());
        assertTrue(json().filter("value__baz__has_keys", List.of("a", "c")).exists());
        assertTrue(json().filter("value__baz__has_any_keys", List.of("a", "x")).exists());
        assertTrue(json().filter("value__d__contains", "e").exists());
        assertTrue(json().filter("value__d__contains", list(obj("f", "g"))).exists());
        assertTrue(json().filter("value__contains", F.of("value__bax")).exists());
        assertTrue(json().filter("value__baz__contains", obj("a", "b")).exists());
        assertTrue(json().filter("value__baz__contained_by", obj("a", "b", "c", "d", "e", "f")).exists());
    }

    @Test
    void usableInASubqueryAndAcrossTwins() {
        assertCountEqual(objs(3, 5), json().filter("value__c", 14));
        assertEquals(2L, json().filter("value__c", 14).acount().join());
        assertEquals(List.of(objs.get(4)), json().filter("value__k__l", "m").alist().join());
        assertEquals("m", json().filter("value__k__l", "m").valuesListFlat("value__k__l", Object.class).aget().join());
    }

    @Test
    void mapAndRecordFieldsRoundTripAndFilter() {
        JsonModel m = new JsonModel(obj("x", 1));
        m.data = obj("owner", obj("name", "Bob", "age", 31), "tags", list("a", "b"));
        m.owner = new JsonModel.Owner("Ann", 40);
        m.owners = List.of(new JsonModel.Owner("Cy", 3), new JsonModel.Owner("Di", 4));
        JsonModel saved = json().acreate(m).join();
        JsonModel read = json().aget("pk", saved.id).join();
        assertEquals(m.data, read.data);
        assertEquals(m.owner, read.owner);
        assertEquals(m.owners, read.owners);
        assertEquals(saved, json().get("data__owner__name", "Bob"));
        assertEquals(saved, json().get("data__owner__age__gte", 30));
        assertEquals(saved, json().get("data__tags__1", "b"));
        assertEquals(saved, json().get("owner__name", "Ann"));
        assertEquals(saved, json().get("owners__1__age", 4));
        assertEquals(saved, json().get("owner", new JsonModel.Owner("Ann", 40)));
        assertEquals(1, json().filter("pk", saved.id).update(Map.of("owner", new JsonModel.Owner("Eve", 5))));
        assertEquals(new JsonModel.Owner("Eve", 5), json().get("pk", saved.id).owner);
        m.data.put("extra", true);
        json().save(read);
        assertEquals(read.data, json().get("pk", saved.id).data);
    }

    @Test
    void unknownJsonLookupsAndValuesFailClearly() {
        assertThrows(IllegalArgumentException.class, () -> json().create(new JsonModel(new Object())));
        assertThrows(IllegalArgumentException.class, () -> json().filter("value__has_key", List.of("a", "b")).count());
        assertThrows(FieldException.class, () -> json().filter("nope__a", 1).count());
    }
}
