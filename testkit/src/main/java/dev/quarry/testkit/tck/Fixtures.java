package dev.quarry.testkit.tck;

import dev.quarry.QuerySet;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/** Small builders and readers shared by the TCK classes. */
final class Fixtures {

    private Fixtures() {
    }

    /** An unsaved article. */
    static Article article(String title, Status status, int views, int likes, Double rating) {
        Article a = new Article(title, status, views);
        a.setLikes(likes);
        a.setRating(rating);
        return a;
    }

    /** An unsaved article with dates and a slug. */
    static Article article(String title, String slug, Status status, int views, int likes, Double rating,
                           LocalDateTime publishedAt, LocalDate createdOn) {
        Article a = article(title, status, views, likes, rating);
        a.setSlug(slug);
        a.setPublishedAt(publishedAt);
        a.setCreatedOn(createdOn);
        return a;
    }

    /** The titles of the rows, ordered by pk. */
    static List<String> titles(QuerySet<Article> qs) {
        return qs.orderBy("id").list().stream().map(Article::getTitle).toList();
    }

    /** The titles of the articles, in the given order. */
    static List<String> titlesOf(Article... articles) {
        return Arrays.stream(articles).map(Article::getTitle).toList();
    }

    /** The titles of the articles, in list order. */
    static List<String> titlesOf(List<Article> articles) {
        return articles.stream().map(Article::getTitle).toList();
    }
}
