package dev.quarry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a model field as a JSON document ({@code jsonb} on PostgreSQL), Django's {@code JSONField}. A
 * {@code Map<String, ?>} field is JSON without it; any other type (a record, a {@code List<...>}, a POJO) needs it.
 * Values are encoded and decoded by the Quarry's {@link JsonCodec} (Jackson by default).
 * {@snippet :
 * @Json
 * private List<Address> addresses;        // jsonb
 * private Map<String, Object> data;       // jsonb, no annotation needed
 *
 * articles.filter("data__owner__name", "Bob");                  // key transforms at any depth
 * articles.filter("data__tags__0", "java");                     // index transforms
 * articles.filter("data__has_key", "owner");
 * articles.filter("data__contains", Map.of("owner", Map.of("name", "Bob")));
 * articles.filter("data", null);                                // SQL NULL
 * articles.filter("data", Json.NULL);                           // the JSON null
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Json {

    /**
     * The JSON {@code null}, as a value to store or compare ({@code filter("data", Json.NULL)}); a Java
     * {@code null} is SQL NULL. Under a key transform a {@code null} value means the JSON null, as in Django
     * ({@code filter("data__owner", null)} matches {@code {"owner": null}}).
     */
    Null NULL = Null.NULL;

    /** The type of {@link #NULL}. */
    enum Null {
        /** The JSON null. */
        NULL
    }
}
