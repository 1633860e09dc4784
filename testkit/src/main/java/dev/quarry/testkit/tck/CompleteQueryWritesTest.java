package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.Deleted;
import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.QuerySet;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Publisher;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * update() and delete() act on exactly the rows the QuerySet selects: the restriction they send is the complete
 * query, with its joins, GROUP BY, HAVING and DISTINCT (issue 8, item 3: an aggregate-filtered update used to
 * touch every row). Ported from Django's tests/update (AdvancedTests) and tests/delete (FastDeleteTests), on
 * {@link Blog}'s data: ada has 3 posts, bob 2, cyd 1, dee none; Penguin has 2 writers, Acme none.
 */
class CompleteQueryWritesTest extends BlogTestBase {

    private QuerySet<Writer> byPostCount() {
        return blog.writers.annotate("n", Aggregate.count("posts"));
    }

    private List<String> writersAt(Publisher publisher) {
        return blog.writers.filter("publisher", publisher).orderBy("name").list().stream().map(Writer::getName).toList();
    }

    @Test
    void updateOfAnAggregateFilteredQuerySetTouchesOnlyTheMatchingRows() {
        assertEquals(2, byPostCount().filter("n__gte", 2).update(Map.of("publisher", blog.acme)));
        assertEquals(List.of("ada", "bob"), writersAt(blog.acme));
        assertEquals(2, blog.writers.filter("publisher__isnull", true).count(), "cyd and dee are untouched");
    }

    @Test
    void aupdateOfAnAggregateFilteredQuerySetTouchesOnlyTheMatchingRows() {
        assertEquals(1L, await(byPostCount().filter("n", 1).aupdate(Map.of("publisher", blog.acme))));
        assertEquals(List.of("cyd"), writersAt(blog.acme));
    }

    /** Django's test_update_annotated_multi_table_queryset. */
    @Test
    void updateAnnotatedMultiTableQuerySet() {
        QuerySet<Publisher> counted = blog.publishers.annotate("writerCount", Aggregate.count("writers"));
        assertEquals(2, counted.update(Map.of("name", "Foo")));
        assertEquals(1, counted.filter("writerCount", 2).update(Map.of("name", "Bar")));
        assertEquals(List.of("Bar", "Foo"), blog.publishers.orderBy("name").list().stream().map(Publisher::getName).toList());
    }

    /** Django's test_update_ordered_by_m2m_aggregation_annotation: the ordering plays no part in the restriction. */
    @Test
    void updateOrderedByAnAggregateAnnotation() {
        assertEquals(6, blog.posts.annotate("tagCount", Aggregate.count("tags")).orderBy("tagCount").update(Map.of("views", 1)));
        assertEquals(6, blog.posts.filter("views", 1).count());
    }

    @Test
    void updateOfAHavingConditionAcrossAManyToMany() {
        assertEquals(3, blog.posts.annotate("tagCount", Aggregate.count("tags")).filter("tagCount__gte", 2)
                .update(Map.of("views", 99)));
        assertEquals(List.of("Django ORM", "Java records", "Python vs Java"),
                blog.posts.filter("views", 99).orderBy("title").list().stream().map(Post::getTitle).toList());
    }

    @Test
    void updateOfAnExcludedAggregateConditionKeepsTheOtherRows() {
        assertEquals(2, byPostCount().exclude("n__gte", 2).update(Map.of("publisher", blog.acme)));
        assertEquals(List.of("cyd", "dee"), writersAt(blog.acme));
    }

    /** Django's test_update_annotated_queryset. */
    @Test
    void updateAnnotatedQuerySet() {
        assertEquals(6, blog.posts.annotate("alias", F.of("views")).update(Map.of("published", true)));
        assertEquals(1, blog.posts.annotate("alias", F.of("views")).filter("alias", 10).update(Map.of("title", "ten")));
        assertEquals(6, blog.posts.annotate("alias", F.of("views").times(2)).update(Map.of("views", F.of("alias"))));
        assertEquals(230L, ((Number) blog.posts.aggregate(Aggregate.sum("views")).get("views__sum")).longValue());
        FieldException aggregate = assertThrows(FieldException.class, () -> blog.posts
                .annotate("most", Aggregate.max("views")).update(Map.of("views", F.of("most"))));
        assertTrue(aggregate.getMessage().startsWith("Aggregate functions are not allowed in this query"), aggregate.getMessage());
    }

    /** Django's test_update_annotated_multi_table_queryset, last part, and test_update_with_joined_field_annotation. */
    @Test
    void updateWithAJoinedFieldAnnotationIsRefused() {
        FieldException e = assertThrows(FieldException.class, () -> blog.posts
                .annotate("writerName", F.of("writer__name")).update(Map.of("title", F.of("writerName"))));
        assertTrue(e.getMessage().startsWith("Joined field references are not permitted in this query"), e.getMessage());
        assertEquals(0, blog.posts.filter("title__in", List.of("ada", "bob", "cyd")).count());
    }

    /** Django's test_update_slice_fail. */
    @Test
    void updateOfASlicedQuerySetIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> blog.posts.orderBy("id").slice(0, 2).update(Map.of("views", 0)));
        assertEquals("Cannot update a query once a slice has been taken.", e.getMessage());
        IllegalStateException async = assertThrows(IllegalStateException.class,
                () -> blog.posts.slice(0, 2).aupdate(Map.of("views", 0)), "misuse is refused when the twin is called");
        assertEquals("Cannot update a query once a slice has been taken.", async.getMessage());
    }

    /** Django's FastDeleteTests.test_fast_delete_aggregation. */
    @Test
    void deleteOfAnAggregateFilteredQuerySetDeletesOnlyTheMatchingRows() {
        Deleted deleted = blog.publishers.annotate("writerCount", Aggregate.count("writers")).filter("writerCount", 0).delete();
        assertEquals(new Deleted(1, Map.of("Publisher", 1L)), deleted);
        assertEquals(List.of("Penguin"), blog.publishers.list().stream().map(Publisher::getName).toList());
    }

    @Test
    void adeleteThroughTheCollectorUsesTheCompleteQueryToo() {
        Deleted deleted = await(byPostCount().filter("n", 1).adelete());
        assertEquals(new Deleted(5, Map.of("Writer", 1L, "Post", 1L, "Remark", 1L, "Post_tags", 2L)), deleted,
                "cyd, his post, its remark and its two tag links");
        assertEquals(List.of("ada", "bob", "dee"), blog.writers.orderBy("name").list().stream().map(Writer::getName).toList());
        assertEquals(5, blog.posts.count());
    }

    /** Django's FastDeleteTests.test_fast_delete_joined_qs. */
    @Test
    void deleteOfAJoinedQuerySet() {
        assertEquals(3, blog.remarks.filter("post__writer__name", "ada").delete().count());
        assertEquals(1, blog.remarks.count());
    }

    /** Django allows delete() after distinct() (only distinct(*fields) is refused). */
    @Test
    void deleteAfterDistinctDeletesEachRowOnce() {
        Deleted deleted = blog.remarks.filter("post__tags__name__in", List.of("java", "db")).distinct().delete();
        assertEquals(new Deleted(4, Map.of("Remark", 4L)), deleted, "records (java, db) has 3 remarks, orm (db) 1");
        assertEquals(0, blog.remarks.count());
    }

    @Test
    void deleteOfASlicedQuerySetIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> blog.remarks.slice(0, 1).delete());
        assertEquals("Cannot use 'limit' or 'offset' with delete().", e.getMessage());
        assertEquals(4, blog.remarks.count());
    }
}
