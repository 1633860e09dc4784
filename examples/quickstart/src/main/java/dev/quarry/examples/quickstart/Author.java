package dev.quarry.examples.quickstart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone who writes articles. */
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

    @Override
    public String toString() {
        return "Author#" + id + "(" + name + ")";
    }
}
