package dev.quarry.testkit.tck;

import dev.quarry.Created;
import dev.quarry.Manager;
import dev.quarry.RelatedManager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Remark;
import dev.quarry.testkit.models.Tag;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.quarry.testkit.Async.assertTwinsThrowOrFail;
import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Django's tests/async/test_async_related_managers.py in Java: acreate, agetOrCreate, aupdateOrCreate, aadd, aremove,
 * aset and aclear on a many-to-many ({@code Post.tags}; Django's {@code ManyToManyModel.simples}) and on the reverse
 * side of a nullable foreign key ({@code writer.remark_set}; Django's {@code simple.relatedmodel_set}), plus the twin
 * rule for the related managers' errors.
 *
 * <p>Fixture, as Django's {@code setUpTestData}: {@code mtm1} has no tags, {@code mtm2} is linked to {@code s1}; the
 * writer {@code w1} plays Django's {@code SimpleModel} {@code s1} on the reverse side.
 */
class AsyncRelatedManagerTest extends TckBase {

    private Manager<Post> posts;
    private Manager<Tag> tags;
    private Manager<Writer> writers;
    private Manager<Remark> remarks;
    private Post mtm1;
    private Post mtm2;
    private Tag s1;
    private Writer w1;

    @Override
    protected List<Class<?>> models() {
        return Blog.MODELS;
    }

    @BeforeEach
    void createRows() {
        posts = db.objects(Post.class);
        tags = db.objects(Tag.class);
        writers = db.objects(Writer.class);
        remarks = db.objects(Remark.class);
        w1 = writers.create(new Writer("w1"));
        mtm1 = posts.create(new Post("mtm1", w1));
        s1 = tags.create(new Tag("s1"));
        mtm2 = posts.create(new Post("mtm2", w1));
        simples(mtm2).set(List.of(s1));
    }

    /** Django's {@code mtm.simples}. */
    private RelatedManager<Tag> simples(Post post) {
        return posts.related(post, "tags", Tag.class);
    }

    /** Django's {@code s1.relatedmodel_set}: the undeclared reverse side of {@code Remark.author}. */
    private RelatedManager<Remark> remarkSet() {
        return writers.related(w1, "remark_set", Remark.class);
    }

    /** An unlinked remark (author NULL), as Django's {@code RelatedModel.objects.acreate()}. */
    private Remark unlinkedRemark() {
        return await(remarks.acreate(new Remark("r1", mtm1)));
    }

    // ---------------------------------------------------------------- create

    @Test
    void acreate() {
        await(simples(mtm1).acreate(Map.of("name", "two")));
        assertEquals("two", await(simples(mtm1).aget()).getName());
    }

    @Test
    void acreateReverse() {
        await(remarkSet().acreate(Map.of("text", "r", "post", mtm1)));
        Remark created = await(remarkSet().aget());
        assertEquals(w1.getId(), created.getAuthor().getId());
    }

    @Test
    void agetOrCreate() {
        Created<Tag> first = await(simples(mtm1).agetOrCreate(Map.of("name", "two")));
        assertTrue(first.created());
        assertEquals(1L, await(simples(mtm1).acount()));
        assertEquals("two", first.object().getName());
        Created<Tag> second = await(simples(mtm1).agetOrCreate(Map.of("id", first.object().getId()), Map.of("name", "three")));
        assertFalse(second.created());
        assertEquals(1L, await(simples(mtm1).acount()));
        assertEquals("two", second.object().getName(), "defaults are not applied to a row that was found");
    }

    @Test
    void agetOrCreateReverse() {
        Created<Remark> created = await(remarkSet().agetOrCreate(Map.of("text", "r"), Map.of("post", mtm1)));
        assertTrue(created.created());
        assertEquals(1L, await(remarkSet().acount()));
        assertEquals(w1.getId(), created.object().getAuthor().getId());
    }

    @Test
    void aupdateOrCreate() {
        Created<Tag> created = await(simples(mtm1).aupdateOrCreate(Map.of("name", "two"), Map.of()));
        assertTrue(created.created());
        assertEquals(1L, await(simples(mtm1).acount()));
        assertEquals("two", created.object().getName());

        Created<Tag> updated = await(simples(mtm1).aupdateOrCreate(Map.of("id", created.object().getId()), Map.of("name", "three")));
        assertFalse(updated.created());
        assertEquals("three", updated.object().getName());

        Created<Tag> withCreateDefaults = await(simples(mtm1).aupdateOrCreate(
                Map.of("name", "four"), Map.of("name", "six"), Map.of("name", "five")));
        assertTrue(withCreateDefaults.created());
        assertEquals("five", withCreateDefaults.object().getName());
        assertEquals(2L, await(simples(mtm1).acount()));
    }

    @Test
    void aupdateOrCreateReverse() {
        Created<Remark> created = await(remarkSet().aupdateOrCreate(Map.of("text", "r"), Map.of("post", mtm1)));
        assertTrue(created.created());
        assertEquals(1L, await(remarkSet().acount()));
        assertEquals(w1.getId(), created.object().getAuthor().getId());
    }

    // ---------------------------------------------------------------- add, remove

    @Test
    void aadd() {
        await(simples(mtm1).aadd(s1));
        assertEquals(s1, await(simples(mtm1).aget()));
    }

    @Test
    void aaddReverse() {
        Remark r1 = unlinkedRemark();
        await(remarkSet().aadd(r1));
        assertEquals(r1, await(remarkSet().aget()));
    }

    @Test
    void aaddOfACollectionAndAaddingTwiceLinksOnce() {
        Tag s2 = tags.create(new Tag("s2"));
        await(simples(mtm1).aadd(List.of(s1, s2)));
        await(simples(mtm1).aadd(List.of(s1)));
        assertEquals(2L, await(simples(mtm1).acount()));
    }

    @Test
    void aremove() {
        assertEquals(1L, await(simples(mtm2).acount()));
        await(simples(mtm2).aremove(s1));
        assertEquals(0L, await(simples(mtm2).acount()));
        assertEquals(1L, await(tags.acount()), "the tag itself stays");
    }

    @Test
    void aremoveReverse() {
        Remark r1 = await(remarks.acreate(new Remark("r1", mtm1, w1)));
        assertEquals(1L, await(remarkSet().acount()));
        await(remarkSet().aremove(List.of(r1)));
        assertEquals(0L, await(remarkSet().acount()));
        assertNull(remarks.get("pk", r1.getId()).getAuthor(), "the remark stays, its author is NULL");
    }

    // ---------------------------------------------------------------- set, clear

    @Test
    void aset() {
        await(simples(mtm1).aset(List.of(s1)));
        assertEquals(s1, await(simples(mtm1).aget()));
        await(simples(mtm1).aset(List.of()));
        assertEquals(0L, await(simples(mtm1).acount()));
        await(simples(mtm1).aset(List.of(s1), true));
        assertEquals(s1, await(simples(mtm1).aget()));
    }

    @Test
    void asetReverse() {
        Remark r1 = unlinkedRemark();
        await(remarkSet().aset(List.of(r1)));
        assertEquals(r1, await(remarkSet().aget()));
        await(remarkSet().aset(List.of()));
        assertEquals(0L, await(remarkSet().acount()));
        await(remarkSet().aset(List.of(r1), true));
        assertEquals(r1, await(remarkSet().aget()));
    }

    @Test
    void aclear() {
        assertEquals(1L, await(simples(mtm2).acount()));
        await(simples(mtm2).aclear());
        assertEquals(0L, await(simples(mtm2).acount()));
    }

    @Test
    void aclearReverse() {
        await(remarks.acreate(new Remark("r1", mtm1, w1)));
        assertEquals(1L, await(remarkSet().acount()));
        await(remarkSet().aclear());
        assertEquals(0L, await(remarkSet().acount()));
        assertEquals(1L, await(remarks.acount()));
    }

    // ---------------------------------------------------------------- twins

    @Test
    void theAsyncTwinsRunConcurrentlyOnDifferentInstances() {
        Tag s2 = tags.create(new Tag("s2"));
        CompletableFuture.allOf(simples(mtm1).aadd(s2), simples(mtm2).aremove(s1),
                simples(mtm2).aadd(s2)).join();
        assertEquals(List.of("s2"), await(simples(mtm1).valuesListFlat("name", String.class).alist()));
        assertEquals(List.of("s2"), await(simples(mtm2).valuesListFlat("name", String.class).alist()));
    }

    @Test
    void theTwinsFailAlike() {
        RelatedManager<Post> required = writers.related(w1, "posts", Post.class);
        assertTwinsThrowOrFail(UnsupportedOperationException.class,
                () -> required.remove(mtm1), () -> required.aremove(mtm1));
        assertTwinsThrowOrFail(UnsupportedOperationException.class, required::clear, required::aclear);
        assertTwinsThrowOrFail(IllegalArgumentException.class,
                () -> remarkSet().add(new Remark("unsaved", mtm1)), () -> remarkSet().aadd(new Remark("unsaved", mtm1)));
        Post unsaved = new Post("unsaved", w1);
        assertTwinsThrowOrFail(IllegalArgumentException.class, () -> posts.related(unsaved, "tags", Tag.class).add(s1),
                () -> posts.related(unsaved, "tags", Tag.class).aadd(s1));
        assertEquals(2L, await(required.acount()), "nothing changed");
    }
}
