package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** A model of the instant types ({@code timestamptz}) and an {@code @Enumerated(ORDINAL)} enum ({@code smallint}). */
@Entity
@Table(name = "tck_meeting")
public class Meeting {

    /** The pk. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** A zoned instant, read back in the session time zone. */
    public ZonedDateTime at;

    /** An offset instant. */
    public OffsetDateTime until;

    /** An instant. */
    public Instant created;

    /** Stored by ordinal. */
    @Enumerated(EnumType.ORDINAL)
    public Priority priority;

    /** For Quarry. */
    public Meeting() {
    }

    /** A meeting at an instant. */
    public Meeting(Instant instant, Priority priority) {
        this.at = instant.atZone(java.time.ZoneOffset.UTC);
        this.until = instant.atOffset(java.time.ZoneOffset.ofHours(2));
        this.created = instant;
        this.priority = priority;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Meeting m && id != null && id.equals(m.id);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }
}
