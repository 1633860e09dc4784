package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import java.util.List;
import java.util.Objects;

/**
 * A post of the relation tests' blog: a required {@link Writer} (non-nullable foreign key {@code writer_id}, so
 * its writer's related manager cannot remove or clear it), {@link Tag}s through an owning {@code @ManyToMany} with
 * the default join table, and {@link Remark}s through the reverse side of {@link Remark#getPost()}, declared with
 * {@code orphanRemoval}: deleting a post deletes its remarks first.
 */
@Entity
public class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private boolean published;

    private int views;

    @ManyToOne(optional = false)
    @JoinColumn(nullable = false)
    private Writer writer;

    @ManyToMany
    private List<Tag> tags;

    @OneToMany(mappedBy = "post", orphanRemoval = true)
    private List<Remark> remarks;

    /** For Quarry. */
    public Post() {
    }

    /** An unpublished post without views. */
    public Post(String title, Writer writer) {
        this.title = title;
        this.writer = writer;
    }

    /** A post with its publication state and view count. */
    public Post(String title, Writer writer, boolean published, int views) {
        this.title = title;
        this.writer = writer;
        this.published = published;
        this.views = views;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @param id the pk */
    public void setId(Long id) {
        this.id = id;
    }

    /** @return the title */
    public String getTitle() {
        return title;
    }

    /** @param title the title */
    public void setTitle(String title) {
        this.title = title;
    }

    /** @return whether the post is published */
    public boolean isPublished() {
        return published;
    }

    /** @param published whether the post is published */
    public void setPublished(boolean published) {
        this.published = published;
    }

    /** @return the view count */
    public int getViews() {
        return views;
    }

    /** @param views the view count */
    public void setViews(int views) {
        this.views = views;
    }

    /** @return the writer (only its id is set unless selectRelated/prefetchRelated) */
    public Writer getWriter() {
        return writer;
    }

    /** @param writer the writer */
    public void setWriter(Writer writer) {
        this.writer = writer;
    }

    /** @return the tags, {@code null} unless {@code prefetchRelated("tags")} filled them */
    public List<Tag> getTags() {
        return tags;
    }

    /** @param tags the tags */
    public void setTags(List<Tag> tags) {
        this.tags = tags;
    }

    /** @return the remarks, {@code null} unless {@code prefetchRelated("remarks")} filled them */
    public List<Remark> getRemarks() {
        return remarks;
    }

    /** @param remarks the remarks */
    public void setRemarks(List<Remark> remarks) {
        this.remarks = remarks;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Post p && id != null && id.equals(p.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Post.class, id);
    }

    @Override
    public String toString() {
        return "Post[id=" + id + ", title=" + title + "]";
    }
}
