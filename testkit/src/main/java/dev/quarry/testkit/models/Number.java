package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** Django's {@code tests/queries} {@code Number}: a number and a nullable other number. */
@Entity
public class Number {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int num;

    private Integer otherNum;

    /** For Quarry. */
    public Number() {
    }

    /** A number and its other number. */
    public Number(int num, Integer otherNum) {
        this.num = num;
        this.otherNum = otherNum;
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @return the number */
    public int getNum() {
        return num;
    }

    /** @return the other number, or null */
    public Integer getOtherNum() {
        return otherNum;
    }

    @Override
    public String toString() {
        return "Number(" + num + ", " + otherNum + ")";
    }
}
