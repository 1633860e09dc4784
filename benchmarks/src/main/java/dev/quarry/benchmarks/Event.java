package dev.quarry.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;

/** The row the write operations insert into {@code bench_event}, emptied between rounds. */
@Entity
@Table(name = "bench_event")
public class Event {

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
    public Event() {
    }

    /** A row with every field but the pk. */
    public Event(String name, String status, int views, double score, LocalDateTime createdAt) {
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
}
