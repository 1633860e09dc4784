package dev.quarry.examples.blog;

import dev.quarry.F;
import dev.quarry.Manager;
import dev.quarry.Q;
import dev.quarry.Quarry;
import dev.quarry.QuerySet;
import dev.quarry.Transaction;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static dev.quarry.examples.blog.Requests.await;

/**
 * {@code /api/articles}: list with filters and paging, detail, create, update, an atomic view counter, delete.
 * Every handler uses Quarry's async twins ({@code alist}, {@code aget}, {@code aupdate}, {@code aatomic}, ...),
 * starting independent queries together and waiting once, at the end, for what the response needs.
 */
final class ArticleService implements HttpService {

    /** Query parameters with a meaning of their own; any other is a Django lookup on Article. */
    private static final Set<String> RESERVED = Set.of("status", "author", "tag", "q", "limit", "offset", "order");
    private static final List<String> CREATE_KEYS = List.of("title", "slug", "body", "author", "status", "tags");
    private static final List<String> UPDATE_KEYS = List.of("title", "slug", "body", "status", "tags");

    private final Quarry db;
    private final Manager<Article> articles;

    ArticleService(Quarry db) {
        this.db = db;
        this.articles = db.objects(Article.class);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/{id}", this::detail)
                .patch("/{id}", this::update)
                .post("/{id}/view", this::view)
                .delete("/{id}", this::delete);
    }

    /**
     * {@code GET /api/articles?status=PUBLISHED&author=ada&tag=java&q=text&views__gte=100&order=-views&limit=10&offset=0}.
     * {@code author} is {@code author__name__icontains}, {@code tag} is {@code tags__name} (repeat it to require
     * several tags), {@code q} searches title and body; any other parameter is passed to {@code filter} as a
     * lookup, so an unknown field answers 400 with the valid choices (Quarry's {@code FieldException}).
     */
    private void list(ServerRequest req, ServerResponse res) {
        QuerySet<Article> qs = filtered(req);
        int limit = Requests.intParam(req, "limit", 20, 1, 100);
        int offset = Requests.intParam(req, "offset", 0, 0, 1_000_000);
        String[] order = req.query().first("order").map(o -> o.split(",")).orElse(new String[] {"-id"});

        // two queries at once on two pooled connections: the total and one page, with authors (JOIN) and tags (IN)
        CompletableFuture<Long> total = qs.acount();
        CompletableFuture<List<Article>> page = qs.orderBy(order).selectRelated("author").prefetchRelated("tags")
                .slice(offset, offset + limit).alist();

        JsonArrayBuilder results = Json.createArrayBuilder();
        await(page).forEach(a -> results.add(Views.article(a, false)));
        res.send(Json.createObjectBuilder()
                .add("count", await(total))
                .add("limit", limit)
                .add("offset", offset)
                .add("results", results)
                .build());
    }

    private QuerySet<Article> filtered(ServerRequest req) {
        QuerySet<Article> qs = articles.all();
        boolean toMany = false;
        for (String name : req.query().names()) {
            for (String value : req.query().all(name)) {
                switch (name) {
                    case "status" -> qs = qs.filter("status", value.toUpperCase(Locale.ROOT));
                    case "author" -> qs = qs.filter("author__name__icontains", value);
                    case "tag" -> {
                        qs = qs.filter("tags__name", value);      // chained: each tag= joins anew (has all tags)
                        toMany = true;
                    }
                    case "q" -> qs = qs.filter(Q.of("title__icontains", value).or(Q.of("body__icontains", value)));
                    default -> {
                        if (!RESERVED.contains(name)) {
                            qs = qs.filter(name, lookupValue(name, value));
                            toMany |= name.startsWith("tags");
                        }
                    }
                }
            }
        }
        return toMany ? qs.distinct() : qs;      // a to-many join repeats an article once per matching tag
    }

    /** A query-string value for {@code lookup}: comma-separated for {@code __in}/{@code __range}, a boolean for {@code __isnull}. */
    private static Object lookupValue(String lookup, String value) {
        if (lookup.endsWith("__in")) {
            return Arrays.stream(value.split(",")).map(String::trim).toList();
        }
        if (lookup.endsWith("__range")) {
            List<String> bounds = Arrays.stream(value.split(",")).map(String::trim).toList();
            if (bounds.size() != 2) {
                throw ApiException.badRequest("'" + lookup + "' needs two comma-separated bounds.");
            }
            return bounds;
        }
        if (lookup.endsWith("__isnull")) {
            if (!value.equals("true") && !value.equals("false")) {
                throw ApiException.badRequest("'" + lookup + "' must be true or false.");
            }
            return Boolean.parseBoolean(value);
        }
        return value;
    }

    /** {@code GET /api/articles/{id}}: one query with a JOIN for the author, one for the tags. */
    private void detail(ServerRequest req, ServerResponse res) {
        long id = Requests.id(req);
        Article article = await(articles.selectRelated("author").prefetchRelated("tags").aget("pk", id));
        res.send(Views.article(article, true));
    }

    /**
     * {@code POST /api/articles} with {@code {"title", "slug"?, "body"?, "author": id, "status"?, "tags"?: [names]}}:
     * in one async transaction, checks the author, creates the article, gets or creates its tags and links them.
     */
    private void create(ServerRequest req, ServerResponse res) {
        JsonObject body = Requests.body(req);
        Requests.onlyKeys(body, CREATE_KEYS);
        String title = Requests.requiredString(body, "title", 200);
        String slug = Requests.checkLength("slug", Requests.string(body, "slug"), 100);
        slug = slug == null || slug.isBlank() ? slugify(title) : slug.trim();
        Long authorId = Requests.id(body, "author");
        if (authorId == null) {
            throw ApiException.badRequest("'author' is required.");
        }
        Status status = status(body);
        List<String> tagNames = tagNames(body);
        Map<String, Object> fields = new HashMap<>();
        fields.put("title", title);
        fields.put("slug", slug);
        fields.put("body", Requests.checkLength("body", Requests.string(body, "body"), 10_000));
        fields.put("author", authorId);
        fields.put("status", status == null ? Status.DRAFT : status);
        if (status == Status.PUBLISHED) {
            fields.put("publishedAt", now());
        }

        Article created = await(db.aatomic(tx -> tx.objects(Author.class).filter("pk", authorId).aexists()
                .thenCompose(exists -> exists ? tx.objects(Article.class).acreate(fields)
                        : CompletableFuture.<Article>failedFuture(
                                ApiException.badRequest("Author " + authorId + " does not exist.")))
                .thenCompose(article -> tagNames == null || tagNames.isEmpty() ? CompletableFuture.completedFuture(article)
                        : setTags(tx, article, tagNames).thenApply(v -> article))));

        Article fresh = await(articles.selectRelated("author").prefetchRelated("tags").aget("pk", created.getId()));
        res.status(io.helidon.http.Status.CREATED_201)
                .header(HeaderNames.LOCATION, "/api/articles/" + fresh.getId())
                .send(Views.article(fresh, true));
    }

    /**
     * {@code PATCH /api/articles/{id}} with any of {@code title, slug, body, status, tags}: one async transaction
     * that locks the row ({@code selectForUpdate}), updates the given fields, stamps {@code publishedAt} on a first
     * publication, and replaces the tags with the related manager's {@code aset}.
     */
    private void update(ServerRequest req, ServerResponse res) {
        long id = Requests.id(req);
        JsonObject body = Requests.body(req);
        Requests.onlyKeys(body, UPDATE_KEYS);
        if (body.isEmpty()) {
            throw ApiException.badRequest("Nothing to update; give any of: " + String.join(", ", UPDATE_KEYS) + ".");
        }
        Map<String, Object> values = new HashMap<>();
        if (body.containsKey("title")) {
            values.put("title", Requests.requiredString(body, "title", 200));
        }
        if (body.containsKey("slug")) {
            values.put("slug", Requests.requiredString(body, "slug", 100));
        }
        if (body.containsKey("body")) {
            values.put("body", Requests.checkLength("body", Requests.string(body, "body"), 10_000));
        }
        Status status = status(body);
        if (status != null) {
            values.put("status", status);
        }
        List<String> tagNames = tagNames(body);

        await(db.aatomic(tx -> {
            Manager<Article> txArticles = tx.objects(Article.class);
            QuerySet<Article> row = txArticles.filter("pk", id);
            return row.selectForUpdate().aget()                           // DoesNotExistException -> 404
                    .thenCompose(article -> (values.isEmpty() ? CompletableFuture.completedFuture(0L) : row.aupdate(values))
                            .thenCompose(n -> status != Status.PUBLISHED
                                    ? CompletableFuture.completedFuture(0L)
                                    : row.filter("publishedAt__isnull", true).aupdate(Map.of("publishedAt", now())))
                            .thenCompose(n -> tagNames == null ? CompletableFuture.<Void>completedFuture(null)
                                    : setTags(tx, article, tagNames)));
        }));

        res.send(Views.article(await(articles.selectRelated("author").prefetchRelated("tags").aget("pk", id)), true));
    }

    /**
     * {@code POST /api/articles/{id}/view}: {@code UPDATE ... SET views = views + 1}, atomic in the database (no
     * lost update under concurrency), then reads the count back in the same transaction, while the row is locked.
     */
    private void view(ServerRequest req, ServerResponse res) {
        long id = Requests.id(req);
        int views = await(db.aatomic(tx -> {
            QuerySet<Article> row = tx.objects(Article.class).filter("pk", id);
            return row.aupdate(Map.of("views", F.of("views").plus(1)))
                    .thenCompose(n -> n == 0
                            ? CompletableFuture.<Integer>failedFuture(ApiException.notFound("Article"))
                            : row.valuesListFlat("views", Integer.class).aget());
        }));
        res.send(Json.createObjectBuilder().add("id", id).add("views", views).build());
    }

    /** {@code DELETE /api/articles/{id}}: answers what was deleted, tag links included. */
    private void delete(ServerRequest req, ServerResponse res) {
        long id = Requests.id(req);
        var deleted = await(articles.filter("pk", id).adelete());
        if (deleted.count() == 0) {
            throw ApiException.notFound("Article");
        }
        res.send(Views.deleted(deleted));
    }

    /** Gets or creates the tags named {@code names} (concurrently issued, run in order on the transaction) and sets them. */
    private static CompletableFuture<Void> setTags(Transaction tx, Article article, List<String> names) {
        Manager<Tag> tags = tx.objects(Tag.class);
        List<CompletableFuture<Tag>> each = names.stream()
                .map(name -> tags.agetOrCreate(Map.of("name", name)).thenApply(c -> c.object()))
                .toList();
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenCompose(v -> tx.objects(Article.class).related(article, "tags", Tag.class)
                        .aset(each.stream().map(CompletableFuture::join).toList()));
    }

    private static Status status(JsonObject body) {
        String raw = Requests.string(body, "status");
        if (raw == null) {
            return null;
        }
        try {
            return Status.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'status' must be one of "
                    + Arrays.toString(Status.values()) + ", got '" + raw + "'.");
        }
    }

    private static List<String> tagNames(JsonObject body) {
        List<String> names = Requests.strings(body, "tags");
        if (names == null) {
            return null;
        }
        names.forEach(n -> Requests.checkLength("tags", n, 50));
        return List.copyOf(new LinkedHashSet<>(names));
    }

    private static String slugify(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        slug = slug.isEmpty() ? "article" : slug;
        return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
