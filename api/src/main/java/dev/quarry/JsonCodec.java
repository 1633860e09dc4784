package dev.quarry;

import java.lang.reflect.Type;

/**
 * Encodes and decodes the values of JSON fields ({@link Json}, {@code Map<String, ?>}). Quarry's default uses
 * Jackson; replace it with {@link QuarryBuilder#jsonCodec(JsonCodec)} to use another library or mapper settings.
 * Implementations must be thread-safe.
 * {@snippet :
 * ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
 * Quarry db = Quarry.builder().url(url).jsonCodec(new JsonCodec() {
 *     public String toJson(Object value) { return mapper.writeValueAsString(value); }   // wrap checked exceptions
 *     public Object fromJson(String json, Type type) { return mapper.readValue(json, mapper.constructType(type)); }
 * }).build();
 * }
 */
public interface JsonCodec {

    /**
     * The JSON text of {@code value} (never {@code null}: Quarry handles SQL NULL and {@link Json#NULL} itself).
     *
     * @throws IllegalArgumentException when the value cannot be encoded
     */
    String toJson(Object value);

    /**
     * The value of JSON {@code text} as {@code type} (the field's generic type; {@code Object.class} for a value
     * read through a key transform: maps, lists, strings, numbers, booleans or {@code null}).
     *
     * @throws IllegalArgumentException when the text does not decode to the type
     */
    Object fromJson(String text, Type type);
}
