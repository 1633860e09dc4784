package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Django's {@code Experiment} (tests/expressions/models.py): dates, date-times and an {@code interval}. */
@Entity
@Table(name = "tck_experiment")
public class Experiment {

    /** The pk. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** A name. */
    public String name;

    /** The day it was assigned. */
    public LocalDate assigned;

    /** The day it was completed. */
    public LocalDate completed;

    /** How long it was expected to take ({@code interval}). */
    public Duration estimatedTime;

    /** When it started. */
    public LocalDateTime start;

    /** When it ended. */
    public LocalDateTime end;

    /** For Quarry. */
    public Experiment() {
    }

    /** An experiment of every field. */
    public Experiment(String name, LocalDate assigned, LocalDate completed, Duration estimatedTime, LocalDateTime start,
                      LocalDateTime end) {
        this.name = name;
        this.assigned = assigned;
        this.completed = completed;
        this.estimatedTime = estimatedTime;
        this.start = start;
        this.end = end;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Experiment e && id != null && id.equals(e.id);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return name;
    }
}
