package dev.quarry.examples.blog;

import dev.quarry.Aggregate;
import dev.quarry.Manager;
import dev.quarry.Q;
import dev.quarry.Quarry;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.quarry.examples.blog.Requests.await;

/** {@code /api/tags} and {@code /api/stats}: aggregates, grouped counts, five queries in parallel. */
final class StatsService implements HttpService {

    private final Manager<Author> authors;
    private final Manager<Article> articles;
    private final Manager<Tag> tags;

    StatsService(Quarry db) {
        this.authors = db.objects(Author.class);
        this.articles = db.objects(Article.class);
        this.tags = db.objects(Tag.class);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/tags", this::tags).get("/stats", this::stats);
    }

    /** {@code GET /api/tags}: every tag with its article count, most used first. */
    private void tags(ServerRequest req, ServerResponse res) {
        List<Tag> all = await(tags.annotate("articleCount", Aggregate.count("articles"))
                .orderBy("-articleCount", "name").alist());
        JsonArrayBuilder out = Json.createArrayBuilder();
        all.forEach(t -> out.add(Views.tag(t)));
        res.send(Json.createObjectBuilder().add("results", out).build());
    }

    /**
     * {@code GET /api/stats}: {@code aaggregate} totals, {@code values("status").annotate(count)} (Django's
     * GROUP BY), views per author across the foreign key, the top tags, and the number of authors; the five
     * queries run at once.
     */
    private void stats(ServerRequest req, ServerResponse res) {
        Map<String, Aggregate> totals = new LinkedHashMap<>();
        totals.put("articles", Aggregate.count("id"));
        totals.put("published", Aggregate.count("id").filter(Q.of("status", Status.PUBLISHED)));
        totals.put("totalViews", Aggregate.sum("views"));
        totals.put("avgViews", Aggregate.avg("views"));
        totals.put("maxViews", Aggregate.max("views"));
        CompletableFuture<Map<String, Object>> summary = articles.aaggregate(totals);
        // values(group).annotate(aggregate) is Django's GROUP BY. The final values() names the output columns,
        // annotations included: Django adds the annotations by itself, Quarry does not yet.
        CompletableFuture<List<Map<String, Object>>> byStatus = articles.values("status")
                .annotate("count", Aggregate.count("id"))
                .values("status", "count").orderBy("status").alist();
        CompletableFuture<List<Map<String, Object>>> byAuthor = articles.values("author__name")
                .annotate("articles", Aggregate.count("id"))
                .annotate("totalViews", Aggregate.sum("views"))
                .values("author__name", "articles", "totalViews")
                .orderBy("-totalViews", "author__name").alist();
        CompletableFuture<List<Map<String, Object>>> topTags = tags.values("name")
                .annotate("published", Aggregate.count("articles").filter(Q.of("articles__status", Status.PUBLISHED)))
                .values("name", "published")
                .orderBy("-published", "name").slice(0, 5).alist();
        CompletableFuture<Long> authorCount = authors.acount();

        JsonObjectBuilder out = Json.createObjectBuilder();
        Map<String, Object> s = await(summary);
        totals.keySet().forEach(k -> Views.put(out, k, s.get(k)));
        out.add("authors", await(authorCount));
        JsonObjectBuilder statuses = Json.createObjectBuilder();
        for (Status st : Status.values()) {
            statuses.add(st.name(), 0);                        // a status without articles has no GROUP BY row
        }
        await(byStatus).forEach(row -> Views.put(statuses, String.valueOf(row.get("status")), row.get("count")));
        out.add("byStatus", statuses);
        JsonArrayBuilder perAuthor = Json.createArrayBuilder();
        for (Map<String, Object> row : await(byAuthor)) {
            JsonObjectBuilder one = Json.createObjectBuilder();
            Views.put(one, "author", row.get("author__name"));
            Views.put(one, "articles", row.get("articles"));
            Views.put(one, "totalViews", row.get("totalViews"));
            perAuthor.add(one);
        }
        out.add("byAuthor", perAuthor);
        JsonArrayBuilder perTag = Json.createArrayBuilder();
        await(topTags).forEach(row -> perTag.add(Views.map(row)));
        out.add("topTags", perTag);
        res.send(out.build());
    }
}
