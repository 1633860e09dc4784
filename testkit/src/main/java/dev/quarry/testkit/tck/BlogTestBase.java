package dev.quarry.testkit.tck;

import dev.quarry.QuerySet;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/** A TCK class over {@link Blog}'s data, created anew before each test, with readers of its rows. */
abstract class BlogTestBase extends TckBase {

    /** The blog of the current test. */
    protected Blog blog;

    @Override
    protected List<Class<?>> models() {
        return Blog.MODELS;
    }

    @BeforeEach
    final void createBlog() {
        blog = new Blog(db);
    }

    /** The titles of the posts, by title. */
    static List<String> titles(QuerySet<Post> qs) {
        return qs.orderBy("title").list().stream().map(Post::getTitle).toList();
    }

    /** The names of the writers, by name. */
    static List<String> names(QuerySet<Writer> qs) {
        return qs.orderBy("name").list().stream().map(Writer::getName).toList();
    }
}
