package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.FieldException;
import dev.quarry.Q;
import dev.quarry.QuerySet;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Tag;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lookups across to-many relations, with Django's rules: a filter across a {@code @OneToMany} or
 * {@code @ManyToMany} JOINs, so an instance appears once per matching related row ({@code distinct()} removes the
 * repeats); the conditions of ONE {@code filter()} call on a multi-valued relation must hold for the same related
 * row, while separate calls may match different rows; {@code exclude} drops an instance when ANY related row
 * matches. Both directions, two levels deep, in filter, exclude, Q, values, orderBy, annotate, aggregate, update and
 * delete. The data is {@link Blog}'s.
 */
class ToManyLookupsTest extends TckBase {

    private Blog blog;

    @Override
    protected List<Class<?>> models() {
        return Blog.MODELS;
    }

    @BeforeEach
    void createBlog() {
        blog = new Blog(db);
    }

    private static List<String> names(QuerySet<Writer> qs) {
        return qs.orderBy("name").list().stream().map(Writer::getName).toList();
    }

    private static List<String> titles(QuerySet<Post> qs) {
        return qs.orderBy("title").list().stream().map(Post::getTitle).toList();
    }

    private static List<String> tagNames(QuerySet<Tag> qs) {
        return qs.orderBy("name").list().stream().map(Tag::getName).toList();
    }

    @Test
    void aFilterAcrossAReverseForeignKeyRepeatsAnInstancePerMatchingRowUnlessDistinct() {
        QuerySet<Writer> java = blog.writers.filter("posts__title__icontains", "java");
        assertEquals(List.of("ada", "ada", "bob"), names(java), "ada has two posts about Java");
        assertEquals(3, java.count());
        assertEquals(List.of("ada", "bob"), names(java.distinct()));
        assertEquals(2, java.distinct().count());
    }

    @Test
    void conditionsInOneFilterCallMustHoldForTheSameRelatedRow() {
        assertEquals(List.of("bob"), names(blog.writers.filter(
                Map.of("posts__title__icontains", "java", "posts__published", false))),
                "only bob has an unpublished post about Java");
        assertEquals(List.of("bob"), names(blog.writers.filter(
                Q.of("posts__title__icontains", "java").and(Q.of("posts__published", false)))));
    }

    @Test
    void separateFilterCallsMayMatchDifferentRelatedRows() {
        QuerySet<Writer> chained = blog.writers.filter("posts__title__icontains", "java").filter("posts__published", false);
        assertEquals(List.of("ada", "bob"), names(chained.distinct()),
                "ada has a post about Java and another, unpublished one");
        assertEquals(3, chained.count(), "two joins: ada's two Java posts times her one draft, plus bob's one pair");
    }

    @Test
    void excludeDropsAnInstanceWhenAnyRelatedRowMatches() {
        assertEquals(List.of("cyd", "dee"), names(blog.writers.exclude("posts__title__icontains", "java")));
        assertEquals(List.of("cyd", "dee"), names(blog.writers.exclude("posts__published", false)));
        assertEquals(List.of("Django ORM", "Draft notes", "Postgres tips"), titles(blog.posts.exclude("tags__name", "java")));
        assertEquals(List.of("Acme"), blog.publishers.exclude("writers__name", "ada").valuesListFlat("name", String.class).list());
    }

    @Test
    void isnullAcrossAToManyRelationFindsInstancesWithoutRelatedRows() {
        assertEquals(List.of("dee"), names(blog.writers.filter("posts__isnull", true)));
        assertEquals(List.of("Draft notes"), titles(blog.posts.filter("tags__isnull", true)));
        assertEquals(List.of("rust"), tagNames(blog.tags.filter("posts__isnull", true)));
        assertEquals(List.of("Acme"), blog.publishers.filter("writers__isnull", true).valuesListFlat("name", String.class).list());
    }

    @Test
    void lookupsGoTwoLevelsAndMoreInBothDirections() {
        assertEquals(List.of("Penguin"), blog.publishers.filter("writers__posts__tags__name", "python").distinct()
                .valuesListFlat("name", String.class).list());
        assertEquals(List.of("Penguin"), blog.publishers.filter("writers__posts__views__gte", 25).distinct()
                .valuesListFlat("name", String.class).list(), "cyd's 50 views do not count: no publisher");
        assertEquals(List.of("db", "java", "python"), tagNames(blog.tags.filter("posts__writer__publisher__name", "Penguin").distinct()));
        assertEquals(List.of("db", "python"), tagNames(blog.tags.filter("posts__writer__name", "cyd")));
        assertEquals(5, blog.posts.filter("writer__publisher__name__iexact", "penguin").count());
        assertEquals(List.of("ada", "bob", "cyd"), names(blog.writers.filter("posts__tags__name", "db").distinct()));
        assertEquals(List.of("Django ORM", "Java records"), titles(blog.posts.filter("remarks__author__name", "ada")));
    }

    @Test
    void manyToManyLookupsByFieldInstanceIdAndIn() {
        List<String> java = List.of("Async Java", "Java records", "Python vs Java");
        assertEquals(java, titles(blog.posts.filter("tags__name", "java")));
        assertEquals(java, titles(blog.posts.filter("tags", blog.java)));
        assertEquals(java, titles(blog.posts.filter("tags", blog.java.getId())));
        assertEquals(List.of("db", "python"), tagNames(blog.tags.filter("posts__title", "Django ORM")));
        assertEquals(List.of("db", "python"), tagNames(blog.tags.filter("posts", blog.orm)));

        QuerySet<Post> in = blog.posts.filter("tags__in", List.of(blog.java, blog.python));
        assertEquals(5, in.count(), "'Python vs Java' matches through both tags");
        assertEquals(List.of("Async Java", "Django ORM", "Java records", "Python vs Java"), titles(in.distinct()));
        assertEquals(4, blog.posts.filter("tags__in", List.of(blog.java.getId(), blog.python.getId())).distinct().count());
    }

    @Test
    void aReverseRelationFiltersByTheRelatedInstance() {
        assertEquals(List.of("bob"), names(blog.writers.filter("posts", blog.tips)));
        assertEquals(List.of("Penguin"), blog.publishers.filter("writers", blog.ada).valuesListFlat("name", String.class).list());
        assertEquals(List.of("ada", "bob"), names(blog.writers.filter("posts__in", List.of(blog.records, blog.versus))));
    }

    @Test
    void anOrAcrossAToManyRelationKeepsInstancesWithoutRelatedRows() {
        assertEquals(List.of("cyd", "dee"), names(blog.writers.filter(Q.of("posts__title", "Django ORM").or(Q.of("name", "dee")))),
                "dee has no posts: the join must not drop her");
        assertEquals(List.of("ada", "bob", "cyd"), names(blog.writers.filter(
                Q.of("posts__title", "Django ORM").or(Q.of("publisher__name", "Penguin"))).distinct()));
    }

    @Test
    void valuesAcrossAToManyRelationJoinOnce() {
        List<Map<String, Object>> rows = blog.writers.filter("name", "ada").values("name", "posts__title").list();
        assertEquals(List.of("Async Java", "Draft notes", "Java records"),
                rows.stream().map(r -> (String) r.get("posts__title")).sorted().toList(), "one row per post of ada");
        assertEquals(List.of("db", "java"), blog.posts.filter("title", "Java records").values("tags__name").list().stream()
                .map(r -> (String) r.get("tags__name")).sorted().toList(), "one row per tag of the post");
    }

    @Test
    void orderByAndValuesOnTheSameToManyPathShareOneJoin() {
        List<Map<String, Object>> rows = blog.writers.filter("name", "ada").orderBy("posts__title").values("name", "posts__title").list();
        assertEquals(List.of(Map.of("name", "ada", "posts__title", "Async Java"), Map.of("name", "ada", "posts__title", "Draft notes"),
                Map.of("name", "ada", "posts__title", "Java records")), rows);
        assertEquals(List.of("db", "java"), blog.tags.filter("posts__title", "Java records").orderBy("name")
                .valuesListFlat("name", String.class).list());
    }

    @Test
    void valuesAndOrderByAfterAFilterReuseTheFiltersJoin() {
        List<Map<String, Object>> rows = blog.writers.filter("posts__published", false).orderBy("posts__views")
                .values("name", "posts__title").list();
        assertEquals(List.of(Map.of("name", "ada", "posts__title", "Draft notes"), Map.of("name", "bob", "posts__title", "Python vs Java")),
                rows, "as Django: values() and orderBy() follow the join the filter made, so only unpublished posts");
        assertEquals(List.of("bob", "ada"), blog.writers.filter("posts__published", false).orderBy("-posts__views")
                .list().stream().map(Writer::getName).toList(), "ordered by the views of each writer's unpublished post");
    }

    @Test
    void annotateAndAggregateCountAndSumTheRelatedRows() {
        List<List<Object>> counts = blog.writers.annotate("n", Aggregate.count("posts")).orderBy("name").valuesList("name", "n").list();
        assertEquals(List.of("ada=3", "bob=2", "cyd=1", "dee=0"),
                counts.stream().map(r -> r.get(0) + "=" + ((Number) r.get(1)).longValue()).toList());
        assertEquals(List.of("db", "java"), tagNames(blog.tags.annotate("n", Aggregate.count("posts")).filter("n__gte", 3)));
        Map<String, Object> total = blog.writers.aggregate(Map.of("views", Aggregate.sum("posts__views")));
        assertEquals(115L, ((Number) total.get("views")).longValue());
        Map<String, Object> tagged = blog.tags.aggregate(Map.of("posts", Aggregate.count("posts").distinct()));
        assertEquals(5L, ((Number) tagged.get("posts")).longValue(), "five posts have at least one tag");
    }

    @Test
    void updateAndDeleteFilteredAcrossAToManyRelationTouchEachRowOnce() {
        assertEquals(2, blog.writers.filter("posts__title__icontains", "java").update(Map.of("publisher", blog.acme)),
                "ada matches twice but is one row");
        assertEquals(List.of("ada", "bob"), names(blog.writers.filter("publisher", blog.acme)));
        assertEquals(4, blog.remarks.filter("post__tags__name__in", List.of("java", "db")).delete().count(),
                "remarks on 'Java records' match through two tags: still three rows, plus 'great'");
        assertEquals(0, blog.remarks.count());
    }

    @Test
    void anUnknownFieldAcrossAToManyRelationListsTheRelatedFields() {
        FieldException e = assertThrows(FieldException.class, () -> blog.writers.filter("posts__nope", 1));
        assertTrue(e.getMessage().contains("title"), e.getMessage());
        FieldException m2m = assertThrows(FieldException.class, () -> blog.tags.filter("posts__tags__nope", 1));
        assertTrue(m2m.getMessage().contains("name"), m2m.getMessage());
        FieldException top = assertThrows(FieldException.class, () -> blog.writers.filter("postz__title", 1));
        assertTrue(top.getMessage().contains("posts"), "the reverse relation is among the choices: " + top.getMessage());
    }

    @Test
    void theAsyncTwinsAgree() {
        QuerySet<Writer> python = blog.writers.filter("posts__tags__name", "python").distinct().orderBy("name");
        assertEquals(List.of("bob", "cyd"), await(python.alist()).stream().map(Writer::getName).toList());
        assertEquals(2L, await(python.acount()));
        assertEquals(List.of("Penguin"), await(blog.publishers.filter("writers__posts__tags__name", "java").distinct()
                .valuesListFlat("name", String.class).alist()));
        assertFalse(await(blog.tags.filter("posts__writer", blog.dee).aexists()));
    }
}
