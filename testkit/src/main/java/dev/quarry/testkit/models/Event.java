package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A model of the remaining column types: {@link Instant}, {@code boolean}, {@link Boolean}, {@code long}, {@link OffsetDateTime}, an ordinal enum. */
@Entity
public class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private Instant occurredAt;

    private boolean active;

    private Boolean archived;

    private long counter;

    private OffsetDateTime startsAt;

    @Enumerated(EnumType.ORDINAL)
    private Priority priority;

    /** For Quarry. */
    public Event() {
    }

    /** An event with a name, an instant and an active flag. */
    public Event(String name, Instant occurredAt, boolean active) {
        this.name = name;
        this.occurredAt = occurredAt;
        this.active = active;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @param id the pk */
    public void setId(Long id) {
        this.id = id;
    }

    /** @return the name */
    public String getName() {
        return name;
    }

    /** @param name the name */
    public void setName(String name) {
        this.name = name;
    }

    /** @return when it happened */
    public Instant getOccurredAt() {
        return occurredAt;
    }

    /** @param occurredAt when it happened */
    public void setOccurredAt(Instant occurredAt) {
        this.occurredAt = occurredAt;
    }

    /** @return whether it is active */
    public boolean isActive() {
        return active;
    }

    /** @param active whether it is active */
    public void setActive(boolean active) {
        this.active = active;
    }

    /** @return whether it is archived, or null when unknown */
    public Boolean getArchived() {
        return archived;
    }

    /** @param archived whether it is archived */
    public void setArchived(Boolean archived) {
        this.archived = archived;
    }

    /** @return a 64-bit counter */
    public long getCounter() {
        return counter;
    }

    /** @param counter a 64-bit counter */
    public void setCounter(long counter) {
        this.counter = counter;
    }

    /** @return when it starts, with its offset */
    public OffsetDateTime getStartsAt() {
        return startsAt;
    }

    /** @param startsAt when it starts */
    public void setStartsAt(OffsetDateTime startsAt) {
        this.startsAt = startsAt;
    }

    /** @return the priority */
    public Priority getPriority() {
        return priority;
    }

    /** @param priority the priority */
    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Event e && id != null && id.equals(e.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Event.class, id);
    }

    @Override
    public String toString() {
        return "Event[id=" + id + ", name=" + name + ", occurredAt=" + occurredAt + ", active=" + active + "]";
    }
}
