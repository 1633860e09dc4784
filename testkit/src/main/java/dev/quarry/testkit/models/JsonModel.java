package dev.quarry.testkit.models;

import dev.quarry.GinIndex;
import dev.quarry.Json;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Map;

/**
 * Django's {@code NullableJSONModel} (tests/model_fields/models.py): {@code value} holds any JSON (objects, arrays,
 * primitives), {@code data} is a {@code Map} (JSON without {@code @Json}) with a GIN index, {@code owner} and
 * {@code owners} are a record and a list of records stored as JSON.
 */
@Entity
@Table(name = "tck_json_model")
public class JsonModel {

    /** A JSON object stored as a record. */
    public record Owner(String name, int age) {
    }

    /** The pk. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Any JSON value. */
    @Json
    public Object value;

    /** A JSON object. */
    @GinIndex
    public Map<String, Object> data;

    /** A record as JSON. */
    @Json
    public Owner owner;

    /** A list of records as JSON. */
    @Json
    public List<Owner> owners;

    /** For Quarry. */
    public JsonModel() {
    }

    /** A row holding {@code value}. */
    public JsonModel(Object value) {
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonModel m && id != null && id.equals(m.id);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return "JsonModel#" + id + " " + value;
    }
}
