package dev.quarry.examples.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.util.Set;

/**
 * A label on articles. {@code articles} is the inverse side of {@link Article#getTags()}
 * ({@code mappedBy = "tags"}): both sides share the join table {@code blog_article_tags}.
 */
@Entity
@Table(name = "blog_tag")
public class Tag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 50)
    private String name;

    @ManyToMany(mappedBy = "tags")
    private Set<Article> articles;          // null until prefetched

    @Transient
    private Long articleCount;              // filled by annotate("articleCount", Aggregate.count("articles"))

    /** For Quarry. */
    public Tag() {
    }

    /** A new tag, not saved yet. */
    public Tag(String name) {
        this.name = name;
    }

    /** @return the pk, or null before the first save */
    public Long getId() {
        return id;
    }

    /** @return the unique name */
    public String getName() {
        return name;
    }

    /** @return the tagged articles, once {@code prefetchRelated("articles")} has loaded them (else null) */
    public Set<Article> getArticles() {
        return articles;
    }

    /** @return the number of tagged articles, when the query annotated it (else null) */
    public Long getArticleCount() {
        return articleCount;
    }
}
