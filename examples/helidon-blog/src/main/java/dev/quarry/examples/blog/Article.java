package dev.quarry.examples.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * A blog article. {@code author} is column {@code author_id}; without {@code selectRelated("author")} it holds
 * an {@link Author} whose only set field is its id. {@code tags} owns the join table {@code blog_article_tags};
 * it is filled by {@code prefetchRelated("tags")} and changed through
 * {@code objects.related(article, "tags", Tag.class)}.
 */
@Entity
@Table(name = "blog_article")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, unique = true, length = 100)
    private String slug;

    @Column(length = 10_000)
    private String body;

    @ManyToOne
    @JoinColumn(name = "author_id", nullable = false)
    private Author author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.DRAFT;

    private int views;

    private LocalDateTime publishedAt;

    @ManyToMany
    private Set<Tag> tags;                  // null until prefetched: Quarry never loads it behind your back

    /** For Quarry. */
    public Article() {
    }

    /** A new draft by {@code author}, not saved yet. */
    public Article(String title, String slug, String body, Author author) {
        this.title = title;
        this.slug = slug;
        this.body = body;
        this.author = author;
    }

    /** Marks it published at {@code when} with {@code views} views (for seed data); returns {@code this}. */
    public Article published(LocalDateTime when, int views) {
        this.status = Status.PUBLISHED;
        this.publishedAt = when;
        this.views = views;
        return this;
    }

    /** @return the pk, or null before the first save */
    public Long getId() {
        return id;
    }

    /** @return the title */
    public String getTitle() {
        return title;
    }

    /** @return the unique slug */
    public String getSlug() {
        return slug;
    }

    /** @return the text, or null */
    public String getBody() {
        return body;
    }

    /** @return the author (only its id is set, unless selectRelated or prefetchRelated loaded it) */
    public Author getAuthor() {
        return author;
    }

    /** @return the status */
    public Status getStatus() {
        return status;
    }

    /** @return how often it was read */
    public int getViews() {
        return views;
    }

    /** @return when it was published, or null for a draft */
    public LocalDateTime getPublishedAt() {
        return publishedAt;
    }

    /** @return the tags, once {@code prefetchRelated("tags")} has loaded them (else null) */
    public Set<Tag> getTags() {
        return tags;
    }
}
