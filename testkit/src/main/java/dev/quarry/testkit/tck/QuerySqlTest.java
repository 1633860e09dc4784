package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.QuerySet;
import dev.quarry.testkit.models.Article;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Status;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code QuerySet.sql()}, Django's {@code str(qs.query)}: the very SQL {@code list()} runs (checked against what a
 * {@code QueryListener} sees it run), with {@code ?} placeholders and never a value inlined, on QuerySets, managers
 * and related managers; it runs nothing itself.
 */
class QuerySqlTest extends ListenedTckBase {

    @Override
    protected List<Class<?>> models() {
        List<Class<?>> all = new ArrayList<>(Blog.MODELS);
        all.add(Article.class);
        return all;
    }

    /** Runs list() and answers the SQL the listener saw it run. */
    private String ranBy(QuerySet<?> qs) {
        listener.clear();
        qs.list();
        return listener.only().sql();
    }

    @Test
    void sqlIsTheStatementListRuns() {
        Manager<Article> articles = seen.objects(Article.class);
        List<QuerySet<?>> querySets = List.of(
                articles.all(),
                articles.filter("title__icontains", "java").exclude("status", Status.DRAFT).orderBy("-views", "title"),
                articles.filter("views__gte", 3).slice(2, 5),
                articles.values("title", "views").distinct(),
                articles.valuesList("id", "title").orderBy("id"),
                seen.objects(Post.class).selectRelated("writer").filter("writer__name__startswith", "a"),
                seen.objects(Writer.class).filter("posts__title__contains", "Java").distinct());
        for (QuerySet<?> qs : querySets) {
            String shown = qs.sql();
            assertEquals(ranBy(qs), shown);
        }
    }

    @Test
    void valuesAreBoundNeverInlined() {
        QuerySet<Article> qs = seen.objects(Article.class).filter("title", "O'Hara; DROP TABLE x").filter("views__gt", 31337);
        String sql = qs.sql();
        assertFalse(sql.contains("O'Hara"), sql);
        assertFalse(sql.contains("31337"), sql);
        assertEquals(2, sql.chars().filter(c -> c == '?').count(), sql);
        assertTrue(sql.startsWith("SELECT "), sql);
        assertTrue(sql.contains("\"tck_article\""), sql);
        listener.clear();
        qs.list();
        assertEquals(2, listener.only().parameterCount());
    }

    @Test
    void managersAndRelatedManagersShowTheirSql() {
        Blog blog = new Blog(seen);
        assertEquals(ranBy(seen.objects(Writer.class)), seen.objects(Writer.class).sql());
        QuerySet<Post> adasPosts = blog.writers.related(blog.ada, "posts", Post.class);
        String sql = adasPosts.sql();
        assertEquals(1, sql.chars().filter(c -> c == '?').count(), sql);
        assertEquals(ranBy(adasPosts), sql);
        assertEquals(ranBy(blog.tagsOf(blog.records)), blog.tagsOf(blog.records).sql());
    }

    @Test
    void sqlRunsNothing() {
        seen.objects(Article.class).filter("views", 1).orderBy("title").sql();
        seen.objects(Writer.class).sql();
        assertEquals(List.of(), listener.events());
    }

    @Test
    void aQuerySetMatchingNothingHasNoSql() {
        QuerySet<Article> none = seen.objects(Article.class).none();
        IllegalStateException e = assertThrows(IllegalStateException.class, none::sql);
        assertTrue(e.getMessage().contains("none()"), e.getMessage());
        assertEquals(List.of(), none.list());
        assertEquals(List.of(), listener.events());
    }
}
