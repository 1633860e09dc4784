package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Objects;

/** Django's {@code tests/expressions} Employee: a name and a salary. */
@Entity
public class Employee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String firstname;

    private String lastname;

    private Integer salary;

    /** For Quarry. */
    public Employee() {
    }

    /** A row with every field. */
    public Employee(String firstname, String lastname, Integer salary) {
        this.firstname = firstname;
        this.lastname = lastname;
        this.salary = salary;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @return the firstname */
    public String getFirstname() {
        return firstname;
    }

    /** @param firstname the firstname */
    public void setFirstname(String firstname) {
        this.firstname = firstname;
    }

    /** @return the lastname */
    public String getLastname() {
        return lastname;
    }

    /** @param lastname the lastname */
    public void setLastname(String lastname) {
        this.lastname = lastname;
    }

    /** @return the salary */
    public Integer getSalary() {
        return salary;
    }

    /** @param salary the salary */
    public void setSalary(Integer salary) {
        this.salary = salary;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Employee other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Employee.class, id);
    }

    @Override
    public String toString() {
        return "Employee(" + id + ")";
    }
}
