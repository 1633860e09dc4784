package dev.quarry.examples.blog;

import dev.quarry.Manager;
import dev.quarry.Quarry;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The schema, and a little data to explore: 3 authors, 4 tags, 8 articles. */
final class Seed {

    private Seed() {
    }

    /** Drops the blog's tables (and their join table). */
    static void drop(Quarry db) {
        db.schema().drop(Tag.class, Article.class, Author.class);
    }

    /** Creates the tables if they do not exist ({@code CREATE TABLE IF NOT EXISTS}, in foreign-key order). */
    static void create(Quarry db) {
        db.schema().create(Author.class, Article.class, Tag.class);
    }

    /**
     * Inserts the sample data when there are no authors yet, with async bulk inserts issued together; returns
     * whether it did.
     */
    static boolean seedIfEmpty(Quarry db) {
        Manager<Author> authors = db.objects(Author.class);
        if (authors.aexists().join()) {
            return false;
        }
        return db.aatomic(tx -> {
            CompletableFuture<List<Author>> people = tx.objects(Author.class).abulkCreate(List.of(
                    new Author("Ada Lovelace", "ada@example.org"),
                    new Author("Grace Hopper", "grace@example.org"),
                    new Author("Linus Torvalds", "linus@example.org")));
            CompletableFuture<List<Tag>> labels = tx.objects(Tag.class).abulkCreate(List.of(
                    new Tag("java"), new Tag("postgres"), new Tag("async"), new Tag("helidon")));
            return people.thenCombine(labels, (a, t) -> insertArticles(tx, a, t)).thenCompose(f -> f);
        }).thenApply(v -> true).join();
    }

    private static CompletableFuture<Void> insertArticles(dev.quarry.Transaction tx, List<Author> a, List<Tag> t) {
        Author ada = a.get(0);
        Author grace = a.get(1);
        Author linus = a.get(2);
        Map<String, Tag> tag = new LinkedHashMap<>();
        t.forEach(x -> tag.put(x.getName(), x));
        LocalDateTime day = LocalDateTime.of(2025, 3, 1, 9, 0);
        List<Article> list = List.of(
                new Article("Notes on the Analytical Engine", "analytical-engine",
                        "The engine weaves algebraic patterns.", ada).published(day, 120),
                new Article("Async Java without tears", "async-java",
                        "CompletableFuture, virtual threads and Quarry.", ada).published(day.plusDays(3), 340),
                new Article("Bernoulli numbers, step by step", "bernoulli",
                        "A program before there were computers.", ada),
                new Article("The first compiler", "first-compiler",
                        "A-0 and what came after.", grace).published(day.plusDays(5), 90),
                new Article("Nanoseconds", "nanoseconds",
                        "A foot of wire, handed out at lectures.", grace).published(day.plusDays(8), 510),
                new Article("Helidon SE on PostgreSQL", "helidon-postgres",
                        "A small REST API with Quarry.", grace),
                new Article("Why I wrote git", "why-git",
                        "Distributed version control, quickly.", linus).published(day.plusDays(13), 260),
                new Article("Kernel mailing list etiquette", "lkml-etiquette",
                        "Archived for posterity.", linus).published(day.plusDays(21), 45));
        Manager<Article> articles = tx.objects(Article.class);
        return articles.abulkCreate(list).thenCompose(saved -> {
            List<List<String>> tagsOf = List.of(
                    List.of("java"), List.of("java", "async"), List.of(), List.of("java", "postgres"),
                    List.of("async"), List.of("java", "postgres", "helidon"), List.of("postgres"), List.of());
            List<CompletableFuture<Void>> links = new ArrayList<>();
            for (int i = 0; i < saved.size(); i++) {
                List<Tag> these = tagsOf.get(i).stream().map(tag::get).toList();
                if (!these.isEmpty()) {
                    links.add(articles.related(saved.get(i), "tags", Tag.class).aadd(these));
                }
            }
            return CompletableFuture.allOf(links.toArray(CompletableFuture[]::new));
        }).thenCompose(v -> articles.filter("slug", "lkml-etiquette").aupdate(Map.of("status", Status.ARCHIVED)))
                .thenApply(n -> null);
    }
}
