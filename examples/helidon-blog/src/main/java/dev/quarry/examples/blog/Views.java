package dev.quarry.examples.blog;

import dev.quarry.Deleted;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/** Model instances and query results as JSON-P objects; what was not loaded is left out, never fetched. */
final class Views {

    private Views() {
    }

    /**
     * An article. Its author is an object when {@code selectRelated("author")} loaded it, else only
     * {@code authorId}; its tags are listed when {@code prefetchRelated("tags")} loaded them.
     */
    static JsonObject article(Article a, boolean withBody) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", a.getId())
                .add("title", a.getTitle())
                .add("slug", a.getSlug())
                .add("status", a.getStatus().name())
                .add("views", a.getViews());
        put(b, "publishedAt", a.getPublishedAt());
        Author author = a.getAuthor();
        b.add("authorId", author.getId());
        if (author.getName() != null) {
            b.add("author", Json.createObjectBuilder().add("id", author.getId()).add("name", author.getName()));
        }
        if (a.getTags() != null) {
            b.add("tags", tagNames(a.getTags()));
        }
        if (withBody) {
            put(b, "body", a.getBody());
        }
        return b.build();
    }

    /** An author, with its article count and its articles when the query loaded them. */
    static JsonObject author(Author a) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", a.getId()).add("name", a.getName());
        put(b, "email", a.getEmail());
        put(b, "articleCount", a.getArticleCount());
        if (a.getArticles() != null) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            a.getArticles().forEach(article -> list.add(article(article, false)));
            b.add("articles", list);
        }
        return b.build();
    }

    /** A tag with its article count. */
    static JsonObject tag(Tag t) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", t.getId()).add("name", t.getName());
        put(b, "articleCount", t.getArticleCount());
        return b.build();
    }

    /** Sorted tag names (a plain prefetch does not order). */
    static JsonArrayBuilder tagNames(Collection<Tag> tags) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        tags.stream().map(Tag::getName).sorted(Comparator.naturalOrder()).forEach(names::add);
        return names;
    }

    /** {@code {"deleted": n, "perModel": {"Article": 1, ...}}}: what a delete removed, cascades included. */
    static JsonObject deleted(Deleted d) {
        JsonObjectBuilder perModel = Json.createObjectBuilder();
        new TreeMap<>(d.perModel()).forEach(perModel::add);
        return Json.createObjectBuilder().add("deleted", d.count()).add("perModel", perModel).build();
    }

    /** A {@code values()} row or an {@code aggregate()} result, each value as its JSON counterpart. */
    static JsonObject map(Map<String, ?> row) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        row.forEach((k, v) -> put(b, k, v));
        return b.build();
    }

    /** {@code {"error": message}}. */
    static JsonObject error(String message) {
        return Json.createObjectBuilder().add("error", message == null ? "" : message).build();
    }

    /** Adds {@code value} under {@code key} as a JSON number (a double, i.e. an average, rounded to 2 places), boolean or string; JSON null when null. */
    static void put(JsonObjectBuilder b, String key, Object value) {
        switch (value) {
            case null -> b.addNull(key);
            case Integer i -> b.add(key, i);
            case Long l -> b.add(key, l);
            case Short s -> b.add(key, s);
            case Double d -> b.add(key, BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_UP));
            case Float f -> b.add(key, BigDecimal.valueOf(f).setScale(2, java.math.RoundingMode.HALF_UP));
            case BigDecimal d -> b.add(key, d);
            case BigInteger i -> b.add(key, i);
            case Boolean bool -> b.add(key, bool);
            case Enum<?> e -> b.add(key, e.name());
            default -> b.add(key, value.toString());       // dates as ISO-8601
        }
    }
}
