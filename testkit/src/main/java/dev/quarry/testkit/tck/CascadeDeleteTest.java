package dev.quarry.testkit.tck;

import dev.quarry.Deleted;
import dev.quarry.IntegrityException;
import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Publisher;
import dev.quarry.testkit.models.Remark;
import dev.quarry.testkit.models.Tag;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.quarry.testkit.Async.assertTwinsThrow;
import static dev.quarry.testkit.Async.await;
import static dev.quarry.testkit.tck.Blog.tagNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Deleting with relations, as Django's collector: {@code @OneToMany(mappedBy, cascade = REMOVE)} and
 * {@code orphanRemoval} delete the children first, at any depth (writer, its posts, their remarks), link rows of a
 * {@code @ManyToMany} go with either side, and {@link Deleted#perModel()} counts every model's rows by entity name and
 * link rows as {@code "Post_tags"}, omitting zeros. Without cascade, the database's foreign key decides: a referenced
 * parent fails with {@link IntegrityException} and nothing at all is deleted. {@code Manager.delete(obj)} and
 * {@code QuerySet.delete()} (and their async twins) behave alike.
 * <pre>
 * Penguin: ada  one   (java, db)  remarks: anon (-), self (ada)
 *               two   (java)
 *               three
 *          bob  four  (db)        remarks: own (bob)
 * Acme:    -;   cyd (no publisher, no posts)
 * </pre>
 */
class CascadeDeleteTest extends TckBase {

    private Manager<Publisher> publishers;
    private Manager<Writer> writers;
    private Manager<Post> posts;
    private Manager<Tag> tags;
    private Manager<Remark> remarks;
    private Publisher penguin;
    private Publisher acme;
    private Writer ada;
    private Writer bob;
    private Writer cyd;
    private Tag java;
    private Post one;
    private Post three;
    private Post four;

    @Override
    protected List<Class<?>> models() {
        return Blog.MODELS;
    }

    @BeforeEach
    void createRows() {
        publishers = db.objects(Publisher.class);
        writers = db.objects(Writer.class);
        posts = db.objects(Post.class);
        tags = db.objects(Tag.class);
        remarks = db.objects(Remark.class);
        penguin = publishers.create(new Publisher("Penguin"));
        acme = publishers.create(new Publisher("Acme"));
        ada = writers.create(new Writer("ada", penguin));
        bob = writers.create(new Writer("bob", penguin));
        cyd = writers.create(new Writer("cyd"));
        java = tags.create(new Tag("java"));
        Tag db = tags.create(new Tag("db"));
        one = posts.create(new Post("one", ada));
        Post two = posts.create(new Post("two", ada));
        three = posts.create(new Post("three", ada));
        four = posts.create(new Post("four", bob));
        tagsOf(one).add(List.of(java, db));
        tagsOf(two).add(java);
        tagsOf(four).add(db);
        remarks.create(new Remark("anon", one));
        remarks.create(new Remark("self", one, ada));
        remarks.create(new Remark("own", four, bob));
    }

    private dev.quarry.RelatedManager<Tag> tagsOf(Post post) {
        return posts.related(post, "tags", Tag.class);
    }

    /** Rows left per model: publishers, writers, posts, remarks, tags, links. */
    private List<Long> rowsLeft() {
        long links = posts.list().stream().mapToLong(p -> tagsOf(p).count()).sum();
        return List.of(publishers.count(), writers.count(), posts.count(), remarks.count(), tags.count(), links);
    }

    private static final List<Long> EVERYTHING = List.of(2L, 3L, 4L, 3L, 2L, 4L);

    @Test
    void deletingAWriterDeletesItsPostsTheirRemarksAndLinkRowsFirst() {
        Deleted deleted = writers.delete(ada);
        assertEquals(Map.of("Writer", 1L, "Post", 3L, "Remark", 2L, "Post_tags", 3L), deleted.perModel());
        assertEquals(9, deleted.count(), "the count is every row, cascaded ones included");
        assertNull(ada.getId(), "delete(obj) clears the pk");
        assertEquals(List.of(2L, 2L, 1L, 1L, 2L, 1L), rowsLeft());
        assertEquals(List.of("db"), tagNames(tagsOf(four).list()), "bob's post keeps its link");
    }

    @Test
    void aQuerySetDeleteCascadesToo() {
        Deleted deleted = writers.filter("name__in", List.of("ada", "bob")).delete();
        assertEquals(Map.of("Writer", 2L, "Post", 4L, "Remark", 3L, "Post_tags", 4L), deleted.perModel());
        assertEquals(13, deleted.count());
        assertEquals(List.of(2L, 1L, 0L, 0L, 2L, 0L), rowsLeft());
    }

    @Test
    void deletingAPostDeletesItsRemarksAndLinkRowsButNotItsTagsOrWriter() {
        Deleted deleted = posts.delete(one);
        assertEquals(Map.of("Post", 1L, "Remark", 2L, "Post_tags", 2L), deleted.perModel());
        assertEquals(5, deleted.count());
        assertEquals(List.of(2L, 3L, 3L, 1L, 2L, 2L), rowsLeft());
    }

    @Test
    void aDeleteFilteredAcrossTheManyToManyCascadesFromEachMatchingPostOnce() {
        Deleted deleted = posts.filter("tags__name__in", List.of("java", "db")).delete();
        assertEquals(Map.of("Post", 3L, "Remark", 3L, "Post_tags", 4L), deleted.perModel(),
                "'one' matches through two tags but is one post");
        assertEquals(List.of(2L, 3L, 1L, 0L, 2L, 0L), rowsLeft());
    }

    @Test
    void deletingATagDeletesItsLinkRowsOnly() {
        Deleted deleted = tags.delete(java);
        assertEquals(Map.of("Tag", 1L, "Post_tags", 2L), deleted.perModel());
        assertEquals(3, deleted.count());
        assertEquals(List.of("db"), tagNames(tagsOf(one).list()));
        assertEquals(List.of(2L, 3L, 4L, 3L, 1L, 2L), rowsLeft());
        Deleted rest = tags.all().delete();
        assertEquals(Map.of("Tag", 1L, "Post_tags", 2L), rest.perModel());
        assertEquals(4, posts.count());
    }

    @Test
    void zeroCountsAreOmittedFromPerModel() {
        Deleted post = posts.delete(three);
        assertEquals(new Deleted(1, Map.of("Post", 1L)), post, "no remarks, no tags: only the post is counted");
        Deleted writer = writers.delete(cyd);
        assertEquals(new Deleted(1, Map.of("Writer", 1L)), writer);
        Deleted publisher = publishers.delete(acme);
        assertEquals(new Deleted(1, Map.of("Publisher", 1L)), publisher);
        Deleted nothing = writers.filter("name", "nobody").delete();
        assertEquals(new Deleted(0, Map.of()), nothing);
    }

    @Test
    void withoutCascadeAReferencedParentFailsAndNothingIsDeleted() {
        assertThrows(IntegrityException.class, () -> publishers.delete(penguin));
        assertEquals(penguin.getId(), publishers.get("name", "Penguin").getId());
        assertThrows(IntegrityException.class, () -> publishers.all().delete(),
                "Penguin is referenced by its writers: the whole delete fails");
        assertEquals(EVERYTHING, rowsLeft(), "unreferenced Acme was not deleted either");
    }

    @Test
    void aNonCascadingReferenceAnywhereInTheCascadeRollsEverythingBack() {
        remarks.create(new Remark("ada on bob's post", four, ada)); // Remark.author -> ada: no cascade on that side
        IntegrityException e = assertThrows(IntegrityException.class, () -> writers.delete(ada));
        assertEquals(List.of(2L, 3L, 4L, 4L, 2L, 4L), rowsLeft(), "ada's posts, remarks and links are all still there");
        assertEquals("ada", writers.get("pk", ada.getId()).getName(), "and so is ada: " + e.getMessage());
    }

    @Test
    void aCascadeInsideAnAtomicBlockRollsBackWithIt() {
        assertThrows(IllegalStateException.class, () -> db.atomic(tx -> {
            Deleted deleted = tx.objects(Writer.class).filter("name", "ada").delete();
            assertEquals(9, deleted.count());
            assertEquals(1, tx.objects(Post.class).count(), "the cascade ran inside the transaction");
            throw new IllegalStateException("roll back");
        }));
        assertEquals(EVERYTHING, rowsLeft());
    }

    @Test
    void theAsyncTwinsCascadeAlike() {
        assertTwinsThrow(IntegrityException.class, () -> publishers.filter("name", "Penguin").delete(),
                () -> publishers.filter("name", "Penguin").adelete());
        assertEquals(EVERYTHING, rowsLeft());
        Deleted deleted = await(writers.adelete(ada));
        assertEquals(Map.of("Writer", 1L, "Post", 3L, "Remark", 2L, "Post_tags", 3L), deleted.perModel());
        assertNull(ada.getId());
        Deleted viaQuerySet = await(writers.filter("name", "bob").adelete());
        assertEquals(Map.of("Writer", 1L, "Post", 1L, "Remark", 1L, "Post_tags", 1L), viaQuerySet.perModel());
        assertEquals(4, viaQuerySet.count());
        assertEquals(new Deleted(2, Map.of("Publisher", 2L)), await(publishers.all().adelete()),
                "with its writers gone, Penguin can go");
    }

    @Test
    void manyChildrenAreCountedExactly() {
        Writer busy = writers.create(new Writer("busy"));
        List<Post> many = posts.bulkCreate(IntStream.range(0, 150).mapToObj(i -> new Post("p" + i, busy)).toList());
        for (Post p : many.subList(0, 40)) {
            tagsOf(p).add(java);
        }
        Deleted deleted = writers.delete(busy);
        assertEquals(Map.of("Writer", 1L, "Post", 150L, "Post_tags", 40L), deleted.perModel());
        assertEquals(191, deleted.count());
        assertEquals(EVERYTHING, rowsLeft());
    }
}
