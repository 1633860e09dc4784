package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** Django's {@code tests/expressions_window} Employee: salary, department, hire date, age, bonus. */
@Entity
public class Staff {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private int salary;

    private String department;

    private LocalDate hireDate;

    private int age;

    @jakarta.persistence.Column(precision = 15, scale = 2)
    private BigDecimal bonus;

    /** For Quarry. */
    public Staff() {
    }

    /** A row with every field. */
    public Staff(String name, int salary, String department, LocalDate hireDate, int age, BigDecimal bonus) {
        this.name = name;
        this.salary = salary;
        this.department = department;
        this.hireDate = hireDate;
        this.age = age;
        this.bonus = bonus;
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

    /** @return the salary */
    public int getSalary() {
        return salary;
    }

    /** @param salary the salary */
    public void setSalary(int salary) {
        this.salary = salary;
    }

    /** @return the department */
    public String getDepartment() {
        return department;
    }

    /** @param department the department */
    public void setDepartment(String department) {
        this.department = department;
    }

    /** @return the hireDate */
    public LocalDate getHireDate() {
        return hireDate;
    }

    /** @param hireDate the hireDate */
    public void setHireDate(LocalDate hireDate) {
        this.hireDate = hireDate;
    }

    /** @return the age */
    public int getAge() {
        return age;
    }

    /** @param age the age */
    public void setAge(int age) {
        this.age = age;
    }

    /** @return the bonus */
    public BigDecimal getBonus() {
        return bonus;
    }

    /** @param bonus the bonus */
    public void setBonus(BigDecimal bonus) {
        this.bonus = bonus;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Staff other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Staff.class, id);
    }

    @Override
    public String toString() {
        return "Staff(" + id + ")";
    }
}
