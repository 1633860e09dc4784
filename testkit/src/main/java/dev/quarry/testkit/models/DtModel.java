package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Objects;

/** Django's {@code tests/db_functions} DTModel: dates, times and timestamps to truncate and extract from. */
@Entity
public class DtModel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private LocalDateTime startDatetime;

    private LocalDateTime endDatetime;

    private LocalDate startDate;

    private LocalDate endDate;

    private LocalTime startTime;

    private OffsetDateTime startInstant;

    /** For Quarry. */
    public DtModel() {
    }

    /** A row with every field. */
    public DtModel(String name, LocalDateTime startDatetime, LocalDateTime endDatetime, LocalDate startDate, LocalDate endDate, LocalTime startTime, OffsetDateTime startInstant) {
        this.name = name;
        this.startDatetime = startDatetime;
        this.endDatetime = endDatetime;
        this.startDate = startDate;
        this.endDate = endDate;
        this.startTime = startTime;
        this.startInstant = startInstant;
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

    /** @return the startDatetime */
    public LocalDateTime getStartDatetime() {
        return startDatetime;
    }

    /** @param startDatetime the startDatetime */
    public void setStartDatetime(LocalDateTime startDatetime) {
        this.startDatetime = startDatetime;
    }

    /** @return the endDatetime */
    public LocalDateTime getEndDatetime() {
        return endDatetime;
    }

    /** @param endDatetime the endDatetime */
    public void setEndDatetime(LocalDateTime endDatetime) {
        this.endDatetime = endDatetime;
    }

    /** @return the startDate */
    public LocalDate getStartDate() {
        return startDate;
    }

    /** @param startDate the startDate */
    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    /** @return the endDate */
    public LocalDate getEndDate() {
        return endDate;
    }

    /** @param endDate the endDate */
    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    /** @return the startTime */
    public LocalTime getStartTime() {
        return startTime;
    }

    /** @param startTime the startTime */
    public void setStartTime(LocalTime startTime) {
        this.startTime = startTime;
    }

    /** @return the startInstant */
    public OffsetDateTime getStartInstant() {
        return startInstant;
    }

    /** @param startInstant the startInstant */
    public void setStartInstant(OffsetDateTime startInstant) {
        this.startInstant = startInstant;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof DtModel other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(DtModel.class, id);
    }

    @Override
    public String toString() {
        return "DtModel(" + id + ")";
    }
}
