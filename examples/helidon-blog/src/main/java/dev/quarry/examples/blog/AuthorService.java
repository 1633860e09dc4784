package dev.quarry.examples.blog;

import dev.quarry.Aggregate;
import dev.quarry.Deleted;
import dev.quarry.Manager;
import dev.quarry.Prefetch;
import dev.quarry.Quarry;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.quarry.examples.blog.Requests.await;

/** {@code /api/authors}: list with article counts, detail with the articles, create, delete with its cascade. */
final class AuthorService implements HttpService {

    private final Manager<Author> authors;
    private final Manager<Article> articles;

    AuthorService(Quarry db) {
        this.authors = db.objects(Author.class);
        this.articles = db.objects(Article.class);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/{id}", this::detail)
                .delete("/{id}", this::delete);
    }

    /** {@code GET /api/authors}: {@code annotate(articleCount = Count("articles"))} fills a {@code @Transient} field. */
    private void list(ServerRequest req, ServerResponse res) {
        List<Author> all = await(authors.annotate("articleCount", Aggregate.count("articles")).orderBy("name").alist());
        JsonArrayBuilder out = Json.createArrayBuilder();
        all.forEach(a -> out.add(Views.author(a)));
        res.send(Json.createObjectBuilder().add("results", out).build());
    }

    /**
     * {@code GET /api/authors/{id}}: the author and, with a second query, its articles, most read first
     * ({@code Prefetch.of("articles", queryset)}, Django's {@code Prefetch("articles", queryset=...)}).
     */
    private void detail(ServerRequest req, ServerResponse res) {
        long id = Requests.id(req);
        Author author = await(authors.annotate("articleCount", Aggregate.count("articles"))
                .prefetchRelated(Prefetch.of("articles", articles.orderBy("-views", "id")))
                .aget("pk", id));
        res.send(Views.author(author));
    }

    /** {@code POST /api/authors} with {@code {"name", "email"?}}; a taken name is a 409. */
    private void create(ServerRequest req, ServerResponse res) {
        JsonObject body = Requests.body(req);
        Requests.onlyKeys(body, List.of("name", "email"));
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", Requests.requiredString(body, "name", 100));
        String email = Requests.checkLength("email", Requests.string(body, "email"), 200);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            throw ApiException.badRequest("'email' is not an e-mail address.");
        }
        fields.put("email", email);
        Author created = await(authors.acreate(fields));
        res.status(Status.CREATED_201)
                .header(HeaderNames.LOCATION, "/api/authors/" + created.getId())
                .send(Views.author(created));
    }

    /**
     * {@code DELETE /api/authors/{id}}: {@code cascade = REMOVE} deletes the author's articles and their tag links
     * too; the answer counts each.
     */
    private void delete(ServerRequest req, ServerResponse res) {
        long id = Requests.id(req);
        Deleted deleted = await(authors.filter("pk", id).adelete());
        if (deleted.count() == 0) {
            throw ApiException.notFound("Author");
        }
        res.send(Views.deleted(deleted));
    }
}
