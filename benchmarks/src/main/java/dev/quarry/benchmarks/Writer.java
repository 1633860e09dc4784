package dev.quarry.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.util.List;

/** The "one" side of the relation benchmarks: {@code bench_writer}, ten {@link Post}s each. */
@Entity
@Table(name = "bench_writer")
public class Writer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 100)
    String name;

    @Column(length = 200)
    String email;

    @OneToMany(mappedBy = "writer")
    List<Post> posts;

    /** For Quarry. */
    public Writer() {
    }

    /** A writer with a name and an email address. */
    public Writer(String name, String email) {
        this.name = name;
        this.email = email;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @return the name */
    public String getName() {
        return name;
    }

    /** @return the posts, once prefetched */
    public List<Post> getPosts() {
        return posts;
    }
}
