package dev.quarry.testkit.tck;

import dev.quarry.F;
import dev.quarry.Manager;
import dev.quarry.Q;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.tck.Fixtures.article;
import static dev.quarry.testkit.tck.Fixtures.titles;
import static dev.quarry.testkit.tck.Fixtures.titlesOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every lookup of API.md, {@code filter("f", null)}, and {@code exclude} with NULLs, as Django. */
class FilterLookupsTest extends TckBase {

    private Manager<Article> articles;
    private Article a1;
    private Article a2;
    private Article a3;
    private Article a4;

    @Override
    protected List<Class<?>> models() {
        return List.of(Article.class);
    }

    @BeforeEach
    void createArticles() {
        articles = db.objects(Article.class);
        // Friday 2024-03-15, Tuesday 2023-07-04, Monday 2024-01-01
        a1 = article("Hello World", "hello-world", Status.PUBLISHED, 10, 3, 4.5,
                LocalDateTime.of(2024, 3, 15, 10, 20, 30), LocalDate.of(2024, 3, 1));
        a1.setTeaser("teaser one");
        a2 = article("hello there", "hello-there", Status.DRAFT, 20, 30, null, null, LocalDate.of(2023, 12, 31));
        a3 = article("Goodbye 100% sure", "goodbye_sure", Status.PUBLISHED, 30, 10, 2.0,
                LocalDateTime.of(2023, 7, 4, 23, 59, 58), LocalDate.of(2023, 7, 4));
        a4 = article("Ab_cd", "ab-cd", Status.ARCHIVED, 0, 0, 3.0, LocalDateTime.of(2024, 1, 1, 0, 0, 0), null);
        for (Article a : List.of(a1, a2, a3, a4)) {
            articles.create(a);
        }
    }

    private void assertMatches(String lookup, Object value, Article... expected) {
        assertEquals(titlesOf(expected), titles(articles.filter(lookup, value)), "filter(\"" + lookup + "\", " + value + ")");
    }

    @Test
    void exactMatchesTheValueAndIsTheDefaultLookup() {
        assertMatches("title", "Hello World", a1);
        assertMatches("title__exact", "Hello World", a1);
        assertMatches("title", "hello world");
    }

    @Test
    void iexactIgnoresCase() {
        assertMatches("title__iexact", "HELLO WORLD", a1);
    }

    @Test
    void containsIsCaseSensitiveAndIcontainsIsNot() {
        assertMatches("title__contains", "Hello", a1);
        assertMatches("title__contains", "ello", a1, a2);
        assertMatches("title__icontains", "HELLO", a1, a2);
    }

    @Test
    void containsTreatsPercentAndUnderscoreLiterally() {
        assertMatches("title__contains", "%", a3);
        assertMatches("title__contains", "_", a4);
        assertMatches("title__startswith", "Ab_", a4);
        assertMatches("title__icontains", "0% S", a3);
    }

    @Test
    void startswithAndEndswithAndTheirCaseInsensitiveForms() {
        assertMatches("title__startswith", "Hello", a1);
        assertMatches("title__istartswith", "hello", a1, a2);
        assertMatches("title__endswith", "there", a2);
        assertMatches("title__endswith", "WORLD");
        assertMatches("title__iendswith", "WORLD", a1);
    }

    @Test
    void inMatchesAnyListedValue() {
        assertMatches("views__in", List.of(10, 30, 99), a1, a3);
        assertMatches("status__in", List.of(Status.DRAFT, Status.ARCHIVED), a2, a4);
    }

    @Test
    void inWithAnEmptyListMatchesNothing() {
        assertMatches("views__in", List.of());
        assertEquals(0, articles.filter("title__in", List.of()).count());
    }

    @Test
    void comparisonsGtGteLtLte() {
        assertMatches("views__gt", 10, a2, a3);
        assertMatches("views__gte", 10, a1, a2, a3);
        assertMatches("views__lt", 10, a4);
        assertMatches("views__lte", 10, a1, a4);
        assertMatches("rating__gt", 2.5, a1, a4);
    }

    @Test
    void rangeIsInclusiveAtBothEnds() {
        assertMatches("views__range", List.of(10, 20), a1, a2);
        assertMatches("publishedAt__range", List.of(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 12, 31, 0, 0)), a1, a4);
    }

    @Test
    void isnullTrueAndFalse() {
        assertMatches("rating__isnull", true, a2);
        assertMatches("rating__isnull", false, a1, a3, a4);
    }

    @Test
    void filterWithNullValueMeansIsNull() {
        assertMatches("rating", null, a2);
        assertMatches("createdOn", null, a4);
    }

    @Test
    void regexAndIregex() {
        assertMatches("title__regex", "^[Hh]ello", a1, a2);
        assertMatches("title__regex", "^hello", a2);
        assertMatches("title__iregex", "^HELLO", a1, a2);
        assertMatches("title__regex", "[0-9]+%", a3);
    }

    @Test
    void dateLookupComparesTheDatePart() {
        assertMatches("publishedAt__date", LocalDate.of(2024, 3, 15), a1);
        assertMatches("publishedAt__date__gte", LocalDate.of(2024, 1, 1), a1, a4);
    }

    @Test
    void yearMonthDayExtractFromDatetimesAndDates() {
        assertMatches("publishedAt__year", 2024, a1, a4);
        assertMatches("publishedAt__month", 3, a1);
        assertMatches("publishedAt__day", 15, a1);
        assertMatches("createdOn__year", 2023, a2, a3);
        assertMatches("createdOn__month", 12, a2);
    }

    @Test
    void transformsChainWithComparisons() {
        assertMatches("publishedAt__year__gte", 2024, a1, a4);
        assertMatches("publishedAt__month__lt", 3, a4);
    }

    @Test
    void weekDayCountsFromSundayAsOne() {
        assertMatches("publishedAt__week_day", 6, a1); // Friday
        assertMatches("publishedAt__week_day", 3, a3); // Tuesday
        assertMatches("publishedAt__week_day", 2, a4); // Monday
        assertMatches("publishedAt__week_day", 1);     // Sunday: none
    }

    @Test
    void hourMinuteSecondExtractFromDatetimes() {
        assertMatches("publishedAt__hour", 23, a3);
        assertMatches("publishedAt__minute", 20, a1);
        assertMatches("publishedAt__second", 58, a3);
        assertMatches("publishedAt__hour", 0, a4);
    }

    @Test
    void pkMeansTheIdField() {
        assertMatches("pk", a2.getId(), a2);
        assertMatches("pk__in", List.of(a1.getId(), a4.getId()), a1, a4);
        assertMatches("pk__gt", a3.getId(), a4);
    }

    @Test
    void enumsAreComparedByTheirStoredForm() {
        assertMatches("status", Status.PUBLISHED, a1, a3);
    }

    @Test
    void aRenamedColumnIsFilteredByItsFieldName() {
        assertMatches("teaser", "teaser one", a1);
        assertMatches("teaser__startswith", "teaser", a1);
    }

    @Test
    void fExpressionsCompareColumnsOfTheSameRow() {
        assertMatches("likes__gt", F.of("views"), a2);
        assertMatches("likes", F.of("views"), a4);
        assertMatches("views", F.of("likes").times(3), a3, a4);
        assertMatches("views__lt", F.of("likes").plus(5), a2, a4);
        assertMatches("views__gte", F.of("likes").minus(1).times(2), a1, a3, a4);
    }

    @Test
    void chainedFiltersAndMapFiltersAreAnded() {
        assertEquals(titlesOf(a3), titles(articles.filter("status", Status.PUBLISHED).filter("views__gte", 20)));
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("status", Status.PUBLISHED);
        both.put("views__gte", 20);
        assertEquals(titlesOf(a3), titles(articles.filter(both)));
    }

    @Test
    void qObjectsCombineWithOrAndAndNegate() {
        assertEquals(titlesOf(a1, a4), titles(articles.filter(Q.of("views", 10).or(Q.of("views", 0)))));
        assertEquals(titlesOf(a1), titles(articles.filter(Q.of("status", Status.PUBLISHED).and(Q.of("views__gt", 10).negate()))));
        assertEquals(titlesOf(a2, a3), titles(articles.filter(Q.not(Q.of("views", 10).or(Q.of("views", 0))))));
        assertEquals(titlesOf(a1, a2, a3, a4), titles(articles.filter(Q.empty())));
    }

    @Test
    void excludeKeepsRowsWhereTheComparedColumnIsNull() {
        // Django: exclude(rating__gt=3) is NOT (rating > 3 AND rating IS NOT NULL): the NULL row stays.
        assertEquals(titlesOf(a2, a3, a4), titles(articles.exclude("rating__gt", 3.0)));
        assertEquals(titlesOf(a2, a3, a4), titles(articles.exclude("rating", 4.5)));
        assertEquals(titlesOf(a1, a2, a4), titles(articles.filter(Q.not(Q.of("rating__lt", 3.0)))));
    }

    @Test
    void excludeNullMeansIsNotNull() {
        assertEquals(titlesOf(a1, a3, a4), titles(articles.exclude("rating", null)));
        assertEquals(titlesOf(a1, a3, a4), titles(articles.exclude("rating__isnull", true)));
    }

    @Test
    void excludeOfAMapNegatesTheLookupsTogether() {
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("status", Status.PUBLISHED);
        both.put("views__gt", 10);
        assertEquals(titlesOf(a1, a2, a4), titles(articles.exclude(both)));
        assertEquals(titlesOf(a2), titles(articles.exclude("status", Status.PUBLISHED).exclude("views", 0)));
        assertEquals(titlesOf(a2, a4), titles(articles.exclude(Q.of("status", Status.PUBLISHED))));
    }

    @Test
    void filterAndExcludeCombine() {
        assertEquals(titlesOf(a1), titles(articles.filter("title__icontains", "hello").exclude("status", Status.DRAFT)));
    }
}
