package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.Quarry;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Publisher;
import dev.quarry.testkit.models.Remark;
import dev.quarry.testkit.models.Tag;
import dev.quarry.testkit.models.Writer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The blog the relation tests share, created through the public API (links through the related manager's
 * {@code add}, as Django's tests do with {@code .set()} in {@code setUpTestData}):
 * <pre>
 * publisher  writer  post (published, views)        tags          remarks (author)
 * Penguin    ada     Java records   (yes, 10)       java, db      nice (bob), typo (-), self-reply (ada)
 *                    Async Java     (yes, 30)       java
 *                    Draft notes    (no,   0)       -
 * Penguin    bob     Postgres tips  (yes, 20)       db
 *                    Python vs Java (no,   5)       java, python
 * -          cyd     Django ORM     (yes, 50)       python, db    great (ada)
 * -          dee     -
 * Acme       -
 * tag rust has no posts
 * </pre>
 */
final class Blog {

    /** The models in dependency order, for {@code TckBase.models()}. */
    static final List<Class<?>> MODELS = List.of(Publisher.class, Writer.class, Tag.class, Post.class, Remark.class);

    final Manager<Publisher> publishers;
    final Manager<Writer> writers;
    final Manager<Post> posts;
    final Manager<Tag> tags;
    final Manager<Remark> remarks;

    final Publisher penguin;
    final Publisher acme;
    final Writer ada;
    final Writer bob;
    final Writer cyd;
    final Writer dee;
    final Tag java;
    final Tag db;
    final Tag python;
    final Tag rust;
    final Post records;
    final Post async;
    final Post draft;
    final Post tips;
    final Post versus;
    final Post orm;
    final Remark nice;
    final Remark typo;
    final Remark selfReply;
    final Remark great;

    Blog(Quarry quarry) {
        publishers = quarry.objects(Publisher.class);
        writers = quarry.objects(Writer.class);
        posts = quarry.objects(Post.class);
        tags = quarry.objects(Tag.class);
        remarks = quarry.objects(Remark.class);

        penguin = publishers.create(new Publisher("Penguin"));
        acme = publishers.create(new Publisher("Acme"));
        ada = writers.create(new Writer("ada", penguin));
        bob = writers.create(new Writer("bob", penguin));
        cyd = writers.create(new Writer("cyd"));
        dee = writers.create(new Writer("dee"));
        java = tags.create(new Tag("java"));
        db = tags.create(new Tag("db"));
        python = tags.create(new Tag("python"));
        rust = tags.create(new Tag("rust"));
        records = posts.create(new Post("Java records", ada, true, 10));
        async = posts.create(new Post("Async Java", ada, true, 30));
        draft = posts.create(new Post("Draft notes", ada, false, 0));
        tips = posts.create(new Post("Postgres tips", bob, true, 20));
        versus = posts.create(new Post("Python vs Java", bob, false, 5));
        orm = posts.create(new Post("Django ORM", cyd, true, 50));
        tagsOf(records).add(List.of(java, db));
        tagsOf(async).add(java);
        tagsOf(tips).add(db);
        tagsOf(versus).add(List.of(java, python));
        tagsOf(orm).add(List.of(python, db));
        nice = remarks.create(new Remark("nice", records, bob));
        typo = remarks.create(new Remark("typo", records));
        selfReply = remarks.create(new Remark("self-reply", records, ada));
        great = remarks.create(new Remark("great", orm, ada));
    }

    /** {@code post.tags}, Django's many-to-many manager. */
    dev.quarry.RelatedManager<Tag> tagsOf(Post post) {
        return posts.related(post, "tags", Tag.class);
    }

    /** Sorted names of writers. */
    static List<String> writerNames(Collection<Writer> list) {
        return list.stream().map(Writer::getName).sorted().toList();
    }

    /** Sorted titles of posts. */
    static List<String> titles(Collection<Post> list) {
        return list.stream().map(Post::getTitle).sorted().toList();
    }

    /** Sorted names of tags. */
    static List<String> tagNames(Collection<Tag> list) {
        return list.stream().map(Tag::getName).sorted().toList();
    }

    /** Sorted texts of remarks. */
    static List<String> texts(Collection<Remark> list) {
        return list.stream().map(Remark::getText).sorted().toList();
    }

    /** Instances keyed by a name, to look loaded rows up. */
    static <T> Map<String, T> byName(List<T> list, Function<T, String> name) {
        return list.stream().collect(Collectors.toMap(name, Function.identity()));
    }
}
