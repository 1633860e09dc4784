package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.QuerySet;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.quarry.testkit.tck.Fixtures.article;
import static dev.quarry.testkit.tck.Fixtures.titles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ordering, reverse, distinct, slices, none(), only()/defer(), and that chaining never mutates. */
class QuerySetChainingTest extends TckBase {

    private Manager<Article> articles;
    private Article b;
    private Article a;
    private Article d;
    private Article c;

    @Override
    protected List<Class<?>> models() {
        return List.of(Article.class);
    }

    @BeforeEach
    void createArticles() {
        articles = db.objects(Article.class);
        // inserted out of title order, so pk order and title order differ
        b = articles.create(article("b", Status.PUBLISHED, 20, 1, 1.0));
        a = articles.create(article("a", Status.DRAFT, 20, 2, null));
        d = articles.create(article("d", Status.PUBLISHED, 5, 3, 3.0));
        c = articles.create(article("c", Status.DRAFT, 40, 4, 2.0));
    }

    private static List<String> titlesInOrder(QuerySet<Article> qs) {
        return Fixtures.titlesOf(qs.list());
    }

    @Test
    void orderByAscendingAndDescending() {
        assertEquals(List.of("a", "b", "c", "d"), titlesInOrder(articles.orderBy("title")));
        assertEquals(List.of("d", "c", "b", "a"), titlesInOrder(articles.orderBy("-title")));
    }

    @Test
    void orderByManyFieldsBreaksTiesInOrder() {
        assertEquals(List.of("d", "a", "b", "c"), titlesInOrder(articles.orderBy("views", "title")));
        assertEquals(List.of("d", "b", "a", "c"), titlesInOrder(articles.orderBy("views", "-title")));
    }

    @Test
    void laterOrderByReplacesEarlierOne() {
        assertEquals(List.of("a", "b", "c", "d"), titlesInOrder(articles.orderBy("-views").orderBy("title")));
    }

    @Test
    void orderByPkAndByNullableField() {
        assertEquals(List.of("b", "a", "d", "c"), titlesInOrder(articles.orderBy("pk")));
        assertEquals(List.of("c", "d", "a", "b"), titlesInOrder(articles.orderBy("-id")));
        // PostgreSQL sorts NULL last ascending (and Django leaves that to the database)
        assertEquals(List.of("b", "c", "d", "a"), titlesInOrder(articles.orderBy("rating")));
    }

    @Test
    void randomOrderReturnsEveryRowOnce() {
        List<String> shuffled = titlesInOrder(articles.orderBy("?"));
        assertEquals(4, shuffled.size());
        assertEquals(Set.of("a", "b", "c", "d"), new HashSet<>(shuffled));
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 30 && orders.size() < 2; i++) {
            orders.add(titlesInOrder(articles.orderBy("?")));
        }
        assertTrue(orders.size() > 1, "30 random orderings of 4 rows were all the same");
    }

    @Test
    void reverseInvertsTheOrdering() {
        assertEquals(List.of("d", "c", "b", "a"), titlesInOrder(articles.orderBy("title").reverse()));
        assertEquals(List.of("a", "b", "c", "d"), titlesInOrder(articles.orderBy("title").reverse().reverse()));
    }

    @Test
    void reverseOfAnUnorderedQuerySetOrdersByPkDescending() {
        assertEquals(List.of("c", "d", "a", "b"), titlesInOrder(articles.all().reverse()));
    }

    @Test
    void distinctRemovesDuplicateRows() {
        assertEquals(List.of(5, 20, 40),
                articles.orderBy("views").distinct().valuesListFlat("views", Integer.class).list());
        assertEquals(3, articles.valuesList("views").distinct().count());
        assertEquals(4, articles.distinct().count());
    }

    @Test
    void sliceTakesRowsFromStartInclusiveToEndExclusive() {
        assertEquals(List.of("b", "c"), titlesInOrder(articles.orderBy("title").slice(1, 3)));
        assertEquals(List.of("a"), titlesInOrder(articles.orderBy("title").slice(0, 1)));
        assertEquals(List.of("d"), titlesInOrder(articles.orderBy("title").slice(3, 10)));
        assertEquals(List.of(), titlesInOrder(articles.orderBy("title").slice(4, 10)));
    }

    @Test
    void countAndExistsOfASliceCountOnlyTheSlice() {
        assertEquals(2, articles.orderBy("title").slice(1, 3).count());
        assertEquals(1, articles.orderBy("title").slice(3, 10).count());
        assertEquals(false, articles.orderBy("title").slice(4, 10).exists());
    }

    @Test
    void negativeSliceBoundsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> articles.slice(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> articles.slice(0, -2));
    }

    @Test
    void noneMatchesNothingWhateverIsChained() {
        QuerySet<Article> none = articles.none();
        assertEquals(List.of(), none.list());
        assertEquals(0, none.count());
        assertEquals(false, none.exists());
        assertTrue(none.first().isEmpty());
        assertEquals(0, none.filter("title", "a").count());
        assertEquals(0, none.update(java.util.Map.of("views", 1)));
        assertEquals(4, articles.count());
    }

    @Test
    void chainingReturnsNewQuerySetsAndLeavesTheOriginalUnchanged() {
        QuerySet<Article> all = articles.all();
        QuerySet<Article> published = all.filter("status", Status.PUBLISHED);
        QuerySet<Article> ordered = published.orderBy("-title");
        assertNotSame(all, published);
        assertNotSame(published, ordered);
        assertEquals(4, all.count());
        assertEquals(List.of("b", "d"), titles(published));
        assertEquals(List.of("d", "b"), titlesInOrder(ordered));
        assertEquals(List.of("b", "a", "d", "c"), titlesInOrder(articles.orderBy("id")));
    }

    @Test
    void querySetsAreLazyAndSeeRowsCreatedBeforeEvaluation() {
        QuerySet<Article> drafts = articles.filter("status", Status.DRAFT);
        articles.create(article("e", Status.DRAFT, 1, 1, null));
        assertEquals(3, drafts.count());
        assertEquals(List.of("a", "c", "e"), titles(drafts));
    }

    @Test
    void onlyLoadsTheNamedFieldsAndThePk() {
        Article loaded = articles.only("title").get("title", "d");
        assertEquals(d.getId(), loaded.getId());
        assertEquals("d", loaded.getTitle());
        assertEquals(0, loaded.getViews());
        assertNull(loaded.getRating());
        assertNull(loaded.getStatus());
    }

    @Test
    void deferLoadsEveryFieldButTheNamedOnes() {
        Article loaded = articles.defer("views", "rating").get("title", "d");
        assertEquals(d.getId(), loaded.getId());
        assertEquals("d", loaded.getTitle());
        assertEquals(Status.PUBLISHED, loaded.getStatus());
        assertEquals(3, loaded.getLikes());
        assertEquals(0, loaded.getViews());
        assertNull(loaded.getRating());
    }

    @Test
    void onlyAndDeferCombineWithFiltersAndOrdering() {
        List<Article> loaded = articles.only("title", "views").filter("views__gte", 20).orderBy("-views").list();
        assertEquals(3, loaded.size());
        assertEquals(List.of("c", "b", "a").getFirst(), loaded.getFirst().getTitle());
        assertEquals(40, loaded.getFirst().getViews());
        assertEquals(0, loaded.getFirst().getLikes());
        assertNotNull(loaded.getFirst().getId());
        BigDecimal unset = articles.defer("price").get("title", "a").getPrice();
        assertNull(unset);
    }
}
