package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.util.Objects;

/** Django's {@code tests/expressions} Company: head counts and two foreign keys to {@link Employee}. */
@Entity
public class Company {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private int numEmployees;

    private int numChairs;

    @ManyToOne
    private Employee ceo;

    @ManyToOne
    private Employee pointOfContact;

    private boolean basedInEu;

    /** For Quarry. */
    public Company() {
    }

    /** A row with every field. */
    public Company(String name, int numEmployees, int numChairs, Employee ceo, Employee pointOfContact, boolean basedInEu) {
        this.name = name;
        this.numEmployees = numEmployees;
        this.numChairs = numChairs;
        this.ceo = ceo;
        this.pointOfContact = pointOfContact;
        this.basedInEu = basedInEu;
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

    /** @return the numEmployees */
    public int getNumEmployees() {
        return numEmployees;
    }

    /** @param numEmployees the numEmployees */
    public void setNumEmployees(int numEmployees) {
        this.numEmployees = numEmployees;
    }

    /** @return the numChairs */
    public int getNumChairs() {
        return numChairs;
    }

    /** @param numChairs the numChairs */
    public void setNumChairs(int numChairs) {
        this.numChairs = numChairs;
    }

    /** @return the ceo */
    public Employee getCeo() {
        return ceo;
    }

    /** @param ceo the ceo */
    public void setCeo(Employee ceo) {
        this.ceo = ceo;
    }

    /** @return the pointOfContact */
    public Employee getPointOfContact() {
        return pointOfContact;
    }

    /** @param pointOfContact the pointOfContact */
    public void setPointOfContact(Employee pointOfContact) {
        this.pointOfContact = pointOfContact;
    }

    /** @return the basedInEu */
    public boolean getBasedInEu() {
        return basedInEu;
    }

    /** @param basedInEu the basedInEu */
    public void setBasedInEu(boolean basedInEu) {
        this.basedInEu = basedInEu;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Company other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Company.class, id);
    }

    @Override
    public String toString() {
        return "Company(" + id + ")";
    }
}
