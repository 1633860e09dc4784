package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.util.List;
import java.util.Objects;

/**
 * The top of the relation tests' blog: a publisher has {@link Writer}s through the reverse side of
 * {@link Writer#getPublisher()}, declared WITHOUT cascade, so deleting a publisher that still has writers fails.
 */
@Entity
public class Publisher {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @OneToMany(mappedBy = "publisher")
    private List<Writer> writers;

    /** For Quarry. */
    public Publisher() {
    }

    /** A publisher with a name. */
    public Publisher(String name) {
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

    /** @return the writers, {@code null} unless {@code prefetchRelated("writers")} filled them */
    public List<Writer> getWriters() {
        return writers;
    }

    /** @param writers the writers */
    public void setWriters(List<Writer> writers) {
        this.writers = writers;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Publisher p && id != null && id.equals(p.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Publisher.class, id);
    }

    @Override
    public String toString() {
        return "Publisher[id=" + id + ", name=" + name + "]";
    }
}
