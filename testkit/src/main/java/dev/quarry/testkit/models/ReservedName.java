package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Django's {@code tests/queries} {@code ReservedName}: a column named with an SQL keyword ({@code order}). */
@Entity
public class ReservedName {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private int order;

    /** For Quarry. */
    public ReservedName() {
    }

    /** A name and an order. */
    public ReservedName(String name, int order) {
        this.name = name;
        this.order = order;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @return the name */
    public String getName() {
        return name;
    }

    /** @return the order */
    public int getOrder() {
        return order;
    }

    @Override
    public String toString() {
        return "ReservedName(" + name + ", " + order + ")";
    }
}
