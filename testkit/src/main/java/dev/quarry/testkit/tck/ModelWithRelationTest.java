package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Author;
import dev.quarry.testkit.models.Comment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A model declaring a {@code @ManyToOne} loads and works for its own columns; an unloaded relation holds an
 * instance with only its id set (never a lazy proxy, never a hidden query). Relations proper are tested elsewhere.
 */
class ModelWithRelationTest extends TckBase {

    private Manager<Author> authors;
    private Manager<Comment> comments;
    private Author ada;

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Comment.class);
    }

    @BeforeEach
    void createRows() {
        authors = db.objects(Author.class);
        comments = db.objects(Comment.class);
        ada = authors.create(new Author("Ada"));
    }

    @Test
    void anUnloadedManyToOneHoldsAnInstanceWithOnlyItsId() throws Exception {
        Comment c = comments.create(new Comment("hi", ada));
        assertEquals(ada.getId(), ((Number) sqlValue("SELECT author_id FROM comment")).longValue());
        Comment loaded = comments.get("pk", c.getId());
        assertEquals("hi", loaded.getText());
        assertNotNull(loaded.getAuthor());
        assertEquals(ada.getId(), loaded.getAuthor().getId());
        assertNull(loaded.getAuthor().getName(), "no hidden query filled the author");
    }

    @Test
    void aNullManyToOneLoadsAsNull() {
        Comment c = comments.create(new Comment("anonymous", null));
        assertNull(comments.get("pk", c.getId()).getAuthor());
    }

    @Test
    void ownColumnsFilterUpdateAndOrder() {
        comments.create(new Comment("b", ada));
        comments.create(new Comment("a", ada));
        comments.filter("text", "a").update(Map.of("likes", 5));
        assertEquals(List.of("a", "b"), comments.orderBy("-likes").valuesListFlat("text", String.class).list());
        assertEquals(5, comments.get("text", "a").getLikes());
        assertEquals(2, comments.count());
    }

    @Test
    void aManyToOneFiltersByThePkOrByTheInstance() {
        Author bob = authors.create(new Author("Bob"));
        comments.create(new Comment("by ada", ada));
        comments.create(new Comment("by bob", bob));
        assertEquals("by bob", comments.get("author", bob.getId()).getText());
        assertEquals("by ada", comments.get("author", ada).getText());
        assertEquals(1, comments.filter("author__isnull", false).exclude("author", bob).count());
    }

    @Test
    void savingAChangedManyToOneStoresTheNewId() {
        Author bob = authors.create(new Author("Bob"));
        Comment c = comments.create(new Comment("moving", ada));
        c.setAuthor(bob);
        comments.save(c);
        assertEquals(bob.getId(), comments.get("pk", c.getId()).getAuthor().getId());
    }

    @Test
    void valuesOfAManyToOneGiveTheId() {
        comments.create(new Comment("v", ada));
        Object author = comments.valuesList("author").list().getFirst().getFirst();
        assertEquals(ada.getId(), ((Number) author).longValue());
    }
}
