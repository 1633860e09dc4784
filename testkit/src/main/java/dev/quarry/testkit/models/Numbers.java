package dev.quarry.testkit.models;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.Objects;

/** Django's {@code tests/db_functions} DecimalModel, FloatModel and IntegerModel in one: decimals, doubles, integers. */
@Entity
public class Numbers {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @jakarta.persistence.Column(precision = 6, scale = 2)
    private BigDecimal n1;

    @jakarta.persistence.Column(precision = 6, scale = 2)
    private BigDecimal n2;

    private Double f1;

    private Double f2;

    private Short small;

    private Integer normal;

    private Long big;

    /** For Quarry. */
    public Numbers() {
    }

    /** @return the pk */
    public Long getId() {
        return id;
    }

    /** @return the n1 */
    public BigDecimal getN1() {
        return n1;
    }

    /** @param n1 the n1, chained */
    public Numbers n1(BigDecimal n1) {
        this.n1 = n1;
        return this;
    }

    /** @return the n2 */
    public BigDecimal getN2() {
        return n2;
    }

    /** @param n2 the n2, chained */
    public Numbers n2(BigDecimal n2) {
        this.n2 = n2;
        return this;
    }

    /** @return the f1 */
    public Double getF1() {
        return f1;
    }

    /** @param f1 the f1, chained */
    public Numbers f1(Double f1) {
        this.f1 = f1;
        return this;
    }

    /** @return the f2 */
    public Double getF2() {
        return f2;
    }

    /** @param f2 the f2, chained */
    public Numbers f2(Double f2) {
        this.f2 = f2;
        return this;
    }

    /** @return the small */
    public Short getSmall() {
        return small;
    }

    /** @param small the small, chained */
    public Numbers small(Short small) {
        this.small = small;
        return this;
    }

    /** @return the normal */
    public Integer getNormal() {
        return normal;
    }

    /** @param normal the normal, chained */
    public Numbers normal(Integer normal) {
        this.normal = normal;
        return this;
    }

    /** @return the big */
    public Long getBig() {
        return big;
    }

    /** @param big the big, chained */
    public Numbers big(Long big) {
        this.big = big;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof Numbers other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return id == null ? System.identityHashCode(this) : Objects.hash(Numbers.class, id);
    }
}
