package dev.quarry.testkit.tck;

import dev.quarry.Created;
import dev.quarry.FieldException;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Publisher;
import dev.quarry.testkit.models.Remark;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static dev.quarry.testkit.tck.Blog.byName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chains of {@code @ManyToOne}: {@code selectRelated} through two foreign keys with NULLs anywhere on the way (LEFT
 * JOINs keep the row, a NULL key leaves null, never an empty instance), and writing a foreign key by related instance
 * ({@code "writer"}) or by id ({@code "writer_id"}), as Django accepts both. The data is {@link Blog}'s.
 */
class ForeignKeyChainsTest extends TckBase {

    private Blog blog;

    @Override
    protected List<Class<?>> models() {
        return Blog.MODELS;
    }

    @BeforeEach
    void createBlog() {
        blog = new Blog(db);
    }

    @Test
    void selectRelatedFillsAChainOfTwoForeignKeys() {
        Map<String, Post> loaded = byName(blog.posts.selectRelated("writer__publisher").list(), Post::getTitle);
        assertEquals(6, loaded.size(), "posts of writers without publisher are kept");
        assertEquals("ada", loaded.get("Java records").getWriter().getName());
        assertEquals("Penguin", loaded.get("Java records").getWriter().getPublisher().getName());
        assertEquals("cyd", loaded.get("Django ORM").getWriter().getName());
        assertNull(loaded.get("Django ORM").getWriter().getPublisher(), "a NULL key at the second level leaves null");
    }

    @Test
    void selectRelatedWithoutPathsFollowsEveryNonNullForeignKeyRecursively() {
        Remark nice = blog.remarks.selectRelated().get("text", "nice");
        assertEquals("Java records", nice.getPost().getTitle(), "post: a non-null key, followed");
        assertEquals("ada", nice.getPost().getWriter().getName(), "post__writer: non-null too, followed in turn");
        assertNull(nice.getAuthor().getName(), "author: a nullable key, not followed (only its id is set)");
        assertNull(nice.getPost().getWriter().getPublisher().getName(),
                "writer__publisher: nullable, not followed (ada's publisher holds only its id)");
    }

    @Test
    void aNullableForeignKeyKeepsTheRowAndLeavesNull() {
        Map<String, Remark> loaded = byName(blog.remarks.selectRelated("author").list(), Remark::getText);
        assertEquals(4, loaded.size());
        assertNull(loaded.get("typo").getAuthor(), "NULL author: null, not an empty Writer");
        assertEquals("bob", loaded.get("nice").getAuthor().getName());
    }

    @Test
    void aNullInTheMiddleOfAChainLeavesNullAndTheRestIsFilled() {
        blog.remarks.create(new Remark("by dee", blog.orm, blog.dee));
        Map<String, Remark> loaded = byName(blog.remarks.selectRelated("author__publisher", "post__writer__publisher").list(),
                Remark::getText);
        assertEquals(5, loaded.size());
        assertNull(loaded.get("typo").getAuthor());
        assertEquals("Penguin", loaded.get("great").getAuthor().getPublisher().getName());
        assertEquals("dee", loaded.get("by dee").getAuthor().getName());
        assertNull(loaded.get("by dee").getAuthor().getPublisher());
        assertEquals("cyd", loaded.get("by dee").getPost().getWriter().getName());
        assertNull(loaded.get("by dee").getPost().getWriter().getPublisher());
        assertEquals("Penguin", loaded.get("typo").getPost().getWriter().getPublisher().getName());
    }

    @Test
    void selectRelatedCombinesWithFiltersOnTheSamePathAndTheAsyncTwins() {
        List<Post> orphans = blog.posts.selectRelated("writer__publisher").filter("writer__publisher__isnull", true).list();
        assertEquals(List.of("Django ORM"), orphans.stream().map(Post::getTitle).toList());
        assertEquals("cyd", orphans.getFirst().getWriter().getName());
        Remark great = await(blog.remarks.selectRelated("post__writer__publisher", "author").aget("text", "great"));
        assertEquals("Django ORM", great.getPost().getTitle());
        assertNull(great.getPost().getWriter().getPublisher());
        assertEquals("ada", great.getAuthor().getName());
        List<Remark> all = await(blog.remarks.selectRelated("author").orderBy("id").alist());
        assertNull(all.get(1).getAuthor());
    }

    @Test
    void selectRelatedRefusesToManyPathsListingTheForeignKeys() {
        FieldException e = assertThrows(FieldException.class, () -> blog.writers.selectRelated("posts").list());
        assertTrue(e.getMessage().contains("publisher"), "the valid choices are the foreign keys: " + e.getMessage());
    }

    @Test
    void createAcceptsTheRelatedInstanceOrItsId() {
        Post byInstance = blog.posts.create(Map.of("title", "by instance", "writer", blog.dee));
        assertEquals(blog.dee.getId(), byInstance.getWriter().getId());
        Post byId = blog.posts.create(Map.of("title", "by id", "writer_id", blog.dee.getId()));
        assertNotNull(byId.getId());
        assertEquals(2, blog.posts.filter("writer_id", blog.dee.getId()).count());
        assertEquals(blog.dee.getId(), blog.posts.get("title", "by id").getWriter().getId());
        Created<Post> viaGetOrCreate = blog.posts.getOrCreate(Map.of("title", "goc", "writer", blog.dee));
        assertEquals(blog.dee.getId(), blog.posts.get("pk", viaGetOrCreate.object().getId()).getWriter().getId());
        Writer eve = blog.writers.create(Map.of("name", "eve", "publisher", blog.acme));
        assertEquals(blog.acme.getId(), blog.writers.get("name", "eve").getPublisher().getId());
        assertEquals(eve.getId(), blog.writers.get("publisher", blog.acme).getId());
    }

    @Test
    void updateAcceptsTheRelatedInstanceOrItsId() {
        assertEquals(1, blog.posts.filter("title", "Draft notes").update(Map.of("writer", blog.dee)));
        assertEquals(1, blog.posts.filter("title", "Postgres tips").update(Map.of("writer_id", blog.dee.getId())));
        assertEquals(List.of("Draft notes", "Postgres tips"),
                blog.posts.filter("writer", blog.dee).orderBy("title").valuesListFlat("title", String.class).list());
        assertEquals(1, blog.writers.filter("name", "ada").update(Map.of("publisher", blog.acme)));
        assertEquals(2, blog.writers.filter("publisher__isnull", true).update(Map.of("publisher_id", blog.acme.getId())));
        assertEquals(3, blog.writers.filter("publisher", blog.acme).count());
    }

    @Test
    void anUnsavedRelatedInstanceIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> blog.posts.create(Map.of("title", "lost", "writer", new Writer("unsaved"))),
                "Django: save() prohibited to prevent data loss due to unsaved related object 'writer'");
        assertThrows(IllegalArgumentException.class, () -> blog.posts.create(new Post("lost", new Writer("unsaved"))));
        assertEquals(6, blog.posts.count());
        assertThrows(IllegalArgumentException.class, () -> blog.writers.create(new Writer("eve", new Publisher("unsaved"))),
                "a NULLABLE key must not silently store NULL for an unsaved instance");
        assertEquals(0, blog.writers.filter("name", "eve").count());
    }
}
