package dev.quarry.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** The row every read operation maps to; {@code bench_item} holds the seeded rows. */
@Entity
@Table(name = "bench_item")
public class Item {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 100)
    String name;

    @Column(nullable = false, length = 20)
    String status;

    int views;

    double score;

    LocalDateTime createdAt;

    /** For Quarry. */
    public Item() {
    }

    /** A row with every field but the pk. */
    public Item(String name, String status, int views, double score, LocalDateTime createdAt) {
        this.name = name;
        this.status = status;
        this.views = views;
        this.score = score;
        this.createdAt = createdAt;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @return the view count */
    public int getViews() {
        return views;
    }
}
