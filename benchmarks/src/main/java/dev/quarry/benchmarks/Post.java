package dev.quarry.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The "many" side of the relation benchmarks: {@code bench_post}, with a foreign key {@code writer_id}. */
@Entity
@Table(name = "bench_post")
public class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 100)
    String title;

    int views;

    @ManyToOne(optional = false)
    Writer writer;

    /** For Quarry. */
    public Post() {
    }

    /** A post by {@code writer}. */
    public Post(String title, int views, Writer writer) {
        this.title = title;
        this.views = views;
        this.writer = writer;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @return the writer (only its id is set, unless selectRelated or prefetchRelated loaded it) */
    public Writer getWriter() {
        return writer;
    }
}
