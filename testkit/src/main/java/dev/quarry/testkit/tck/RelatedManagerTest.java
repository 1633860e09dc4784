package dev.quarry.testkit.tck;

import dev.quarry.Created;
import dev.quarry.Deleted;
import dev.quarry.FieldException;
import dev.quarry.RelatedManager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Publisher;
import dev.quarry.testkit.models.Remark;
import dev.quarry.testkit.models.Tag;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.quarry.testkit.tck.Blog.tagNames;
import static dev.quarry.testkit.tck.Blog.texts;
import static dev.quarry.testkit.tck.Blog.titles;
import static dev.quarry.testkit.tck.Blog.writerNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Manager.related(instance, field, type)}, sync: Django's related managers for a reverse foreign key
 * (declared {@code @OneToMany(mappedBy)}, non-nullable and nullable, and the undeclared reverse side named by the
 * foreign key or {@code "<model>_set"}) and for both sides of a {@code @ManyToMany}: a QuerySet of the related rows,
 * add/remove/clear/set, and create/getOrCreate/updateOrCreate that link what they create.
 */
class RelatedManagerTest extends TckBase {

    private Blog blog;

    @Override
    protected List<Class<?>> models() {
        return Blog.MODELS;
    }

    @BeforeEach
    void createBlog() {
        blog = new Blog(db);
    }

    /** {@code writer.posts}: reverse of the NON-nullable {@code Post.writer}. */
    private RelatedManager<Post> postsOf(Writer w) {
        return blog.writers.related(w, "posts", Post.class);
    }

    /** {@code publisher.writers}: reverse of the nullable {@code Writer.publisher}. */
    private RelatedManager<Writer> writersOf(Publisher p) {
        return blog.publishers.related(p, "writers", Writer.class);
    }

    /** {@code writer.remark_set}: undeclared reverse of the nullable {@code Remark.author}. */
    private RelatedManager<Remark> remarksBy(Writer w) {
        return blog.writers.related(w, "author", Remark.class);
    }

    /** {@code tag.posts}: the inverse side of the many-to-many. */
    private RelatedManager<Post> postsTagged(Tag t) {
        return blog.tags.related(t, "posts", Post.class);
    }

    // ---------------------------------------------------------------- reverse foreign key

    @Test
    void aReverseForeignKeyManagerIsAQuerySetOfTheRelatedRowsOnly() {
        assertEquals(List.of("Async Java", "Draft notes", "Java records"), titles(postsOf(blog.ada).list()));
        assertEquals(3, postsOf(blog.ada).count());
        assertEquals(2, postsOf(blog.ada).filter("published", true).count());
        assertEquals("Draft notes", postsOf(blog.ada).exclude("published", true).get().getTitle());
        assertEquals("Async Java", postsOf(blog.ada).orderBy("-views").first().orElseThrow().getTitle());
        assertTrue(postsOf(blog.ada).contains(blog.records));
        assertFalse(postsOf(blog.ada).contains(blog.tips));
        assertEquals(List.of(), postsOf(blog.dee).list());
        assertEquals(List.of("ada", "bob"), writerNames(writersOf(blog.penguin).list()));
    }

    @Test
    void theUndeclaredReverseSideIsNamedByTheForeignKeyOrDjangosSetName() {
        assertEquals(List.of("great", "self-reply"), texts(remarksBy(blog.ada).list()));
        assertEquals(List.of("great", "self-reply"), texts(blog.writers.related(blog.ada, "remark_set", Remark.class).list()));
        assertEquals(0, remarksBy(blog.cyd).count());
    }

    @Test
    void updatesAndDeletesThroughTheManagerTouchOnlyTheRelatedRows() {
        assertEquals(3, postsOf(blog.ada).update(Map.of("views", 0)));
        assertEquals(List.of(5, 20), blog.posts.filter("writer", blog.bob).orderBy("views").valuesListFlat("views", Integer.class).list());
        Deleted deleted = postsOf(blog.ada).filter("published", false).delete();
        assertEquals(1, deleted.count());
        assertEquals(5, blog.posts.count());
    }

    @Test
    void createLinksTheNewRowToTheInstance() {
        Post first = postsOf(blog.dee).create(Map.of("title", "First", "views", 1));
        assertEquals(blog.dee.getId(), first.getWriter().getId());
        assertEquals(blog.dee.getId(), blog.posts.get("title", "First").getWriter().getId());
        Post second = postsOf(blog.dee).create(new Post("Second", null));
        assertNotNull(second.getId());
        assertEquals(blog.dee.getId(), blog.posts.get("pk", second.getId()).getWriter().getId());
        assertEquals(List.of("First", "Second"), titles(postsOf(blog.dee).list()));
    }

    @Test
    void getOrCreateAndUpdateOrCreateSearchTheRelatedRowsAndLinkWhatTheyCreate() {
        Created<Post> hello = postsOf(blog.dee).getOrCreate(Map.of("title", "Hello"), Map.of("views", 3));
        assertTrue(hello.created());
        assertEquals(blog.dee.getId(), blog.posts.get("pk", hello.object().getId()).getWriter().getId());
        assertEquals(3, hello.object().getViews());
        Created<Post> again = postsOf(blog.dee).getOrCreate(Map.of("title", "Hello"));
        assertFalse(again.created());
        assertEquals(hello.object().getId(), again.object().getId());
        Created<Post> records = postsOf(blog.dee).getOrCreate(Map.of("title", "Java records"));
        assertTrue(records.created(), "ada's 'Java records' is not among dee's posts");
        assertEquals(2, blog.posts.filter("title", "Java records").count());

        Created<Post> updated = postsOf(blog.dee).updateOrCreate(Map.of("title", "Hello"), Map.of("views", 9));
        assertFalse(updated.created());
        assertEquals(9, blog.posts.get("pk", hello.object().getId()).getViews());
        Created<Post> fresh = postsOf(blog.dee).updateOrCreate(Map.of("title", "New"), Map.of("views", 1), Map.of("views", 2));
        assertTrue(fresh.created());
        assertEquals(2, blog.posts.get("title", "New").getViews(), "createDefaults win on create");
        assertEquals(blog.dee.getId(), blog.posts.get("title", "New").getWriter().getId());
        assertEquals(3, postsOf(blog.dee).count());
    }

    @Test
    void addOnAReverseForeignKeyPointsTheRowsAtTheInstance() {
        postsOf(blog.dee).add(blog.tips);
        assertEquals(blog.dee.getId(), blog.posts.get("pk", blog.tips.getId()).getWriter().getId());
        postsOf(blog.dee).add(List.of(blog.versus, blog.orm));
        assertEquals(List.of("Django ORM", "Postgres tips", "Python vs Java"), titles(postsOf(blog.dee).list()));
        assertEquals(0, postsOf(blog.bob).count());
        assertEquals(6, blog.posts.count(), "add moves rows, it does not copy them");
    }

    @Test
    void addingAnUnsavedObjectThroughAReverseForeignKeyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> postsOf(blog.dee).add(new Post("unsaved", null)));
        assertThrows(IllegalArgumentException.class, () -> postsOf(blog.dee).add(List.of(blog.tips, new Post("unsaved", null))));
        assertThrows(IllegalArgumentException.class, () -> remarksBy(blog.dee).add(new Remark("unsaved", blog.records)));
        assertEquals(6, blog.posts.count());
        assertEquals(4, blog.remarks.count());
    }

    @Test
    void removeAndClearOnANonNullableForeignKeyThrowUnsupported() {
        UnsupportedOperationException remove = assertThrows(UnsupportedOperationException.class,
                () -> postsOf(blog.ada).remove(blog.records));
        assertNotNull(remove.getMessage());
        assertTrue(remove.getMessage().toLowerCase(Locale.ROOT).contains("null"),
                "the message should say the foreign key is not nullable: " + remove.getMessage());
        assertThrows(UnsupportedOperationException.class, () -> postsOf(blog.ada).remove(List.of(blog.records)));
        UnsupportedOperationException clear = assertThrows(UnsupportedOperationException.class, () -> postsOf(blog.ada).clear());
        assertTrue(clear.getMessage().toLowerCase(Locale.ROOT).contains("null"), clear.getMessage());
        assertEquals(3, postsOf(blog.ada).count(), "nothing was unlinked");
    }

    @Test
    void removeOnANullableForeignKeySetsItNullAndKeepsTheRow() {
        remarksBy(blog.ada).remove(blog.great);
        assertEquals(List.of("self-reply"), texts(remarksBy(blog.ada).list()));
        assertNull(blog.remarks.get("text", "great").getAuthor());
        assertEquals(4, blog.remarks.count());
        writersOf(blog.penguin).remove(List.of(blog.ada));
        assertEquals(List.of("bob"), writerNames(writersOf(blog.penguin).list()));
        assertNull(blog.writers.get("name", "ada").getPublisher());
    }

    @Test
    void clearOnANullableForeignKeyUnlinksOnlyThatInstancesRows() {
        remarksBy(blog.ada).clear();
        assertEquals(0, remarksBy(blog.ada).count());
        assertEquals(List.of("nice"), texts(remarksBy(blog.bob).list()));
        assertEquals(4, blog.remarks.count());
        writersOf(blog.penguin).clear();
        assertEquals(4, blog.writers.filter("publisher__isnull", true).count());
    }

    @Test
    void setOnANullableForeignKeyAddsAndRemovesTheDifference() {
        writersOf(blog.acme).set(List.of(blog.ada, blog.cyd));
        assertEquals(List.of("ada", "cyd"), writerNames(writersOf(blog.acme).list()));
        assertEquals(List.of("bob"), writerNames(writersOf(blog.penguin).list()));
        writersOf(blog.acme).set(List.of(blog.cyd, blog.dee));
        assertEquals(List.of("cyd", "dee"), writerNames(writersOf(blog.acme).list()));
        assertNull(blog.writers.get("name", "ada").getPublisher(), "ada was removed: her publisher is NULL, not Penguin");
        writersOf(blog.acme).set(List.of());
        assertEquals(0, writersOf(blog.acme).count());
        writersOf(blog.acme).set(List.of(blog.bob), true);
        assertEquals(List.of("bob"), writerNames(writersOf(blog.acme).list()));
        assertEquals(0, writersOf(blog.penguin).count());
    }

    // ---------------------------------------------------------------- many-to-many

    @Test
    void aManyToManyManagerReadsFromEitherSide() {
        assertEquals(List.of("db", "java"), tagNames(blog.tagsOf(blog.records).list()));
        assertEquals(List.of("Async Java", "Java records", "Python vs Java"), titles(postsTagged(blog.java).list()));
        assertEquals(0, blog.tagsOf(blog.draft).count());
        assertEquals("java", blog.tagsOf(blog.records).get("name__startswith", "j").getName());
        assertFalse(postsTagged(blog.rust).exists());
        assertEquals(1, postsTagged(blog.db).filter("writer", blog.bob).count());
    }

    @Test
    void addLinksFromEitherSideAndAddingTwiceLinksOnce() {
        blog.tagsOf(blog.draft).add(blog.rust);
        blog.tagsOf(blog.draft).add(blog.rust);
        blog.tagsOf(blog.draft).add(List.of(blog.rust, blog.python));
        assertEquals(List.of("python", "rust"), tagNames(blog.tagsOf(blog.draft).list()));
        assertEquals(2, blog.tagsOf(blog.draft).count());
        postsTagged(blog.rust).add(blog.tips);
        assertEquals(List.of("db", "rust"), tagNames(blog.tagsOf(blog.tips).list()));
        assertEquals(List.of("Draft notes", "Postgres tips"), titles(postsTagged(blog.rust).list()));
        assertEquals(4, blog.tags.count(), "add links rows, it creates none");
    }

    @Test
    void addingAnUnsavedObjectToAManyToManyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> blog.tagsOf(blog.draft).add(new Tag("unsaved")));
        assertEquals(0, blog.tagsOf(blog.draft).count());
        assertEquals(4, blog.tags.count());
    }

    @Test
    void removeAndClearUnlinkButKeepTheRows() {
        blog.tagsOf(blog.records).remove(blog.java);
        assertEquals(List.of("db"), tagNames(blog.tagsOf(blog.records).list()));
        blog.tagsOf(blog.records).remove(blog.rust); // not linked: nothing to do
        postsTagged(blog.db).remove(List.of(blog.tips, blog.orm));
        assertEquals(List.of("Java records"), titles(postsTagged(blog.db).list()));
        blog.tagsOf(blog.versus).clear();
        assertEquals(0, blog.tagsOf(blog.versus).count());
        assertEquals(List.of("Async Java"), titles(postsTagged(blog.java).list()));
        assertEquals(List.of("python"), tagNames(blog.tagsOf(blog.orm).list()), "other posts keep their links");
        assertEquals(4, blog.tags.count());
        assertEquals(6, blog.posts.count());
    }

    @Test
    void setKeepsExistingLinksAddsNewOnesAndRemovesMissingOnes() throws SQLException {
        String dbLink = linkRowVersion(blog.records, blog.db);
        assertNotNull(dbLink);
        blog.tagsOf(blog.records).set(List.of(blog.db, blog.python));
        assertEquals(List.of("db", "python"), tagNames(blog.tagsOf(blog.records).list()));
        assertEquals(dbLink, linkRowVersion(blog.records, blog.db), "set() kept the existing link row untouched");
        assertEquals(List.of("Async Java", "Python vs Java"), titles(postsTagged(blog.java).list()));

        blog.tagsOf(blog.records).set(List.of(blog.db, blog.python), true);
        assertEquals(List.of("db", "python"), tagNames(blog.tagsOf(blog.records).list()));
        assertNotEquals(dbLink, linkRowVersion(blog.records, blog.db), "set(objs, true) cleared, then linked anew");

        blog.tagsOf(blog.records).set(List.of());
        assertEquals(0, blog.tagsOf(blog.records).count());
        postsTagged(blog.rust).set(List.of(blog.records, blog.draft));
        assertEquals(List.of("rust"), tagNames(blog.tagsOf(blog.draft).list()));
    }

    /** xmin and ctid of the link row of {@code post} and {@code tag} (they change if it is deleted and re-inserted). */
    private String linkRowVersion(Post post, Tag tag) throws SQLException {
        String joinTable = null;
        String postColumn = null;
        String tagColumn = null;
        try (Connection c = database.jdbc(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT src.relname, a.attname, dst.relname FROM pg_constraint k "
                        + "JOIN pg_class src ON src.oid = k.conrelid JOIN pg_class dst ON dst.oid = k.confrelid "
                        + "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                        + "WHERE k.contype = 'f' AND src.relnamespace = current_schema()::regnamespace "
                        + "AND dst.relname IN ('post', 'tag') AND src.relname NOT IN ('post', 'tag', 'remark')")) {
            while (rs.next()) {
                joinTable = rs.getString(1);
                if (rs.getString(3).equals("post")) {
                    postColumn = rs.getString(2);
                } else {
                    tagColumn = rs.getString(2);
                }
            }
        }
        assertNotNull(joinTable, "no join table references post and tag");
        return (String) sqlValue("SELECT xmin::text || ctid::text FROM \"" + joinTable + "\" WHERE \"" + postColumn
                + "\" = " + post.getId() + " AND \"" + tagColumn + "\" = " + tag.getId());
    }

    @Test
    void createGetOrCreateAndUpdateOrCreateOnAManyToManyLinkWhatTheyCreate() {
        Tag notes = blog.tagsOf(blog.draft).create(Map.of("name", "notes"));
        assertNotNull(notes.getId());
        blog.tagsOf(blog.draft).create(new Tag("wip"));
        assertEquals(List.of("notes", "wip"), tagNames(blog.tagsOf(blog.draft).list()));
        assertEquals(6, blog.tags.count());

        Created<Tag> todo = blog.tagsOf(blog.draft).getOrCreate(Map.of("name", "todo"));
        assertTrue(todo.created());
        Created<Tag> again = blog.tagsOf(blog.draft).getOrCreate(Map.of("name", "todo"));
        assertFalse(again.created());
        assertEquals(todo.object().getId(), again.object().getId());
        assertEquals(3, blog.tagsOf(blog.draft).count());
        Created<Tag> done = blog.tagsOf(blog.draft).updateOrCreate(Map.of("name", "todo"), Map.of("name", "done"));
        assertFalse(done.created());
        assertEquals(List.of("done", "notes", "wip"), tagNames(blog.tagsOf(blog.draft).list()));

        Post intro = postsTagged(blog.rust).create(Map.of("title", "Rust intro", "writer", blog.dee));
        assertEquals(List.of("rust"), tagNames(blog.tagsOf(intro).list()), "created from the inverse side, linked");
        assertEquals(blog.dee.getId(), blog.posts.get("title", "Rust intro").getWriter().getId());
    }

    // ---------------------------------------------------------------- misuse

    @Test
    void aManagerOfAnInstanceWithoutPkIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> blog.writers.related(new Writer("ghost"), "posts", Post.class).count());
        assertThrows(IllegalArgumentException.class,
                () -> blog.posts.related(new Post("ghost", blog.ada), "tags", Tag.class).add(blog.java));
        assertThrows(IllegalArgumentException.class,
                () -> blog.writers.related(new Writer("ghost"), "author", Remark.class).list());
        assertEquals(4, blog.writers.count());
    }

    @Test
    void anUnknownRelationRaisesFieldExceptionNamingTheChoices() {
        FieldException e = assertThrows(FieldException.class, () -> blog.writers.related(blog.ada, "nope", Post.class).count());
        assertTrue(e.getMessage().contains("posts"), e.getMessage());
    }
}
