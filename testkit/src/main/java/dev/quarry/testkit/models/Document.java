package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.util.Objects;

/** A versioned model: {@code @Version long version} guards saves against lost updates. */
@Entity
public class Document {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    @Version
    private long version;

    /** For Quarry. */
    public Document() {
    }

    /** A document with a title. */
    public Document(String title) {
        this.title = title;
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

    /** @return the version, bumped by each save */
    public long getVersion() {
        return version;
    }

    /** @param version the version */
    public void setVersion(long version) {
        this.version = version;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Document d && id != null && id.equals(d.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Document.class, id);
    }

    @Override
    public String toString() {
        return "Document[id=" + id + ", title=" + title + ", version=" + version + "]";
    }
}
