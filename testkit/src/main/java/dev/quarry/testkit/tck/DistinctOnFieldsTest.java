package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.FieldException;
import dev.quarry.Manager;
import dev.quarry.QuerySet;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.StaffMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code distinct(String... fields)}, PostgreSQL's {@code DISTINCT ON}: Django's tests/distinct_on_fields, ported
 * with Django's staff (p1/o1, p2/o1, p3/o1, p1/o2, created in that order) and expected values, plus
 * {@link Blog}'s posts for relations.
 */
class DistinctOnFieldsTest extends BlogTestBase {

    private Manager<StaffMember> staff;
    private StaffMember p1o1;
    private StaffMember p1o2;

    @Override
    protected List<Class<?>> models() {
        List<Class<?>> models = new ArrayList<>(super.models());
        models.add(StaffMember.class);
        return models;
    }

    @BeforeEach
    void createStaff() {
        staff = db.objects(StaffMember.class);
        p1o1 = staff.create(new StaffMember("p1", "o1"));
        staff.create(new StaffMember("p2", "o1"));
        staff.create(new StaffMember("p3", "o1"));
        p1o2 = staff.create(new StaffMember("p1", "o2"));
    }

    private static List<String> staffNames(QuerySet<StaffMember> qs) {
        return qs.list().stream().map(StaffMember::getName).toList();
    }

    /** Django's test_basic_distinct_on, each with its count. */
    @Test
    void basicDistinctOn() {
        Map<QuerySet<StaffMember>, List<String>> cases = Map.of(
                staff.distinct().orderBy("name"), List.of("p1", "p1", "p2", "p3"),
                staff.distinct("name").orderBy("name"), List.of("p1", "p2", "p3"),
                staff.distinct("organisation").orderBy("organisation", "name"), List.of("p1", "p1"),
                staff.distinct("name", "organisation").orderBy("name", "organisation"), List.of("p1", "p1", "p2", "p3"));
        cases.forEach((qs, expected) -> {
            assertEquals(expected, staffNames(qs));
            assertEquals(expected.size(), qs.count());
        });
    }

    @Test
    void distinctOnARelationKeepsTheRowTheOrderingPutsFirst() {
        QuerySet<Post> mostViewed = blog.posts.orderBy("writer", "-views").distinct("writer");
        assertEquals(List.of("Async Java", "Postgres tips", "Django ORM"), mostViewed.list().stream().map(Post::getTitle).toList());
        assertEquals(3, mostViewed.count());
        assertEquals(2, blog.writers.orderBy("publisher__name").distinct("publisher__name").count(), "Penguin and none");
        assertEquals(List.of("Async Java", "Postgres tips", "Django ORM"),
                await(mostViewed.alist()).stream().map(Post::getTitle).toList());
    }

    @Test
    void distinctOnWithValues() {
        assertEquals(List.of("p1", "p1"), staff.distinct("organisation").orderBy("organisation", "name")
                .valuesListFlat("name", String.class).list());
    }

    /** Django's test_distinct_on_in_ordered_subquery: the ordering of a DISTINCT ON subquery is kept. */
    @Test
    void distinctOnInOrderedSubquery() {
        QuerySet<StaffMember> first = staff.filter("pk__in", staff.distinct("name").orderBy("name", "id")).orderBy("name");
        assertEquals(List.of(p1o1.getId()), first.filter("name", "p1").list().stream().map(StaffMember::getId).toList());
        assertEquals(3, first.count());
        QuerySet<StaffMember> last = staff.filter("pk__in", staff.distinct("name").orderBy("name", "-id")).orderBy("name");
        assertEquals(List.of(p1o2.getId()), last.filter("name", "p1").list().stream().map(StaffMember::getId).toList());
    }

    /** Django's test_distinct_on_get_ordering_preserved. */
    @Test
    void distinctOnGetOrderingPreserved() {
        assertEquals("o2", staff.distinct("name").orderBy("name", "-organisation").get("name", "p1").getOrganisation());
    }

    /** Django's test_distinct_not_implemented_checks. */
    @Test
    void distinctNotImplementedChecks() {
        assertThrows(UnsupportedOperationException.class,
                () -> staff.annotate("most", Aggregate.max("id")).distinct("id").list());
        assertThrows(UnsupportedOperationException.class,
                () -> staff.distinct("id").annotate("most", Aggregate.max("id")).list());
        assertEquals(4, staff.distinct("id").annotate("most", Aggregate.max("id")).distinct().list().size(),
                "distinct() drops the fields before the query runs");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> staff.distinct("id").aggregate(Aggregate.max("id")));
        assertEquals("aggregate() + distinct(fields) not implemented.", e.getMessage());
    }

    @Test
    void deleteAfterDistinctFieldsIsRefusedAndUpdateUsesTheCompleteQuery() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> staff.distinct("name").delete());
        assertEquals("Cannot call delete() after .distinct(*fields).", e.getMessage());
        assertEquals(3, staff.distinct("name").orderBy("name", "id").update(Map.of("organisation", "o3")));
        assertEquals(List.of("p1", "p2", "p3"), staffNames(staff.filter("organisation", "o3").orderBy("name")));
        assertEquals("o2", staff.get("pk", p1o2.getId()).getOrganisation(), "only the first p1 by id");
    }

    @Test
    void distinctFieldsAreCheckedAndRefusedAfterASlice() {
        assertThrows(FieldException.class, () -> staff.distinct("bogus"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> staff.slice(0, 1).distinct("name"));
        assertEquals("Cannot create distinct fields once a slice has been taken.", e.getMessage());
    }
}
