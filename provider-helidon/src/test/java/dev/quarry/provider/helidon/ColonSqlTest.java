package dev.quarry.provider.helidon;

import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Article;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Helidon's client parses {@code :name} parameters; Quarry binds {@code ?} parameters positionally, so colons in
 * values, in literals, in comments and in {@code ::} casts reach PostgreSQL untouched.
 */
class ColonSqlTest extends TckBase {

    private static final String TITLE = "ratio 1:2 at 10:30, see :name and ::text";

    @Override
    protected List<Class<?>> models() {
        return List.of(Article.class);
    }

    private Manager<Article> articles() {
        return db.objects(Article.class);
    }

    private Article colons() {
        Article a = new Article(TITLE);
        a.setSlug(":slug");
        return articles().create(a);
    }

    @Test
    void colonsInsideBoundValuesAreData() {
        Article a = colons();
        articles().create(new Article("no colon"));
        assertEquals(a, articles().get("title", TITLE));
        assertEquals(a, articles().get("title__contains", ":"));       // LIKE '%:%', bound
        assertEquals(a, articles().get("title__icontains", ":NAME"));
        assertEquals(a, articles().get("slug__startswith", ":"));
        assertEquals(1, articles().filter("title__contains", "::text").count());
        assertEquals(List.of(TITLE), articles().filter("slug", ":slug").valuesListFlat("title", String.class).list());
    }

    @Test
    void rawSqlWithColonLiteralsAndQuestionMarksRunsAsWritten() {
        Article a = colons();
        List<Article> found = db.raw(Article.class, "SELECT * FROM tck_article "
                + "WHERE title <> ':title' AND ':x' || ? = ':x:y' AND slug = ?", ":y", ":slug").list();
        assertEquals(List.of(a), found);
    }

    @Test
    void doubleColonCastsCommentsAndNamedLookingTextAreNotParameters() {
        Article a = colons();
        String sql = """
                SELECT * FROM tck_article -- :comment
                WHERE id = ?::bigint /* :block */ AND title = CAST(? AS text) AND ':name' = ':name'
                """;
        assertEquals(List.of(a), db.raw(Article.class, sql, a.getId(), TITLE).list());
        assertEquals(List.of(a), db.raw(Article.class, "SELECT * FROM tck_article WHERE ':a:b' <> ? AND id::text = ?",
                ":a:b:c", a.getId().toString()).list());
    }
}
