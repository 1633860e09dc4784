package dev.quarry.testkit.tck;

import dev.quarry.FieldException;
import dev.quarry.Prefetch;
import dev.quarry.testkit.RecordingSubscriber;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Publisher;
import dev.quarry.testkit.models.Tag;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.quarry.testkit.Async.await;
import static dev.quarry.testkit.tck.Blog.byName;
import static dev.quarry.testkit.tck.Blog.tagNames;
import static dev.quarry.testkit.tck.Blog.titles;
import static dev.quarry.testkit.tck.Blog.writerNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code prefetchRelated}: fills {@code @OneToMany(mappedBy)} and both sides' {@code @ManyToMany} collections,
 * replaces id-only {@code @ManyToOne} instances, level by level for nested paths, with an EMPTY collection (never
 * null) where nothing is related; a {@link Prefetch} with its own QuerySet restricts and orders the related rows;
 * every way of reading ({@code list/alist/get/first/iterator/aiterator}) prefetches. How many queries it takes is
 * {@link RelationQueryCountTest}'s business.
 */
class PrefetchRelatedTest extends TckBase {

    private Blog blog;

    @Override
    protected List<Class<?>> models() {
        return Blog.MODELS;
    }

    @BeforeEach
    void createBlog() {
        blog = new Blog(db);
    }

    /** Writer name to the sorted titles of its prefetched posts. */
    private static Map<String, List<String>> postsByWriter(List<Writer> loaded) {
        return loaded.stream().collect(java.util.stream.Collectors.toMap(Writer::getName, w -> {
            assertNotNull(w.getPosts(), () -> w.getName() + "'s posts were not filled");
            return titles(w.getPosts());
        }));
    }

    private static final Map<String, List<String>> ALL_POSTS = Map.of(
            "ada", List.of("Async Java", "Draft notes", "Java records"),
            "bob", List.of("Postgres tips", "Python vs Java"),
            "cyd", List.of("Django ORM"),
            "dee", List.of());

    @Test
    void aReverseForeignKeyFillsEveryInstancesCollection() {
        List<Writer> loaded = blog.writers.prefetchRelated("posts").orderBy("name").list();
        assertEquals(List.of("ada", "bob", "cyd", "dee"), loaded.stream().map(Writer::getName).toList());
        assertEquals(ALL_POSTS, postsByWriter(loaded));
        for (Writer w : loaded) {
            for (Post p : w.getPosts()) {
                assertEquals(w.getId(), p.getWriter().getId(), "a prefetched post points back at its writer");
                assertNotNull(p.getTitle(), "prefetched posts are full instances");
            }
        }
    }

    @Test
    void anInstanceWithNothingRelatedGetsAnEmptyCollectionNotNull() {
        Writer dee = blog.writers.prefetchRelated("posts").get("name", "dee");
        assertNotNull(dee.getPosts(), "no related rows must give an empty collection, never null");
        assertTrue(dee.getPosts().isEmpty());
        Tag rust = blog.tags.prefetchRelated("posts").get("name", "rust");
        assertNotNull(rust.getPosts());
        assertTrue(rust.getPosts().isEmpty());
        Publisher acme = blog.publishers.prefetchRelated("writers").get("name", "Acme");
        assertNotNull(acme.getWriters());
        assertTrue(acme.getWriters().isEmpty());
    }

    @Test
    void theOwningSideOfAManyToManyFillsItsCollection() {
        Map<String, Post> loaded = byName(blog.posts.prefetchRelated("tags").list(), Post::getTitle);
        assertEquals(List.of("db", "java"), tagNames(loaded.get("Java records").getTags()));
        assertEquals(List.of("java"), tagNames(loaded.get("Async Java").getTags()));
        assertEquals(List.of(), tagNames(loaded.get("Draft notes").getTags()));
        assertEquals(List.of("java", "python"), tagNames(loaded.get("Python vs Java").getTags()));
        assertEquals(List.of("db", "python"), tagNames(loaded.get("Django ORM").getTags()));
    }

    @Test
    void theInverseSideOfAManyToManyFillsItsCollection() {
        Map<String, Tag> loaded = byName(blog.tags.prefetchRelated("posts").list(), Tag::getName);
        assertEquals(List.of("Async Java", "Java records", "Python vs Java"), titles(loaded.get("java").getPosts()));
        assertEquals(List.of("Django ORM", "Java records", "Postgres tips"), titles(loaded.get("db").getPosts()));
        assertEquals(List.of("Django ORM", "Python vs Java"), titles(loaded.get("python").getPosts()));
        assertEquals(List.of(), titles(loaded.get("rust").getPosts()));
    }

    @Test
    void aManyToOneIsReplacedByTheFullInstanceAndANullOneStaysNull() {
        Map<String, Post> loaded = byName(blog.posts.prefetchRelated("writer").list(), Post::getTitle);
        assertEquals("ada", loaded.get("Java records").getWriter().getName());
        assertEquals("bob", loaded.get("Postgres tips").getWriter().getName());
        assertEquals(blog.cyd.getId(), loaded.get("Django ORM").getWriter().getId());
        Map<String, Writer> writers = byName(blog.writers.prefetchRelated("publisher").list(), Writer::getName);
        assertEquals("Penguin", writers.get("ada").getPublisher().getName());
        assertNull(writers.get("cyd").getPublisher(), "a NULL foreign key stays null");
    }

    @Test
    void nestedPathsPrefetchLevelByLevel() {
        Writer ada = blog.writers.prefetchRelated("posts__tags").get("name", "ada");
        Map<String, Post> posts = byName(ada.getPosts(), Post::getTitle);
        assertEquals(List.of("Async Java", "Draft notes", "Java records"), titles(ada.getPosts()));
        assertEquals(List.of("db", "java"), tagNames(posts.get("Java records").getTags()));
        assertEquals(List.of(), tagNames(posts.get("Draft notes").getTags()));

        Publisher penguin = blog.publishers.prefetchRelated("writers__posts__tags").get("name", "Penguin");
        assertEquals(List.of("ada", "bob"), writerNames(penguin.getWriters()));
        Writer bob = byName(penguin.getWriters(), Writer::getName).get("bob");
        assertEquals(List.of("java", "python"),
                tagNames(byName(bob.getPosts(), Post::getTitle).get("Python vs Java").getTags()));

        Post versus = blog.posts.prefetchRelated("writer__publisher").get("title", "Python vs Java");
        assertEquals("Penguin", versus.getWriter().getPublisher().getName(), "a nested path through two foreign keys");
    }

    @Test
    void severalPathsAndRepeatedCallsAccumulate() {
        Post records = blog.posts.prefetchRelated("tags").prefetchRelated("writer", "remarks").get("title", "Java records");
        assertEquals(List.of("db", "java"), tagNames(records.getTags()));
        assertEquals("ada", records.getWriter().getName());
        assertEquals(List.of("nice", "self-reply", "typo"), Blog.texts(records.getRemarks()));
    }

    @Test
    void aPrefetchWithItsOwnQuerySetRestrictsAndOrdersTheRelatedRows() {
        List<Writer> loaded = blog.writers
                .prefetchRelated(Prefetch.of("posts", blog.posts.filter("published", true).orderBy("-views")))
                .orderBy("name").list();
        Map<String, Writer> byName = byName(loaded, Writer::getName);
        assertEquals(List.of("Async Java", "Java records"),
                byName.get("ada").getPosts().stream().map(Post::getTitle).toList(), "filtered, in the QuerySet's order");
        assertEquals(List.of("Postgres tips"), byName.get("bob").getPosts().stream().map(Post::getTitle).toList());
        assertEquals(List.of(), byName.get("dee").getPosts());
        assertEquals(4, loaded.size(), "the custom QuerySet restricts the related rows, not the instances");
    }

    @Test
    void aSlicedPrefetchQuerySetSlicesEachOwnersRows() {
        List<Writer> loaded = blog.writers
                .prefetchRelated(Prefetch.of("posts", blog.posts.orderBy("-views").slice(0, 2)))
                .orderBy("name").list();
        Map<String, Writer> byName = byName(loaded, Writer::getName);
        assertEquals(List.of("Async Java", "Java records"), titles(byName.get("ada").getPosts()),
                "the two most viewed of ada's three posts, not two posts in all");
        assertEquals(List.of("Postgres tips", "Python vs Java"), titles(byName.get("bob").getPosts()));
        assertEquals(List.of("Django ORM"), titles(byName.get("cyd").getPosts()));

        Post versus = blog.posts.prefetchRelated(Prefetch.of("tags", blog.tags.orderBy("name").slice(1, 2)))
                .get("title", "Python vs Java");
        assertEquals(List.of("python"), tagNames(versus.getTags()), "a many-to-many sliced per owner: java, [python]");
    }

    @Test
    void aPrefetchWithoutQuerySetAndOneThatPrefetchesInTurn() {
        Writer ada = blog.writers.prefetchRelated(Prefetch.of("posts")).get("name", "ada");
        assertEquals(ALL_POSTS.get("ada"), titles(ada.getPosts()));

        Writer bob = blog.writers.prefetchRelated(
                Prefetch.of("posts", blog.posts.orderBy("title").prefetchRelated("tags"))).get("name", "bob");
        assertEquals(List.of("Postgres tips", "Python vs Java"), bob.getPosts().stream().map(Post::getTitle).toList());
        assertEquals(List.of("java", "python"), tagNames(bob.getPosts().get(1).getTags()));
        Post records = blog.posts.prefetchRelated(Prefetch.of("tags", blog.tags.filter("name", "rust"))).get("title", "Java records");
        assertEquals(List.of(), records.getTags(), "a QuerySet matching none of the related rows leaves an empty collection");
    }

    @Test
    void getFirstLastAndTheAsyncTwinsPrefetch() {
        assertEquals(ALL_POSTS.get("bob"), titles(blog.writers.prefetchRelated("posts").get("name", "bob").getPosts()));
        assertEquals(ALL_POSTS.get("ada"), titles(blog.writers.prefetchRelated("posts").orderBy("name").first().orElseThrow().getPosts()));
        assertEquals(List.of(), blog.writers.prefetchRelated("posts").orderBy("name").last().orElseThrow().getPosts());
        assertEquals(ALL_POSTS, postsByWriter(await(blog.writers.prefetchRelated("posts").alist())));
        assertEquals(ALL_POSTS.get("cyd"), titles(await(blog.writers.prefetchRelated("posts").aget("name", "cyd")).getPosts()));
        assertEquals(ALL_POSTS.get("ada"), titles(await(blog.writers.prefetchRelated("posts").orderBy("name").afirst()).orElseThrow().getPosts()));
    }

    @Test
    void iteratorPrefetchesEachChunk() {
        try (Stream<Writer> rows = blog.writers.prefetchRelated("posts__tags").orderBy("name").iterator(3)) {
            List<Writer> loaded = rows.toList();
            assertEquals(4, loaded.size());
            assertEquals(ALL_POSTS, postsByWriter(loaded));
            Post orm = loaded.get(2).getPosts().getFirst();
            assertEquals(List.of("db", "python"), tagNames(orm.getTags()), "the nested level is filled in every chunk");
        }
    }

    @Test
    void aiteratorPrefetchesEachChunk() {
        RecordingSubscriber<Writer> subscriber = new RecordingSubscriber<>();
        blog.writers.prefetchRelated("posts").orderBy("name").aiterator(3).subscribe(subscriber);
        List<Writer> loaded = subscriber.requestAllAndAwait();
        assertEquals(List.of("ada", "bob", "cyd", "dee"), loaded.stream().map(Writer::getName).toList());
        assertEquals(ALL_POSTS, postsByWriter(loaded), "both the full chunk and the last, partial one are prefetched");

        RecordingSubscriber<Post> one = new RecordingSubscriber<>();
        blog.posts.prefetchRelated("tags").orderBy("id").aiterator(1).subscribe(one);
        one.request(2);
        List<Post> first = one.awaitItems(2);
        assertEquals(List.of("db", "java"), tagNames(first.get(0).getTags()));
        assertEquals(List.of("java"), tagNames(first.get(1).getTags()));
        one.cancel();
    }

    @Test
    void prefetchCombinesWithFilterSelectRelatedAndSlicing() {
        List<Post> loaded = blog.posts.selectRelated("writer").prefetchRelated("tags")
                .filter("published", true).orderBy("-views").slice(0, 2).list();
        assertEquals(List.of("Django ORM", "Async Java"), loaded.stream().map(Post::getTitle).toList());
        assertEquals("cyd", loaded.get(0).getWriter().getName());
        assertEquals(List.of("db", "python"), tagNames(loaded.get(0).getTags()));
        assertEquals(List.of("java"), tagNames(loaded.get(1).getTags()));
        assertEquals(List.of(), blog.writers.filter("name", "nobody").prefetchRelated("posts").list());
    }

    @Test
    void prefetchingForMoreInstancesThanOneStatementCanBindIsBatched() {
        int many = 70_000; // PostgreSQL binds at most 65,535 parameters per statement
        blog.writers.bulkCreate(java.util.stream.IntStream.range(0, many).mapToObj(i -> new Writer("w" + i)).toList(),
                dev.quarry.BulkOptions.defaults().batchSize(10_000));
        Writer last = blog.writers.get("name", "w" + (many - 1));
        blog.posts.create(new Post("last words", last));
        List<Writer> loaded = blog.writers.prefetchRelated("posts").orderBy("id").list();
        assertEquals(many + 4, loaded.size());
        assertEquals(List.of("last words"), titles(loaded.getLast().getPosts()));
        assertEquals(ALL_POSTS.get("ada"), titles(loaded.getFirst().getPosts()));
        assertEquals(many + 4, loaded.stream().filter(w -> w.getPosts() != null).count());
    }

    @Test
    void anUnknownPathRaisesFieldExceptionNamingTheChoices() {
        FieldException top = assertThrows(FieldException.class, () -> blog.writers.prefetchRelated("nope").list());
        assertTrue(top.getMessage().contains("posts"), top.getMessage());
        FieldException nested = assertThrows(FieldException.class, () -> blog.writers.prefetchRelated("posts__nope").list());
        assertTrue(nested.getMessage().contains("tags"), nested.getMessage());
        assertThrows(FieldException.class, () -> blog.writers.prefetchRelated("name").list(),
                "a plain column is not a relation to prefetch");
        assertThrows(FieldException.class, () -> blog.writers.prefetchRelated(Prefetch.of("nope", blog.posts)).list());
        assertEquals(4, blog.writers.count(), "the table is intact");
    }
}
