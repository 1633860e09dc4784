package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.util.Objects;

/**
 * A model declaring a relation: {@code author} is a {@code @ManyToOne} stored in column {@code author_id}. Loaded
 * without {@code selectRelated}, its author is an {@link Author} whose only set field is the id.
 */
@Entity
public class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String text;

    private int likes;

    @ManyToOne
    private Author author;

    /** For Quarry. */
    public Comment() {
    }

    /** A comment by {@code author}. */
    public Comment(String text, Author author) {
        this.text = text;
        this.author = author;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @param id the pk */
    public void setId(Long id) {
        this.id = id;
    }

    /** @return the text */
    public String getText() {
        return text;
    }

    /** @param text the text */
    public void setText(String text) {
        this.text = text;
    }

    /** @return the like count */
    public int getLikes() {
        return likes;
    }

    /** @param likes the like count */
    public void setLikes(int likes) {
        this.likes = likes;
    }

    /** @return the author (only its id is set unless selectRelated) */
    public Author getAuthor() {
        return author;
    }

    /** @param author the author */
    public void setAuthor(Author author) {
        this.author = author;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Comment c && id != null && id.equals(c.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Comment.class, id);
    }

    @Override
    public String toString() {
        return "Comment[id=" + id + ", text=" + text + ", author=" + author + "]";
    }
}
