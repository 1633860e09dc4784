package dev.quarry.internal.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.quarry.JsonCodec;

import java.lang.reflect.Type;

/**
 * Quarry's default {@link JsonCodec}: Jackson, with {@code java.time} values as ISO text and unknown properties
 * refused (a silently dropped property would lose data on the next save). Untyped values decode as Jackson's
 * natural types: {@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Integer}/{@code Long},
 * {@code Double}, {@code Boolean}.
 */
public final class JacksonJsonCodec implements JsonCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Override
    public String toJson(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Object of type " + value.getClass().getName()
                    + " is not JSON serializable: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Object fromJson(String text, Type type) {
        try {
            return mapper.readValue(text, mapper.constructType(type));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot decode the JSON " + abbreviate(text) + " as " + type.getTypeName()
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
