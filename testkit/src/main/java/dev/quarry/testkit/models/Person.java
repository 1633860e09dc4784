package dev.quarry.testkit.models;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A model of two {@link Address} embeddables: {@code home} in the JPA default columns ({@code street},
 * {@code city_name}, {@code lat}, {@code lon}), {@code work} renamed with {@code @AttributeOverride}.
 */
@Entity
@Table(name = "tck_person")
public class Person {

    /** The pk. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** A name. */
    public String name;

    /** Embedded in the default columns. */
    @Embedded
    public Address home;

    /** Embedded in renamed columns. */
    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "work_street"))
    @AttributeOverride(name = "city", column = @Column(name = "work_city"))
    @AttributeOverride(name = "geo.lat", column = @Column(name = "work_lat"))
    @AttributeOverride(name = "geo.lon", column = @Column(name = "work_lon"))
    public Address work;

    /** For Quarry. */
    public Person() {
    }

    /** A person with a home and a workplace. */
    public Person(String name, Address home, Address work) {
        this.name = name;
        this.home = home;
        this.work = work;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Person p && id != null && id.equals(p.id);
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
