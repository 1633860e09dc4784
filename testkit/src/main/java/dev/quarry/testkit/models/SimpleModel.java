package dev.quarry.testkit.models;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.LocalDateTime;
import java.util.Objects;

/** Django's {@code tests/async} model: an integer {@code field} and a {@code created} timestamp. Table {@code simple_model}. */
@Entity
public class SimpleModel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Integer field;

    private LocalDateTime created;

    /** For Quarry. */
    public SimpleModel() {
    }

    /** A row with {@code field} set. */
    public SimpleModel(int field) {
        this.field = field;
    }

    /** A row with both columns set. */
    public SimpleModel(int field, LocalDateTime created) {
        this.field = field;
        this.created = created;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @param id the pk */
    public void setId(Long id) {
        this.id = id;
    }

    /** @return the integer */
    public Integer getField() {
        return field;
    }

    /** @param field the integer */
    public void setField(Integer field) {
        this.field = field;
    }

    /** @return the creation time */
    public LocalDateTime getCreated() {
        return created;
    }

    /** @param created the creation time */
    public void setCreated(LocalDateTime created) {
        this.created = created;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof SimpleModel s && id != null && id.equals(s.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(SimpleModel.class, id);
    }

    @Override
    public String toString() {
        return "SimpleModel[id=" + id + ", field=" + field + ", created=" + created + "]";
    }
}
