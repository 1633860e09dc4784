package dev.quarry.testkit.models;

import dev.quarry.GinIndex;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.UUID;

/**
 * Django's {@code NullableIntegerArrayModel} and {@code OtherTypesArrayModel} (tests/postgres_tests/models.py):
 * arrays of integers, strings (with a GIN index), UUIDs, a {@code List<Long>}, a primitive {@code int[]} and
 * more strings.
 */
@Entity
@Table(name = "tck_array_model")
public class ArrayModel {

    /** The pk. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** {@code integer[]}. */
    public Integer[] field;

    /** {@code text[]} with a GIN index. */
    @GinIndex
    public String[] tags;

    /** {@code uuid[]}. */
    public UUID[] uuids;

    /** {@code bigint[]}. */
    public List<Long> longs;

    /** {@code integer[]}, never NULL elements. */
    public int[] numbers;

    /** {@code text[]}: string arrays are text arrays whatever their length. */
    public String[] codes;

    /** For Quarry. */
    public ArrayModel() {
    }

    /** A row holding {@code field}. */
    public ArrayModel(Integer... field) {
        this.field = field;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayModel m && id != null && id.equals(m.id);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "ArrayModel#" + id + " " + java.util.Arrays.toString(field);
    }
}
