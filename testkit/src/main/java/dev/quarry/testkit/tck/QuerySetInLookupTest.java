package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.QuerySet;
import dev.quarry.ValueException;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Tag;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A QuerySet as the value of an {@code __in} lookup (Django's {@code filter(blog__in=Blog.objects.filter(...))},
 * issue 8 item 9): a model QuerySet means its primary keys, a values/valuesList/valuesListFlat QuerySet its one
 * column; the inner query is complete (slice, grouping) and its parameters are bound in order. On {@link Blog}'s
 * data. Messages are Django's (tests/lookup test_in_select_mismatch, tests/queries).
 */
class QuerySetInLookupTest extends BlogTestBase {

    private static final List<String> PENGUIN_POSTS = List.of("Async Java", "Draft notes", "Java records",
            "Postgres tips", "Python vs Java");

    @Test
    void aModelQuerySetMeansItsPrimaryKeys() {
        assertEquals(PENGUIN_POSTS, titles(blog.posts.filter("writer__in", blog.writers.filter("publisher__name", "Penguin"))));
        assertEquals(List.of("ada", "bob"), names(blog.writers.filter("pk__in", blog.writers.filter("publisher", blog.penguin))));
    }

    @Test
    void aOneColumnValuesQuerySetMeansThatColumn() {
        QuerySet<Post> drafts = blog.posts.filter("published", false);
        assertEquals(List.of("ada", "bob"), names(blog.writers.filter("pk__in", drafts.values("writer"))));
        assertEquals(List.of("ada", "bob"), names(blog.writers.filter("pk__in", drafts.valuesList("writer"))));
        assertEquals(List.of("ada", "bob"), names(blog.writers.filter("id__in", drafts.valuesListFlat("writer__id", Long.class))));
    }

    /** Django's test_in_select_mismatch. */
    @Test
    void aQuerySetSelectingSeveralColumnsIsRefused() {
        ValueException e = assertThrows(ValueException.class,
                () -> blog.writers.filter("pk__in", blog.posts.values("writer", "title")));
        assertEquals("The QuerySet value for the 'in' lookup must have 1 selected fields (received 2)", e.getMessage());
        assertThrows(ValueException.class, () -> blog.writers.exclude("pk__in", blog.posts.valuesList()));
    }

    @Test
    void aQuerySetOfAnotherModelIsRefusedForARelation() {
        ValueException e = assertThrows(ValueException.class, () -> blog.posts.filter("writer__in", blog.tags.all()));
        assertEquals("Cannot use QuerySet for \"Tag\": Use a QuerySet for \"Writer\".", e.getMessage());
    }

    @Test
    void excludeTakesAQuerySetToo() {
        assertEquals(List.of("Django ORM", "Postgres tips", "Python vs Java"),
                titles(blog.posts.exclude("writer__in", blog.writers.filter("name", "ada"))));
        assertEquals(List.of("cyd", "dee"), names(blog.writers.exclude("pk__in", blog.posts.filter("published", false).values("writer"))));
        assertEquals(List.of("cyd", "dee"), names(blog.writers.exclude("posts__in", blog.posts.filter("published", false))),
                "across a to-many relation: a subquery inside exclude's own subquery");
    }

    @Test
    void theInnerParametersAreBoundInTheirPlace() {
        QuerySet<Writer> penguins = blog.writers.filter("name__in", List.of("ada", "bob", "cyd")).filter("publisher__name", "Penguin");
        QuerySet<Post> qs = blog.posts.filter("views__gte", 5).filter("writer__in", penguins).filter("title__icontains", "java");
        assertEquals(List.of("Async Java", "Java records", "Python vs Java"), titles(qs));
        assertEquals(3, qs.count());
    }

    @Test
    void worksAcrossRelationsInBothDirections() {
        assertEquals(PENGUIN_POSTS, titles(blog.posts.filter("writer__publisher__in", blog.publishers.filter("name", "Penguin"))));
        assertEquals(List.of("Penguin"), blog.publishers.filter("writers__in", blog.writers.filter("name", "bob"))
                .list().stream().map(p -> p.getName()).toList());
        assertEquals(List.of("db", "python"), blog.tags.filter("posts__in", blog.posts.filter("writer__name", "cyd"))
                .orderBy("name").list().stream().map(Tag::getName).toList());
        assertEquals(PENGUIN_POSTS, titles(blog.posts.filter("writer__in",
                blog.writers.filter("publisher__in", blog.publishers.filter("name", "Penguin")))));
    }

    @Test
    void theInnerQueryIsComplete() {
        assertEquals(List.of("cyd", "dee"), names(blog.writers.filter("pk__in", blog.writers.orderBy("-name").slice(0, 2))),
                "the slice and the ordering it needs");
        assertEquals(List.of("ada", "bob"), names(blog.writers.filter("pk__in",
                blog.writers.annotate("n", Aggregate.count("posts")).filter("n__gte", 2))), "GROUP BY and HAVING");
        assertEquals(List.of("ada", "bob", "cyd"), names(blog.writers.filter("pk__in",
                blog.posts.filter("published", true).values("writer").distinct())));
    }

    @Test
    void anEmptyQuerySetMatchesNothing() {
        assertEquals(List.of(), titles(blog.posts.filter("writer__in", blog.writers.none())));
        assertEquals(6, blog.posts.exclude("writer__in", blog.writers.none()).count());
    }

    @Test
    void theAsyncTwinsRunTheSameQuery() {
        QuerySet<Post> qs = blog.posts.filter("writer__in", blog.writers.filter("publisher__name", "Penguin"));
        assertEquals(5L, await(qs.acount()));
        assertEquals(PENGUIN_POSTS, await(qs.orderBy("title").alist()).stream().map(Post::getTitle).toList());
        assertEquals(true, await(blog.writers.filter("pk__in", blog.posts.values("writer")).filter("name", "cyd").aexists()));
    }

    @Test
    void updateAndDeleteTakeAQuerySetValue() {
        assertEquals(2, blog.writers.filter("pk__in", blog.posts.filter("published", false).values("writer"))
                .update(Map.of("publisher", blog.acme)));
        assertEquals(3, await(blog.remarks.filter("post__in", blog.posts.filter("writer__name", "ada")).adelete()).count());
        assertEquals(1, blog.remarks.count());
    }
}
