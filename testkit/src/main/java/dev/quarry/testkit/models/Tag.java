package dev.quarry.testkit.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;

import java.util.List;
import java.util.Objects;

/**
 * A tag of the relation tests' blog: a unique name, and {@link Post}s through the inverse side of
 * {@link Post#getTags()} ({@code mappedBy = "tags"}: the link rows live in {@link Post}'s join table).
 */
@Entity
public class Tag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(unique = true)
    private String name;

    @ManyToMany(mappedBy = "tags")
    private List<Post> posts;

    /** For Quarry. */
    public Tag() {
    }

    /** A tag with a name. */
    public Tag(String name) {
        this.name = name;
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
        return o == this || (o instanceof Tag t && id != null && id.equals(t.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Tag.class, id);
    }

    @Override
    public String toString() {
        return "Tag[id=" + id + ", name=" + name + "]";
    }
}
