package dev.quarry.testkit.tck;

import dev.quarry.Aggregate;
import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.Manager;
import dev.quarry.Q;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Author;
import dev.quarry.testkit.models.Comment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lookups that follow a {@code @ManyToOne} ({@code "author__name__icontains"}) in filter, exclude, orderBy,
 * values, aggregate, update and delete, and {@code selectRelated} filling the related instance in the same
 * query, with a NULL foreign key left null.
 */
class ForeignKeyLookupsTest extends TckBase {

    private Manager<Author> authors;
    private Manager<Comment> comments;
    private Author ada;
    private Author bob;

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Comment.class);
    }

    @BeforeEach
    void createRows() {
        authors = db.objects(Author.class);
        comments = db.objects(Comment.class);
        ada = authors.create(new Author("Ada"));
        bob = authors.create(new Author("Bob"));
        comments.create(new Comment("first", ada));
        comments.create(new Comment("second", ada));
        comments.create(new Comment("third", bob));
        comments.create(new Comment("orphan", null));
    }

    private static List<String> texts(List<Comment> list) {
        return list.stream().map(Comment::getText).toList();
    }

    @Test
    void filterFollowsTheForeignKeyToTheRelatedModelsField() {
        assertEquals(List.of("first", "second"), texts(comments.filter("author__name", "Ada").orderBy("id").list()));
        assertEquals(List.of("third"), texts(comments.filter("author__name__icontains", "bo").list()));
        assertEquals(List.of("third"), texts(comments.alist().thenApply(all -> all.stream()
                .filter(c -> c.getAuthor() != null && c.getAuthor().getId().equals(bob.getId())).toList()).join()));
    }

    @Test
    void excludeAcrossTheRelationKeepsRowsWhoseForeignKeyIsNull() {
        assertEquals(List.of("third", "orphan"), texts(comments.exclude("author__name", "Ada").orderBy("id").list()));
    }

    @Test
    void theRelatedPkUsesTheKeyColumnWithoutAJoin() {
        assertEquals(2, comments.filter("author__id", ada.getId()).count());
        assertEquals(2, comments.filter("author__pk", ada.getId()).count());
        assertEquals(2, comments.filter("author_id", ada.getId()).count());
        assertEquals(1, comments.filter("author__isnull", true).count());
    }

    @Test
    void orderByAndValuesReachAcrossTheRelation() {
        List<Map<String, Object>> rows = comments.filter("author__isnull", false)
                .orderBy("-author__name", "id").values("text", "author__name").list();
        assertEquals(List.of(Map.of("text", "third", "author__name", "Bob"), Map.of("text", "first", "author__name", "Ada"),
                Map.of("text", "second", "author__name", "Ada")), rows);
    }

    @Test
    void qObjectsAndAggregatesWorkAcrossTheRelation() {
        assertEquals(3, comments.filter(Q.of("author__name", "Ada").or(Q.of("author__name", "Bob"))).count());
        Map<String, Object> agg = comments.aggregate(Map.of("authors", Aggregate.count("author__name").distinct()));
        assertEquals(2L, ((Number) agg.get("authors")).longValue());
    }

    @Test
    void updateAndDeleteFilteredAcrossTheRelationTouchOnlyMatchingRows() {
        assertEquals(2, comments.filter("author__name", "Ada").update(Map.of("likes", F.of("likes").plus(3))));
        assertEquals(List.of(3, 3, 0, 0), comments.orderBy("id").valuesListFlat("likes", Integer.class).list());
        assertEquals(1, comments.filter("author__name", "Bob").delete().count());
        assertEquals(3, comments.count());
        assertEquals(2, authors.count(), "deleting comments leaves their authors");
    }

    @Test
    void selectRelatedFillsTheRelatedInstanceInTheSameQuery() {
        List<Comment> loaded = comments.selectRelated("author").orderBy("id").list();
        assertEquals("Ada", loaded.get(0).getAuthor().getName());
        assertEquals("Bob", loaded.get(2).getAuthor().getName());
        assertNull(loaded.get(3).getAuthor(), "a NULL foreign key stays null with selectRelated");
        Comment viaAsync = comments.selectRelated("author").filter("text", "third").aget().join();
        assertEquals("Bob", viaAsync.getAuthor().getName());
        Comment notFollowed = comments.selectRelated().filter("text", "third").get();
        assertNull(notFollowed.getAuthor().getName(), "selectRelated() without paths follows non-null keys only, as Django");
    }

    @Test
    void withoutSelectRelatedTheRelatedInstanceHoldsOnlyItsId() {
        Comment c = comments.get("text", "first");
        assertEquals(ada.getId(), c.getAuthor().getId());
        assertNull(c.getAuthor().getName());
    }

    @Test
    void unknownNamesAcrossTheRelationRaiseFieldExceptionListingTheRelatedFields() {
        FieldException e = assertThrows(FieldException.class, () -> comments.filter("author__nope", 1));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
        FieldException s = assertThrows(FieldException.class, () -> comments.selectRelated("text"));
        assertTrue(s.getMessage().contains("author"), s.getMessage());
        assertEquals(4, comments.count(), "the table is intact");
    }
}
