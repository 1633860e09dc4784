package dev.quarry.examples.quickstart;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.util.List;

/**
 * Someone who writes articles. {@code articles} is the reverse side of {@link Article#getAuthor()}: it has no
 * column, it is filled by {@code prefetchRelated("articles")}, and deleting an author deletes its articles
 * first ({@code cascade = REMOVE}, Django's {@code on_delete=CASCADE}).
 */
@Entity
@Table(name = "quickstart_author")
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

    /** For Quarry. */
    public Author() {
    }

    /** An author with a name and an email address. */
    public Author(String name, String email) {
        this.name = name;
        this.email = email;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @return the unique name */
    public String getName() {
        return name;
    }

    /** @return the email address */
    public String getEmail() {
        return email;
    }

    /** @return the articles, once {@code prefetchRelated("articles")} has loaded them (else null) */
    public List<Article> getArticles() {
        return articles;
    }

    @Override
    public String toString() {
        return name;
    }
}
