package dev.quarry.examples.blog;

import dev.quarry.testkit.TestDatabase;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the blog (its application.yaml, with a free port and the test database: QUARRY_TEST_URL in a private
 * schema, else an embedded PostgreSQL) with fresh seed data, and talks to it over real HTTP. The read-only tests on the seed
 * data run first ({@link Order}); the tests that change data come after and create what they change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlogApiTest {

    private static BlogApp app;
    private static HttpClient http;
    private static String base;

    @BeforeAll
    static void start() {
        TestDatabase pg = TestDatabase.instance();
        Map<String, String> settings = new HashMap<>(Map.of(
                "server.port", "0",
                "server.host", "localhost",
                "db.source", "jdbc",
                "db.connection.url", pg.url(),
                "db.connection.maximumPoolSize", "4",
                "blog.reset", "true"));
        if (pg.user() != null) {
            settings.put("db.connection.username", pg.user());
        }
        if (pg.password() != null) {
            settings.put("db.connection.password", pg.password());
        }
        // these settings over the application.yaml the app ships with (not over the environment)
        app = BlogApp.start(Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(settings), ConfigSources.classpath("application.yaml"))
                .build());
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        base = "http://localhost:" + app.port();
    }

    @Test
    @Order(0)
    void runsOnTheHelidonProvider() {
        assertEquals("helidon", app.db().features().provider());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    // ---------------------------------------------------------------- reads on the seed data

    @Test
    @Order(1)
    void listReturnsNewestFirstWithAuthorAndSortedTags() {
        JsonObject page = ok(get("/api/articles"));
        assertEquals(8, page.getInt("count"));
        assertEquals(20, page.getInt("limit"));
        assertEquals(0, page.getInt("offset"));
        JsonArray results = page.getJsonArray("results");
        assertEquals(8, results.size());
        JsonObject newest = results.getJsonObject(0);
        assertEquals("lkml-etiquette", newest.getString("slug"));
        assertEquals("ARCHIVED", newest.getString("status"));
        assertEquals("Linus Torvalds", newest.getJsonObject("author").getString("name"));
        assertEquals(List.of(), strings(newest.getJsonArray("tags")));
        JsonObject helidon = results.getJsonObject(2);
        assertEquals("helidon-postgres", helidon.getString("slug"));
        assertEquals(List.of("helidon", "java", "postgres"), strings(helidon.getJsonArray("tags")));
        assertFalse(helidon.containsKey("body"), "the list leaves the body out");
    }

    @Test
    @Order(2)
    void listFiltersByStatusAuthorNameTagAndLookups() {
        assertEquals(5, ok(get("/api/articles?status=published")).getInt("count"));
        assertEquals(Set.of("analytical-engine", "async-java", "bernoulli"), slugSet("/api/articles?author=ADA"));
        assertEquals(Set.of("analytical-engine", "async-java", "first-compiler", "helidon-postgres"),
                slugSet("/api/articles?tag=java"));
        assertEquals(Set.of("first-compiler", "helidon-postgres"), slugSet("/api/articles?tag=java&tag=postgres"),
                "two tag= parameters require both tags");
        assertEquals(Set.of("first-compiler"), slugSet("/api/articles?status=PUBLISHED&author=grace&tag=java"));
        assertEquals(Set.of("async-java", "nanoseconds"), slugSet("/api/articles?views__gte=300"));
        assertEquals(Set.of("bernoulli", "helidon-postgres"), slugSet("/api/articles?publishedAt__isnull=true"));
        assertEquals(Set.of("why-git", "lkml-etiquette"), slugSet("/api/articles?slug__in=why-git,lkml-etiquette,nope"));
        assertEquals(Set.of("first-compiler"), slugSet("/api/articles?q=compiler"));
        assertEquals(Set.of("async-java"), slugSet("/api/articles?q=VIRTUAL%20threads"));
    }

    @Test
    @Order(3)
    void listPagesWithLimitOffsetAndOrder() {
        JsonObject page = ok(get("/api/articles?order=views,id&limit=3&offset=2"));
        assertEquals(8, page.getInt("count"), "count is the total, not the page size");
        assertEquals(3, page.getInt("limit"));
        assertEquals(2, page.getInt("offset"));
        assertEquals(List.of("lkml-etiquette", "first-compiler", "analytical-engine"), slugs(page));
        assertEquals(List.of("nanoseconds", "async-java"), slugs(ok(get("/api/articles?order=-views&limit=2"))));
        assertEquals(List.of(), slugs(ok(get("/api/articles?offset=100"))));
        assertEquals(List.of("analytical-engine", "async-java", "first-compiler", "helidon-postgres"),
                slugs(ok(get("/api/articles?tag=java&order=author__name,id"))), "DISTINCT with an ordering across the FK");
    }

    @Test
    @Order(4)
    void detailHasTheAuthorTheTagsAndTheBody() {
        long id = idOf("async-java");
        JsonObject article = ok(get("/api/articles/" + id));
        assertEquals(id, article.getJsonNumber("id").longValue());
        assertEquals("Async Java without tears", article.getString("title"));
        assertEquals("CompletableFuture, virtual threads and Quarry.", article.getString("body"));
        assertEquals(340, article.getInt("views"));
        assertEquals("2025-03-04T09:00", article.getString("publishedAt"));
        assertEquals("Ada Lovelace", article.getJsonObject("author").getString("name"));
        assertEquals(article.getJsonNumber("authorId"), article.getJsonObject("author").getJsonNumber("id"));
        assertEquals(List.of("async", "java"), strings(article.getJsonArray("tags")));
    }

    @Test
    @Order(5)
    void statsAggregateCountsViewsAndGroups() {
        JsonObject stats = ok(get("/api/stats"));
        assertEquals(8, stats.getInt("articles"));
        assertEquals(5, stats.getInt("published"));
        assertEquals(1365, stats.getInt("totalViews"));
        assertEquals("170.63", stats.getJsonNumber("avgViews").toString());      // 1365 / 8, rounded
        assertEquals(510, stats.getInt("maxViews"));
        assertEquals(3, stats.getInt("authors"));
        assertEquals(Json.createObjectBuilder().add("DRAFT", 2).add("PUBLISHED", 5).add("ARCHIVED", 1).build(),
                stats.getJsonObject("byStatus"));
        JsonArray byAuthor = stats.getJsonArray("byAuthor");
        assertEquals(List.of("Grace Hopper", "Ada Lovelace", "Linus Torvalds"),
                byAuthor.getValuesAs(JsonObject.class).stream().map(o -> o.getString("author")).toList());
        assertEquals(600, byAuthor.getJsonObject(0).getInt("totalViews"));
        assertEquals(3, byAuthor.getJsonObject(0).getInt("articles"));
        assertEquals(305, byAuthor.getJsonObject(2).getInt("totalViews"));
        assertEquals(Map.of("java", 3, "async", 2, "postgres", 2, "helidon", 0),
                stats.getJsonArray("topTags").getValuesAs(JsonObject.class).stream()
                        .collect(Collectors.toMap(o -> o.getString("name"), o -> o.getInt("published"))));
        assertEquals("java", stats.getJsonArray("topTags").getJsonObject(0).getString("name"));
    }

    @Test
    @Order(6)
    void tagsAndAuthorsCarryAnnotatedCounts() {
        JsonArray tags = ok(get("/api/tags")).getJsonArray("results");
        assertEquals(List.of("java:4", "postgres:3", "async:2", "helidon:1"), tags.getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("name") + ":" + t.getInt("articleCount")).toList());
        JsonArray authors = ok(get("/api/authors")).getJsonArray("results");
        assertEquals(List.of("Ada Lovelace:3", "Grace Hopper:3", "Linus Torvalds:2"), authors.getValuesAs(JsonObject.class)
                .stream().map(a -> a.getString("name") + ":" + a.getInt("articleCount")).toList());
    }

    @Test
    @Order(7)
    void authorDetailPrefetchesArticlesMostReadFirst() {
        long ada = idOfAuthor("Ada Lovelace");
        JsonObject author = ok(get("/api/authors/" + ada));
        assertEquals("ada@example.org", author.getString("email"));
        assertEquals(3, author.getInt("articleCount"));
        assertEquals(List.of("async-java", "analytical-engine", "bernoulli"),
                author.getJsonArray("articles").getValuesAs(JsonObject.class).stream().map(a -> a.getString("slug")).toList());
    }

    @Test
    @Order(8)
    void helidonMetricsTimeQuarrysStatements() {
        HttpResponse<String> metrics = exchange(HttpRequest.newBuilder(URI.create(base + "/observe/metrics"))
                .header("Accept", "text/plain").build());
        assertEquals(200, metrics.statusCode());
        double selects = metrics.body().lines()
                .filter(l -> l.startsWith("db_timer_quarry_select_seconds_count"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        assertTrue(selects >= 10, "the SELECTs of the tests above were timed by helidon-dbclient-metrics: " + selects);
        double queries = metrics.body().lines()
                .filter(l -> l.startsWith("quarry_statement_seconds_count{") && l.contains("kind=\"query\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
        assertTrue(queries >= 10, "Quarry's QueryListener (StatementTimers) timed the queries: " + queries);
    }

    // ---------------------------------------------------------------- refusals: 4xx with {"error": ...}

    @Test
    @Order(10)
    void unknownFilterOrOrderFieldIs400ListingTheFields() {
        String error = error(400, get("/api/articles?colour=red"));
        assertTrue(error.startsWith("Cannot resolve keyword 'colour' into field. Choices are: "), error);
        assertTrue(error.contains("views"), error);
        error = error(400, get("/api/articles?order=-nothing"));
        assertTrue(error.contains("'nothing'"), error);
        error = error(400, get("/api/articles?title__resembles=x"));
        assertTrue(error.contains("resembles"), error);
    }

    @Test
    @Order(11)
    void badValuesAre400() {
        assertTrue(error(400, get("/api/articles?status=nope")).contains("status"));
        assertTrue(error(400, get("/api/articles?views__gte=abc")).contains("views"));
        assertTrue(error(400, get("/api/articles?publishedAt__isnull=maybe")).contains("true or false"));
        assertEquals("Invalid filter: invalid regular expression: parentheses () not balanced",
                error(400, get("/api/articles?title__regex=(")));
        assertTrue(error(400, get("/api/articles?views__year=2025")).startsWith("Unsupported lookup 'year' for Integer field 'views'"),
                "a date transform on a number is refused by Quarry before any SQL runs");
        assertTrue(error(400, get("/api/articles?limit=1000")).contains("limit"));
        assertTrue(error(400, get("/api/articles?offset=-1")).contains("offset"));
        assertTrue(error(400, get("/api/articles?limit=ten")).contains("limit"));
        assertTrue(error(400, get("/api/articles/abc")).contains("Invalid id 'abc'"));
        assertTrue(error(400, get("/api/articles/-3")).contains("Invalid id"));
        assertTrue(error(400, send("POST", "/api/articles/x1/view", null)).contains("Invalid id"));
    }

    @Test
    @Order(12)
    void missingRowsAre404() {
        assertEquals("Article matching query does not exist.", error(404, get("/api/articles/999999")));
        assertEquals("Article matching query does not exist.", error(404, send("POST", "/api/articles/999999/view", null)));
        assertEquals("Article matching query does not exist.",
                error(404, send("PATCH", "/api/articles/999999", "{\"title\": \"x\"}")));
        assertEquals("Article matching query does not exist.", error(404, send("DELETE", "/api/articles/999999", null)));
        assertEquals("Author matching query does not exist.", error(404, get("/api/authors/999999")));
        assertEquals("Author matching query does not exist.", error(404, send("DELETE", "/api/authors/999999", null)));
        assertEquals("Endpoint not found", error(404, get("/api/nothing")));
        assertEquals("Endpoint not found", error(404, send("PUT", "/api/articles/1", "{}")));
    }

    @Test
    @Order(13)
    void invalidBodiesAre4xx() {
        assertTrue(error(400, send("POST", "/api/articles", "{\"title\": ")).startsWith("Malformed JSON"));
        assertEquals("Expected a JSON object, got array.", error(400, send("POST", "/api/articles", "[1, 2]")));
        assertEquals("A JSON object body is required.", error(400, send("POST", "/api/articles", null)));
        assertEquals("'title' is required.", error(400, send("POST", "/api/articles", "{\"author\": 1}")));
        assertEquals("'author' is required.", error(400, send("POST", "/api/articles", "{\"title\": \"T\"}")));
        assertEquals("'author' must be a positive integer id.",
                error(400, send("POST", "/api/articles", "{\"title\": \"T\", \"author\": \"ada\"}")));
        assertEquals("Author 999999 does not exist.",
                error(400, send("POST", "/api/articles", "{\"title\": \"T\", \"author\": 999999}")));
        assertTrue(error(400, send("POST", "/api/articles", "{\"title\": \"T\", \"author\": 1, \"status\": \"LIVE\"}"))
                .startsWith("'status' must be one of [DRAFT, PUBLISHED, ARCHIVED]"));
        assertTrue(error(400, send("POST", "/api/articles", "{\"title\": \"T\", \"author\": 1, \"colour\": \"red\"}"))
                .startsWith("Unknown member 'colour'"));
        assertEquals("'title' must be at most 200 characters.", error(400, send("POST", "/api/articles",
                "{\"title\": \"" + "x".repeat(201) + "\", \"author\": 1}")));
        assertEquals("'tags' must be an array of strings.",
                error(400, send("POST", "/api/articles", "{\"title\": \"T\", \"author\": 1, \"tags\": \"java\"}")));
        assertTrue(error(409, send("POST", "/api/articles",
                "{\"title\": \"Taken\", \"slug\": \"async-java\", \"author\": 1}")).contains("blog_article_slug_key"));
        assertTrue(error(400, send("PATCH", "/api/articles/1", "{}")).startsWith("Nothing to update"));
        assertTrue(error(409, send("POST", "/api/authors", "{\"name\": \"Ada Lovelace\"}")).startsWith("Conflicts"));
        assertEquals("'email' is not an e-mail address.",
                error(400, send("POST", "/api/authors", "{\"name\": \"X\", \"email\": \"nope\"}")));

        HttpResponse<String> form = exchange(HttpRequest.newBuilder(URI.create(base + "/api/articles"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("title=T&author=1")).build());
        assertEquals("Send a JSON body with the header Content-Type: application/json.", error(415, form));
        assertEquals(8, ok(get("/api/articles")).getInt("count"), "no refused request created anything");
    }

    // ---------------------------------------------------------------- changes

    @Test
    @Order(20)
    void createLinksExistingAndNewTagsThenDeleteCountsTheLinks() {
        HttpResponse<String> created = send("POST", "/api/articles", """
                {"title": "Quarry on Helidon, part 1!", "author": %d, "status": "published",
                 "body": "Hello.", "tags": ["helidon", "quarry", "helidon"]}""".formatted(idOfAuthor("Grace Hopper")));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject article = json(created);
        long id = article.getJsonNumber("id").longValue();
        assertEquals("/api/articles/" + id, created.headers().firstValue("Location").orElseThrow());
        assertEquals("quarry-on-helidon-part-1", article.getString("slug"));
        assertEquals("PUBLISHED", article.getString("status"));
        assertEquals(JsonValue.ValueType.STRING, article.get("publishedAt").getValueType());
        assertEquals(0, article.getInt("views"));
        assertEquals("Grace Hopper", article.getJsonObject("author").getString("name"));
        assertEquals(List.of("helidon", "quarry"), strings(article.getJsonArray("tags")));
        assertEquals(article, ok(get("/api/articles/" + id)));
        assertEquals(Set.of("quarry-on-helidon-part-1"), slugSet("/api/articles?tag=quarry"));

        JsonObject deleted = ok(send("DELETE", "/api/articles/" + id, null));
        assertEquals(3, deleted.getInt("deleted"));
        assertEquals(Json.createObjectBuilder().add("Article", 1).add("Article_tags", 2).build(),
                deleted.getJsonObject("perModel"));
        error(404, get("/api/articles/" + id));
        assertEquals(8, ok(get("/api/articles")).getInt("count"));
    }

    @Test
    @Order(21)
    void concurrentViewsEachIncrementOnceWithoutLostUpdates() {
        long id = idOf("why-git");
        int before = ok(get("/api/articles/" + id)).getInt("views");
        int n = 24;
        List<CompletableFuture<HttpResponse<String>>> hits = IntStream.range(0, n)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/articles/" + id + "/view"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        Set<Integer> seen = new TreeSet<>();
        for (CompletableFuture<HttpResponse<String>> hit : hits) {
            JsonObject body = ok(hit.join());
            assertEquals(id, body.getJsonNumber("id").longValue());
            seen.add(body.getInt("views"));
        }
        assertEquals(IntStream.rangeClosed(before + 1, before + n).boxed().collect(Collectors.toCollection(TreeSet::new)),
                seen, "each request read back its own increment");
        assertEquals(before + n, ok(get("/api/articles/" + id)).getInt("views"));
    }

    @Test
    @Order(22)
    void patchUpdatesFieldsReplacesTagsAndStampsTheFirstPublication() {
        long id = idOf("bernoulli");
        JsonObject published = ok(send("PATCH", "/api/articles/" + id,
                "{\"status\": \"PUBLISHED\", \"tags\": [\"async\", \"math\"]}"));
        assertEquals("PUBLISHED", published.getString("status"));
        String stamp = published.getString("publishedAt");
        assertNotNull(stamp);
        assertEquals(List.of("async", "math"), strings(published.getJsonArray("tags")));

        JsonObject retitled = ok(send("PATCH", "/api/articles/" + id, "{\"title\": \"Bernoulli, revised\", \"tags\": []}"));
        assertEquals("Bernoulli, revised", retitled.getString("title"));
        assertEquals(stamp, retitled.getString("publishedAt"), "publishedAt is set once");
        assertEquals(List.of(), strings(retitled.getJsonArray("tags")));
        assertEquals("bernoulli", retitled.getString("slug"));

        JsonObject archived = ok(send("PATCH", "/api/articles/" + id, "{\"status\": \"archived\"}"));
        assertEquals("ARCHIVED", archived.getString("status"));
        assertEquals(stamp, archived.getString("publishedAt"));
    }

    @Test
    @Order(23)
    void deletingAnAuthorCascadesToArticlesAndTagLinks() {
        HttpResponse<String> created = send("POST", "/api/authors", "{\"name\": \"Barbara Liskov\", \"email\": \"bl@example.org\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject author = json(created);
        long id = author.getJsonNumber("id").longValue();
        assertEquals("/api/authors/" + id, created.headers().firstValue("Location").orElseThrow());
        assertEquals("Barbara Liskov", author.getString("name"));
        for (String body : List.of(
                "{\"title\": \"Substitution\", \"author\": %d, \"tags\": [\"java\", \"types\"]}",
                "{\"title\": \"CLU\", \"author\": %d, \"tags\": [\"types\"]}",
                "{\"title\": \"Untagged\", \"author\": %d}")) {
            assertEquals(201, send("POST", "/api/articles", body.formatted(id)).statusCode());
        }
        assertEquals(3, ok(get("/api/authors/" + id)).getInt("articleCount"));

        JsonObject deleted = ok(send("DELETE", "/api/authors/" + id, null));
        assertEquals(Json.createObjectBuilder().add("Article", 3).add("Article_tags", 3).add("Author", 1).build(),
                deleted.getJsonObject("perModel"));
        assertEquals(7, deleted.getInt("deleted"));
        error(404, get("/api/authors/" + id));
        assertEquals(0, ok(get("/api/articles?author=liskov")).getInt("count"));
        assertTrue(ok(get("/api/tags")).getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getString("name").equals("types") && t.getInt("articleCount") == 0),
                "tags outlive the articles they labelled");
    }

    // ---------------------------------------------------------------- helpers

    private static HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    private static HttpResponse<String> send(String method, String path, String jsonBody) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (jsonBody == null) {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return exchange(req.build());
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts a 200 with a JSON body and returns it. */
    private static JsonObject ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    /** Asserts {@code status} with a JSON {"error": ...} body and returns the message. */
    private static String error(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        JsonObject body = json(response);
        assertEquals(Set.of("error"), body.keySet(), response.body());
        return body.getString("error");
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "Content-Type of " + response.body());
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static List<String> slugs(JsonObject page) {
        return page.getJsonArray("results").getValuesAs(JsonObject.class).stream().map(a -> a.getString("slug")).toList();
    }

    private static Set<String> slugSet(String path) {
        JsonObject page = ok(get(path));
        List<String> slugs = slugs(page);
        assertEquals(page.getInt("count"), slugs.size(), "count agrees with the rows (no duplicates from joins)");
        return Set.copyOf(slugs);
    }

    private static long idOf(String slug) {
        return ok(get("/api/articles?slug=" + slug)).getJsonArray("results").getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static long idOfAuthor(String name) {
        return ok(get("/api/authors")).getJsonArray("results").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("name").equals(name)).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }
}
