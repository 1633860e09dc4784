package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.util.Objects;

/** The target of {@link Comment#getAuthor()}: a name. */
@Entity
public class Author {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    /** For Quarry. */
    public Author() {
    }

    /** An author with a name. */
    public Author(String name) {
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

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Author a && id != null && id.equals(a.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Author.class, id);
    }

    @Override
    public String toString() {
        return "Author[id=" + id + ", name=" + name + "]";
    }
}
