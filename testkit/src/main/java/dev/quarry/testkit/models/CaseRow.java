package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.Objects;

/** Django's {@code tests/expressions_case} CaseTestModel: two integers and a string. */
@Entity
public class CaseRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int integer;

    private Integer integer2;

    private String string;

    /** For Quarry. */
    public CaseRow() {
    }

    /** A row with every field. */
    public CaseRow(int integer, Integer integer2, String string) {
        this.integer = integer;
        this.integer2 = integer2;
        this.string = string;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @return the integer */
    public int getInteger() {
        return integer;
    }

    /** @param integer the integer */
    public void setInteger(int integer) {
        this.integer = integer;
    }

    /** @return the integer2 */
    public Integer getInteger2() {
        return integer2;
    }

    /** @param integer2 the integer2 */
    public void setInteger2(Integer integer2) {
        this.integer2 = integer2;
    }

    /** @return the string */
    public String getString() {
        return string;
    }

    /** @param string the string */
    public void setString(String string) {
        this.string = string;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof CaseRow other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(CaseRow.class, id);
    }

    @Override
    public String toString() {
        return "CaseRow(" + id + ")";
    }
}
