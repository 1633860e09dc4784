package dev.quarry.examples.quickstart;

import dev.quarry.Aggregate;
import dev.quarry.Created;
import dev.quarry.Deleted;
import dev.quarry.F;
import dev.quarry.Manager;
import dev.quarry.Q;
import dev.quarry.Quarry;
import dev.quarry.QuerySet;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A small blog on Quarry's async API: concurrent queries, a query across the foreign key, F-expression updates,
 * aggregates, get-or-create, back-pressured streaming, an async transaction with a savepoint that rolls back,
 * a cancelled statement.
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
        db.schema().drop(Article.class, Author.class);
        db.schema().create(Author.class, Article.class);
        say("created tables quickstart_author and quickstart_article");

        Manager<Author> authors = db.objects(Author.class);
        Manager<Article> articles = db.objects(Article.class);

        // ------------------------------------------------------------------ acreate, concurrently
        CompletableFuture<Author> adaF = authors.acreate(new Author("Ada", "ada@example.org"));
        CompletableFuture<Author> linusF = authors.acreate(Map.of("name", "Linus", "email", "linus@example.org"));
        CompletableFuture.allOf(adaF, linusF).join();
        Author ada = adaF.join();
        Author linus = linusF.join();
        say("acreate x2 (concurrently): " + ada + ", " + linus);

        // ------------------------------------------------------------------ abulkCreate
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

        // ------------------------------------------------------------------ across the foreign key
        List<Article> linusTop = articles.selectRelated("author").filter("author__name__iexact", "linus")
                .orderBy("-views").slice(0, 2).alist().join();
        say("selectRelated(\"author\").filter(author__name__iexact=linus), top 2: " + linusTop.stream()
                .map(a -> a.getTitle() + " by " + a.getAuthor().getName()).toList());

        // ------------------------------------------------------------------ aupdate with F
        Article hot = adasTop.join().get(0);
        List<CompletableFuture<Long>> hits = IntStream.range(0, 25)
                .mapToObj(i -> articles.filter("pk", hot.getId()).aupdate(Map.of("views", F.of("views").plus(1))))
                .toList();
        CompletableFuture.allOf(hits.toArray(CompletableFuture[]::new)).join();
        Article reread = articles.aget("pk", hot.getId()).join();
        say("25 concurrent aupdate(views = F(views) + 1): " + hot.getViews() + " -> " + reread.getViews()
                + " views (no lost update)");
        long bumped = published.aupdate(Map.of("views", F.of("views").times(2))).join();
        say("aupdate(views = F(views) * 2) on every published article: " + bumped + " rows");

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
        CompletableFuture<Created<Author>> grace =
                authors.agetOrCreate(Map.of("name", "Grace"), Map.of("email", "grace@example.org"));
        CompletableFuture.allOf(adaAgain, grace).join();
        say("agetOrCreate(name=Ada)   -> " + adaAgain.join().object() + ", created=" + adaAgain.join().created());
        say("agetOrCreate(name=Grace) -> " + grace.join().object() + ", created=" + grace.join().created());

        Author graceAuthor = grace.join().object();
        Created<Article> first = articles.aupdateOrCreate(Map.of("slug", "hello-quarry"),
                Map.of("title", "Hello, Quarry", "author", graceAuthor)).join();
        Created<Article> second = articles.aupdateOrCreate(Map.of("slug", "hello-quarry"),
                Map.of("title", "Hello, Quarry (2nd edition)", "author", graceAuthor, "status", Status.PUBLISHED,
                        "publishedAt", base.plusDays(60))).join();
        say("aupdateOrCreate(slug=hello-quarry) -> " + first.object() + ", created=" + first.created());
        say("aupdateOrCreate(slug=hello-quarry) -> " + second.object() + ", created=" + second.created());

        // ------------------------------------------------------------------ aiterator with back-pressure
        ChunkedSubscriber<Article> subscriber = new ChunkedSubscriber<>(8);
        published.orderBy("publishedAt").aiterator(8).subscribe(subscriber);
        int streamed = subscriber.done.join();
        say("aiterator(8): streamed " + streamed + " published articles in " + subscriber.batches
                + " requests of 8 over a server-side cursor");

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

        // ------------------------------------------------------------------ adelete
        Deleted draftsGone = articles.filter("status", Status.DRAFT).adelete().join();
        say("filter(status=DRAFT).adelete() -> " + draftsGone.count() + " rows " + draftsGone.perModel());
        Deleted lowViews = articles.exclude(Q.of("views__gte", 200)).adelete().join();
        say("exclude(views__gte=200).adelete() -> " + lowViews.count() + " rows " + lowViews.perModel());

        // ------------------------------------------------------------------ a sync twin, on a virtual thread
        long[] left = new long[1];
        Thread vt = Thread.ofVirtual().start(() -> left[0] = articles.count());
        try {
            vt.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        say("sync twin count() on a virtual thread: " + left[0] + " articles left");

        db.schema().drop(Article.class, Author.class);
        say("dropped the tables; done");
    }

    /**
     * A subscriber that asks for {@code chunk} rows at a time, and for the next chunk only once it has handled
     * the previous one: the publisher never fetches ahead of this demand.
     */
    private static final class ChunkedSubscriber<T> implements Flow.Subscriber<T> {
        private final int chunk;
        private final CompletableFuture<Integer> done = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private int received;
        private int pending;
        private int batches;

        ChunkedSubscriber(int chunk) {
            this.chunk = chunk;
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
