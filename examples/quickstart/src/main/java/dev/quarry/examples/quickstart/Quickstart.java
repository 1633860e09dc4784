package dev.quarry.examples.quickstart;

import dev.quarry.Aggregate;
import dev.quarry.Created;
import dev.quarry.Deleted;
import dev.quarry.F;
import dev.quarry.Manager;
import dev.quarry.Prefetch;
import dev.quarry.Q;
import dev.quarry.Quarry;
import dev.quarry.QuerySet;
import dev.quarry.RelatedManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A small blog (authors, articles, tags) on Quarry's async API: concurrent queries, relations without N+1
 * queries ({@code selectRelated}, {@code prefetchRelated}, {@code Prefetch}), lookups across relations, related
 * managers, F-expression updates, aggregates, get-or-create, back-pressured streaming with a prefetch per chunk,
 * an async transaction with a savepoint that rolls back, a cancelled statement, cascading deletes.
 *
 * <p>It connects to {@code QUARRY_URL} (or the first argument), e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; with neither it starts an embedded PostgreSQL
 * and stops it at the end. Run it with {@code ./mvnw -q -pl examples/quickstart exec:java}.
 */
public final class Quickstart {

    private static final long START = System.nanoTime();

    private Quickstart() {
    }

    /**
     * Runs the tour.
     *
     * @param args optionally a JDBC URL (else {@code QUARRY_URL}, else an embedded PostgreSQL)
     */
    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : System.getenv("QUARRY_URL");
        EmbeddedPostgres embedded = null;
        if (url == null || url.isBlank()) {
            say("QUARRY_URL is not set: starting an embedded PostgreSQL ...");
            embedded = EmbeddedPostgres.start();
            url = embedded.getJdbcUrl("postgres", "postgres");
            say("embedded PostgreSQL is up on port " + embedded.getPort());
        }
        try (Quarry db = Quarry.builder().url(url).poolSize(8).build()) {
            say("connected: " + db + " " + db.features());
            tour(db);
        } finally {
            if (embedded != null) {
                stop(embedded);
            }
        }
    }

    private static void tour(Quarry db) {
        // ------------------------------------------------------------------ schema
        db.schema().drop(Tag.class, Article.class, Author.class);
        db.schema().create(Author.class, Article.class, Tag.class);   // in FK order, with the join table
        say("created tables quickstart_author, quickstart_article, quickstart_tag and quickstart_article_tags");

        Manager<Author> authors = db.objects(Author.class);
        Manager<Article> articles = db.objects(Article.class);
        Manager<Tag> tags = db.objects(Tag.class);

        // ------------------------------------------------------------------ acreate and abulkCreate, concurrently
        CompletableFuture<Author> adaF = authors.acreate(new Author("Ada", "ada@example.org"));
        CompletableFuture<Author> linusF = authors.acreate(Map.of("name", "Linus", "email", "linus@example.org"));
        CompletableFuture<List<Tag>> tagsF = tags.abulkCreate(List.of(
                new Tag("java"), new Tag("postgres"), new Tag("async"), new Tag("tutorial")));
        CompletableFuture.allOf(adaF, linusF, tagsF).join();
        Author ada = adaF.join();
        Author linus = linusF.join();
        Map<String, Tag> tag = new LinkedHashMap<>();
        tagsF.join().forEach(t -> tag.put(t.getName(), t));
        say("acreate x2 and abulkCreate, concurrently: authors " + ada + ", " + linus + "; tags " + tag.values());

        LocalDateTime base = LocalDateTime.of(2025, 1, 1, 9, 0);
        List<Article> drafts = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            Author who = i % 3 == 0 ? linus : ada;
            Article a = new Article("Post number " + i, "post-" + i, who);
            if (i % 4 != 0) {
                a.published(base.plusDays(i), i * 37 % 500);
            }
            drafts.add(a);
        }
        List<Article> saved = articles.abulkCreate(drafts).join();
        say("abulkCreate: inserted " + saved.size() + " articles, pks " + saved.get(0).getId() + ".."
                + saved.get(saved.size() - 1).getId());

        // ------------------------------------------------------------------ related managers: aadd, concurrently
        List<CompletableFuture<Void>> tagging = new ArrayList<>();
        for (int i = 1; i <= saved.size(); i++) {
            List<Tag> some = new ArrayList<>();
            if (i % 2 == 0) {
                some.add(tag.get("java"));
            }
            if (i % 3 == 1) {
                some.add(tag.get("postgres"));
            }
            if (i % 5 == 0) {
                some.add(tag.get("async"));
            }
            tagging.add(articles.related(saved.get(i - 1), "tags", Tag.class).aadd(some));
        }
        CompletableFuture.allOf(tagging.toArray(CompletableFuture[]::new)).join();
        say("related(article, \"tags\", Tag.class).aadd(...) for " + tagging.size() + " articles, concurrently: "
                + tags.filter("articles__isnull", false).distinct().acount().join() + " tags in use");

        // ------------------------------------------------------------------ six reads in parallel
        QuerySet<Article> published = articles.filter("status", Status.PUBLISHED);
        CompletableFuture<Long> total = articles.acount();
        CompletableFuture<Long> publishedCount = published.acount();
        CompletableFuture<List<Article>> adasTop = published.filter("author", ada).orderBy("-views").slice(0, 3).alist();
        CompletableFuture<Boolean> anyDraftByLinus = articles.filter("author", linus).filter("status", Status.DRAFT).aexists();
        CompletableFuture<Article> newest = published.alatest("publishedAt");
        CompletableFuture<Optional<Article>> leastRead =
                published.filter(Q.of("views__lt", 50).or(Q.of("title__icontains", "number 7"))).orderBy("views").afirst();
        CompletableFuture.allOf(total, publishedCount, adasTop, anyDraftByLinus, newest, leastRead).join();
        say("six queries in parallel (allOf):");
        say("    acount()                                  = " + total.join());
        say("    filter(status=PUBLISHED).acount()         = " + publishedCount.join());
        say("    Ada's top 3 by views (alist)              = " + adasTop.join());
        say("    Linus has drafts (aexists)                = " + anyDraftByLinus.join());
        say("    alatest(\"publishedAt\")                    = " + newest.join() + " on " + newest.join().getPublishedAt());
        say("    views<50 OR title~'number 7', afirst()    = " + leastRead.join().orElseThrow());

        // ------------------------------------------------------------------ relations without N+1, in parallel
        QuerySet<Article> top = published.orderBy("-views").slice(0, 3);
        // one query: a JOIN fills each article's author
        CompletableFuture<List<Article>> withAuthors = top.selectRelated("author").alist();
        // two queries: the articles, then their tags with one IN query
        CompletableFuture<List<Article>> withTags = top.prefetchRelated("tags").alist();
        // two queries: the authors, then only their published articles with 400+ views, most read first
        CompletableFuture<List<Author>> withBest = authors.orderBy("name").prefetchRelated(Prefetch.of("articles",
                published.filter("views__gte", 400).orderBy("-views"))).alist();
        // lookups across relations: forward, many-to-many, reverse, at any depth
        CompletableFuture<Long> adaOnJava = articles.filter("tags__name", "java")
                .filter("author__name__icontains", "ADA").acount();
        CompletableFuture<List<String>> linusTags = tags.filter("articles__author__name", "Linus").distinct()
                .orderBy("name").valuesListFlat("name", String.class).alist();
        // one filter() call: the same article must be tagged async AND be published (Django's multi-valued rule)
        CompletableFuture<List<String>> asyncWriters = authors.filter(Q.of("articles__tags__name", "async")
                .and(Q.of("articles__status", Status.PUBLISHED))).distinct().orderBy("name")
                .valuesListFlat("name", String.class).alist();
        CompletableFuture.allOf(withAuthors, withTags, withBest, adaOnJava, linusTags, asyncWriters).join();
        say("relations, six queries in parallel (allOf):");
        say("    top 3, selectRelated(\"author\")            = " + withAuthors.join().stream()
                .map(a -> a.getTitle() + " by " + a.getAuthor().getName()).toList());
        say("    top 3 without it: author.getName()        = " + top.alist().join().stream()
                .map(a -> a.getAuthor().getName()).toList() + " (only the id is set; no lazy loading, ever)");
        say("    top 3, prefetchRelated(\"tags\")            = " + withTags.join().stream()
                .map(a -> a.getTitle() + " " + sorted(a.getTags())).toList());
        for (Author author : withBest.join()) {
            say("    Prefetch.of(\"articles\", views>=400)     : " + author + " -> " + author.getArticles());
        }
        say("    tags__name=java, author__name__icontains=ADA      = " + adaOnJava.join() + " articles");
        say("    tags on Linus's articles (reverse M2M, then FK)   = " + linusTags.join());
        say("    authors of published #async articles          = " + asyncWriters.join());

        // ------------------------------------------------------------------ a related manager, step by step
        Article hello = articles.acreate(new Article("Hello, Quarry", "hello-quarry", ada)).join();
        RelatedManager<Tag> helloTags = articles.related(hello, "tags", Tag.class);
        helloTags.aset(List.of(tag.get("java"), tag.get("async")))
                .thenCompose(v -> names(helloTags)).thenAccept(n -> say("    aset(java, async)        -> " + n))
                .thenCompose(v -> helloTags.aadd(tag.get("tutorial")))
                .thenCompose(v -> names(helloTags)).thenAccept(n -> say("    aadd(tutorial)           -> " + n))
                .thenCompose(v -> helloTags.aremove(tag.get("java")))
                .thenCompose(v -> names(helloTags)).thenAccept(n -> say("    aremove(java)            -> " + n))
                .thenCompose(v -> helloTags.acreate(Map.of("name", "quarry")))
                .thenCompose(v -> names(helloTags)).thenAccept(n -> say("    acreate(name=quarry)     -> " + n
                        + " (created and linked)"))
                .thenCompose(v -> helloTags.aset(List.of(tag.get("postgres")), true))
                .thenCompose(v -> names(helloTags)).thenAccept(n -> say("    aset(postgres, clear)    -> " + n))
                .thenCompose(v -> helloTags.aclear())
                .thenCompose(v -> names(helloTags)).thenAccept(n -> say("    aclear()                 -> " + n))
                .join();
        say("related(hello, \"tags\", Tag.class): aset, aadd, aremove, acreate, aclear above, one after the other");

        RelatedManager<Article> graceArticles = authors.related(
                authors.acreate(new Author("Grace", "grace@example.org")).join(), "articles", Article.class);
        CompletableFuture<Article> cobol = graceArticles.acreate(new Article("COBOL, revisited", "cobol", null)
                .published(base.plusDays(50), 120));
        CompletableFuture<Created<Article>> compilers = graceArticles.agetOrCreate(Map.of("slug", "compilers"),
                Map.of("title", "On compilers"));
        CompletableFuture.allOf(cobol, compilers).join();
        say("related(grace, \"articles\", Article.class): acreate + agetOrCreate set author_id: "
                + articles.filter("author__name", "Grace").orderBy("slug").valuesListFlat("slug", String.class).alist().join()
                + "; graceArticles.acount() = " + graceArticles.acount().join());

        // ------------------------------------------------------------------ aupdate with F
        Article hot = adasTop.join().get(0);
        List<CompletableFuture<Long>> hits = IntStream.range(0, 25)
                .mapToObj(i -> articles.filter("pk", hot.getId()).aupdate(Map.of("views", F.of("views").plus(1))))
                .toList();
        CompletableFuture.allOf(hits.toArray(CompletableFuture[]::new)).join();
        Article reread = articles.aget("pk", hot.getId()).join();
        say("25 concurrent aupdate(views = F(views) + 1): " + hot.getViews() + " -> " + reread.getViews()
                + " views (no lost update)");
        long bumped = articles.filter("tags__name", "async").aupdate(Map.of("views", F.of("views").times(2))).join();
        say("filter(tags__name=async).aupdate(views = F(views) * 2): " + bumped + " rows");

        // ------------------------------------------------------------------ aaggregate
        Map<String, Aggregate> stats = new LinkedHashMap<>();
        stats.put("articles", Aggregate.count("id"));
        stats.put("published", Aggregate.count("id").filter(Q.of("status", Status.PUBLISHED)));
        stats.put("totalViews", Aggregate.sum("views"));
        stats.put("avgViews", Aggregate.avg("views"));
        stats.put("mostViews", Aggregate.max("views"));
        Map<String, Object> numbers = articles.aaggregate(stats).join();
        say("aaggregate: " + ordered(numbers, stats.keySet()));
        say("aaggregate of Ada's articles, default aliases: "
                + articles.filter("author", ada).aaggregate(Aggregate.sum("views"), Aggregate.min("publishedAt")).join());

        // ------------------------------------------------------------------ agetOrCreate / aupdateOrCreate
        CompletableFuture<Created<Author>> adaAgain =
                authors.agetOrCreate(Map.of("name", "Ada"), Map.of("email", "ignored@example.org"));
        CompletableFuture<Created<Author>> barbara =
                authors.agetOrCreate(Map.of("name", "Barbara"), Map.of("email", "barbara@example.org"));
        CompletableFuture.allOf(adaAgain, barbara).join();
        say("agetOrCreate(name=Ada)     -> " + adaAgain.join().object() + ", created=" + adaAgain.join().created());
        say("agetOrCreate(name=Barbara) -> " + barbara.join().object() + ", created=" + barbara.join().created());
        Created<Article> edition = articles.aupdateOrCreate(Map.of("slug", "hello-quarry"),
                Map.of("title", "Hello, Quarry (2nd edition)", "status", Status.PUBLISHED,
                        "publishedAt", base.plusDays(60))).join();
        say("aupdateOrCreate(slug=hello-quarry) -> " + edition.object() + ", created=" + edition.created());

        // ------------------------------------------------------------------ aiterator + prefetchRelated, per chunk
        ChunkedSubscriber<Article> subscriber = new ChunkedSubscriber<>(8, a -> a.getTitle() + " "
                + a.getAuthor().getName() + " " + sorted(a.getTags()));
        published.selectRelated("author").prefetchRelated("tags").orderBy("publishedAt").aiterator(8).subscribe(subscriber);
        int streamed = subscriber.done.join();
        say("aiterator(8) with selectRelated(\"author\") and prefetchRelated(\"tags\"): streamed " + streamed
                + " published articles in " + subscriber.batches + " requests of 8 over a server-side cursor,"
                + " one tags query per chunk");

        // ------------------------------------------------------------------ aatomic with a nested savepoint
        String outcome = db.aatomic(tx -> {
            Manager<Article> txArticles = tx.objects(Article.class);
            tx.onCommit(() -> say("    onCommit: the transaction committed"));
            return txArticles.acreate(new Article("Kept", "tx-kept", ada))
                    .thenCompose(kept -> tx.aatomic(inner -> inner.objects(Article.class)
                                    .acreate(new Article("Rolled back", "tx-rolled-back", ada))
                                    .thenCompose(doomed -> CompletableFuture.<Article>failedFuture(
                                            new IllegalStateException("second thoughts about " + doomed.getSlug()))))
                            .handle((ok, failure) -> {
                                say("    inner aatomic failed (" + cause(failure).getMessage()
                                        + "): rolled back to its savepoint, the outer transaction goes on");
                                return kept;
                            }))
                    .thenCompose(kept -> txArticles.filter("slug__startswith", "tx-").acount())
                    .thenApply(n -> n + " tx- article(s) visible inside the transaction");
        }).join();
        say("aatomic: " + outcome);
        say("after commit: tx-kept exists = " + articles.filter("slug", "tx-kept").aexists().join()
                + ", tx-rolled-back exists = " + articles.filter("slug", "tx-rolled-back").aexists().join());

        // ------------------------------------------------------------------ cancellation
        CompletableFuture<List<Article>> slow = db.raw(Article.class,
                "SELECT * FROM quickstart_article WHERE (SELECT 1 FROM pg_sleep(5)) = 1").alist();
        long cancelAt = System.nanoTime();
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> slow.cancel(true));
        try {
            slow.join();
            say("cancellation: the slow query finished?!");
        } catch (CancellationException expected) {
            long cancelledAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelAt);
            long countAt = System.nanoTime();
            long count = articles.acount().join();
            say("cancellation: a 5 s query was cancelled after " + cancelledAfter + " ms; the next acount() took "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - countAt) + " ms (" + count + " articles)");
        }

        // ------------------------------------------------------------------ adelete, with cascades
        Deleted draftsGone = articles.filter("status", Status.DRAFT).adelete().join();
        say("filter(status=DRAFT).adelete()       -> " + draftsGone.count() + " rows " + new TreeMap<>(draftsGone.perModel())
                + " (their tag links went with them)");
        Deleted linusGone = authors.adelete(linus).join();
        say("authors.adelete(linus), cascade=REMOVE -> " + linusGone.count() + " rows " + new TreeMap<>(linusGone.perModel()));
        Deleted unused = tags.filter("articles__isnull", true).adelete().join();
        say("tags.filter(articles__isnull=true).adelete() -> " + unused.count() + " rows " + new TreeMap<>(unused.perModel()));

        // ------------------------------------------------------------------ a sync twin, on a virtual thread
        String[] left = new String[1];
        Thread vt = Thread.ofVirtual().start(() -> left[0] = authors.count() + " authors, " + articles.count()
                + " articles, " + tags.count() + " tags");
        try {
            vt.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        say("sync twins count() on a virtual thread: " + left[0] + " left");

        db.schema().drop(Tag.class, Article.class, Author.class);
        say("dropped the tables; done");
    }

    /** The names of the tags a related manager reaches, in order. */
    private static CompletableFuture<List<String>> names(QuerySet<Tag> related) {
        return related.orderBy("name").valuesListFlat("name", String.class).alist();
    }

    /** Tag names sorted, for printing (a plain prefetch does not order). */
    private static List<String> sorted(Set<Tag> tags) {
        return tags.stream().map(Tag::getName).sorted().toList();
    }

    /**
     * A subscriber that asks for {@code chunk} rows at a time, and for the next chunk only once it has handled
     * the previous one: the publisher never fetches ahead of this demand.
     */
    private static final class ChunkedSubscriber<T> implements Flow.Subscriber<T> {
        private final int chunk;
        private final Function<T, String> describe;
        private final CompletableFuture<Integer> done = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private int received;
        private int pending;
        private int batches;

        ChunkedSubscriber(int chunk, Function<T, String> describe) {
            this.chunk = chunk;
            this.describe = describe;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            pending = chunk;
            batches++;
            s.request(chunk);
        }

        @Override
        public void onNext(T item) {
            received++;
            if (pending == chunk) {
                say("    aiterator: row " + received + " = " + describe.apply(item));
            }
            if (--pending == 0) {
                say("    aiterator: handled a chunk, " + received + " rows so far; requesting " + chunk + " more");
                pending = chunk;
                batches++;
                subscription.request(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(received);
        }
    }

    private static Map<String, Object> ordered(Map<String, Object> values, Iterable<String> keys) {
        Map<String, Object> result = new LinkedHashMap<>();
        keys.forEach(k -> result.put(k, values.get(k)));
        return result;
    }

    private static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static void stop(EmbeddedPostgres embedded) {
        try {
            embedded.close();
            say("embedded PostgreSQL stopped");
        } catch (IOException e) {
            say("could not stop the embedded PostgreSQL cleanly: " + e);
        }
    }

    private static void say(String line) {
        System.out.printf("[%5d ms] %s%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - START), line);
    }
}
