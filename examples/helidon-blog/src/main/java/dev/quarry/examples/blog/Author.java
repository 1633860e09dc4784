package dev.quarry.examples.blog;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.util.List;

/**
 * Someone who writes articles. {@code articles} is the reverse side of {@link Article#getAuthor()}: it has no
 * column and is filled only by {@code prefetchRelated("articles")}; deleting an author deletes its articles
 * ({@code cascade = REMOVE}, Django's {@code on_delete=CASCADE}).
 */
@Entity
@Table(name = "blog_author")
public class Author {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(length = 200)
    private String email;

    @OneToMany(mappedBy = "author", cascade = CascadeType.REMOVE)
    private List<Article> articles;         // null until prefetched: Quarry never loads it behind your back

    @Transient
    private Long articleCount;              // filled by annotate("articleCount", Aggregate.count("articles"))

    /** For Quarry. */
    public Author() {
    }

    /** A new author, not saved yet. */
    public Author(String name, String email) {
        this.name = name;
        this.email = email;
    }

    /** @return the pk, or null before the first save */
    public Long getId() {
        return id;
    }

    /** @return the unique name */
    public String getName() {
        return name;
    }

    /** @return the e-mail address, or null */
    public String getEmail() {
        return email;
    }

    /** @return the articles, once {@code prefetchRelated("articles")} has loaded them (else null) */
    public List<Article> getArticles() {
        return articles;
    }

    /** @return the number of articles, when the query annotated it (else null) */
    public Long getArticleCount() {
        return articleCount;
    }
}
