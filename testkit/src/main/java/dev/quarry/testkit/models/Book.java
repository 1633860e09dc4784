package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.util.Objects;

/** Django's {@code tests/async} model of the model-method tests: a title and a nullable page count. */
@Entity
public class Book {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private Integer pages;

    /** For Quarry. */
    public Book() {
    }

    /** A book with a title. */
    public Book(String title) {
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

    /** @return the page count, or null */
    public Integer getPages() {
        return pages;
    }

    /** @param pages the page count */
    public void setPages(Integer pages) {
        this.pages = pages;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Book b && id != null && id.equals(b.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Book.class, id);
    }

    @Override
    public String toString() {
        return "Book[id=" + id + ", title=" + title + ", pages=" + pages + "]";
    }
}
