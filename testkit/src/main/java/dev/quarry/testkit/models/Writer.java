package dev.quarry.testkit.models;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import java.util.List;
import java.util.Objects;

/**
 * A writer of the relation tests' blog: a unique name, an optional {@link Publisher} (nullable foreign key
 * {@code publisher_id}) and {@link Post}s through the reverse side of {@link Post#getWriter()}, declared with
 * {@code cascade = REMOVE}: deleting a writer deletes its posts first (and what cascades from them). The reverse
 * side of {@link Remark#getAuthor()} is not declared here (Django's {@code remark_set}).
 */
@Entity
public class Writer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(unique = true)
    private String name;

    @ManyToOne
    private Publisher publisher;

    @OneToMany(mappedBy = "writer", cascade = CascadeType.REMOVE)
    private List<Post> posts;

    /** For Quarry. */
    public Writer() {
    }

    /** A writer with a name and no publisher. */
    public Writer(String name) {
        this.name = name;
    }

    /** A writer with a name, published by {@code publisher} (may be null). */
    public Writer(String name, Publisher publisher) {
        this.name = name;
        this.publisher = publisher;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @param id the pk */
    public void setId(Long id) {
        this.id = id;
    }

    /** @return the name */
    public String getName() {
        return name;
    }

    /** @param name the name */
    public void setName(String name) {
        this.name = name;
    }

    /** @return the publisher (only its id is set unless selectRelated/prefetchRelated), or null */
    public Publisher getPublisher() {
        return publisher;
    }

    /** @param publisher the publisher, or null */
    public void setPublisher(Publisher publisher) {
        this.publisher = publisher;
    }

    /** @return the posts, {@code null} unless {@code prefetchRelated("posts")} filled them */
    public List<Post> getPosts() {
        return posts;
    }

    /** @param posts the posts */
    public void setPosts(List<Post> posts) {
        this.posts = posts;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Writer w && id != null && id.equals(w.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Writer.class, id);
    }

    @Override
    public String toString() {
        return "Writer[id=" + id + ", name=" + name + "]";
    }
}
