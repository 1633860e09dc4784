package dev.quarry.examples.quickstart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import java.util.Set;

/**
 * A label on articles. {@code articles} is the inverse side of {@link Article#getTags()}
 * ({@code mappedBy = "tags"}): both sides share the join table {@code quickstart_article_tags}.
 */
@Entity
@Table(name = "quickstart_tag")
public class Tag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 50)
    private String name;

    @ManyToMany(mappedBy = "tags")
    private Set<Article> articles;          // null until prefetched

    /** For Quarry. */
    public Tag() {
    }

    /** A tag named {@code name}. */
    public Tag(String name) {
        this.name = name;
    }

    /** @return the pk */
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

    @Override
    public String toString() {
        return "#" + name;
    }
}
