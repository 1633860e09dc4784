package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Django's {@code tests/distinct_on_fields} {@code Staff}: a name in an organisation (named StaffMember here, beside the window tests' Staff). */
@Entity
public class StaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String organisation;

    /** For Quarry. */
    public StaffMember() {
    }

    /** A member of an organisation. */
    public StaffMember(String name, String organisation) {
        this.name = name;
        this.organisation = organisation;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @return the name */
    public String getName() {
        return name;
    }

    /** @return the organisation */
    public String getOrganisation() {
        return organisation;
    }

    @Override
    public String toString() {
        return "StaffMember(" + name + ", " + organisation + ")";
    }
}
