package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import java.util.Objects;

/**
 * A remark on a {@link Post} of the relation tests' blog: a required post (non-nullable {@code post_id}) and an
 * optional {@link Writer} as author (nullable {@code author_id}) whose reverse side is not declared on
 * {@link Writer}: it is reached as {@code related(writer, "author", Remark.class)} or Django's
 * {@code "remark_set"}, and its nullable key lets that related manager remove and clear.
 */
@Entity
public class Remark {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String text;

    @ManyToOne(optional = false)
    @JoinColumn(nullable = false)
    private Post post;

    @ManyToOne
    private Writer author;

    /** For Quarry. */
    public Remark() {
    }

    /** An anonymous remark on {@code post}. */
    public Remark(String text, Post post) {
        this.text = text;
        this.post = post;
    }

    /** A remark on {@code post} by {@code author} (may be null). */
    public Remark(String text, Post post, Writer author) {
        this.text = text;
        this.post = post;
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

    /** @return the post (only its id is set unless selectRelated/prefetchRelated) */
    public Post getPost() {
        return post;
    }

    /** @param post the post */
    public void setPost(Post post) {
        this.post = post;
    }

    /** @return the author (only its id is set unless selectRelated/prefetchRelated), or null */
    public Writer getAuthor() {
        return author;
    }

    /** @param author the author, or null */
    public void setAuthor(Writer author) {
        this.author = author;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Remark r && id != null && id.equals(r.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Remark.class, id);
    }

    @Override
    public String toString() {
        return "Remark[id=" + id + ", text=" + text + "]";
    }
}
