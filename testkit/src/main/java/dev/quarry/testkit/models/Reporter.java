package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Objects;

/** Django's {@code tests/db_functions} Author: a name, an optional alias and screen name, an age. */
@Entity
public class Reporter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String alias;

    private String goesBy;

    private int age;

    /** For Quarry. */
    public Reporter() {
    }

    /** A row with every field. */
    public Reporter(String name, String alias, String goesBy, int age) {
        this.name = name;
        this.alias = alias;
        this.goesBy = goesBy;
        this.age = age;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @return the name */
    public String getName() {
        return name;
    }

    /** @param name the name */
    public void setName(String name) {
        this.name = name;
    }

    /** @return the alias */
    public String getAlias() {
        return alias;
    }

    /** @param alias the alias */
    public void setAlias(String alias) {
        this.alias = alias;
    }

    /** @return the goesBy */
    public String getGoesBy() {
        return goesBy;
    }

    /** @param goesBy the goesBy */
    public void setGoesBy(String goesBy) {
        this.goesBy = goesBy;
    }

    /** @return the age */
    public int getAge() {
        return age;
    }

    /** @param age the age */
    public void setAge(int age) {
        this.age = age;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Reporter other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Reporter.class, id);
    }

    @Override
    public String toString() {
        return "Reporter(" + id + ")";
    }
}
