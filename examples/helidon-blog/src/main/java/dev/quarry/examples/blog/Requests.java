package dev.quarry.examples.blog;

import io.helidon.common.mapper.OptionalValue;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Status;
import io.helidon.http.media.UnsupportedTypeException;
import io.helidon.webserver.http.ServerRequest;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Reading requests: path ids, query parameters and JSON bodies, each refused with a 400 when malformed. */
final class Requests {

    private Requests() {
    }

    /**
     * Waits for {@code future} and returns its value, rethrowing the very exception it failed with (not the
     * {@link CompletionException} around it), so that the error handlers see Quarry's exceptions. Helidon SE
     * runs each request on its own virtual thread: blocking here parks that virtual thread only.
     */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The path parameter {@code {id}} as a positive long. */
    static long id(ServerRequest req) {
        String raw = req.path().pathParameters().get("id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("Invalid id '" + raw + "': expected a positive integer.");
    }

    /** The query parameter {@code name} as an int in {@code [min, max]}, or {@code fallback} when absent. */
    static int intParam(ServerRequest req, String name, int fallback, int min, int max) {
        OptionalValue<String> raw = req.query().first(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get().trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("Invalid " + name + " '" + raw.get() + "': expected an integer from " + min
                + " to " + max + ".");
    }

    /** The request body as a JSON object. */
    static JsonObject body(ServerRequest req) {
        if (!req.content().hasEntity()) {
            throw ApiException.badRequest("A JSON object body is required.");
        }
        if (req.headers().contentType().filter(type -> !type.test(MediaTypes.APPLICATION_JSON)).isPresent()) {
            throw unsupportedMediaType();
        }
        JsonStructure value;
        try {
            value = req.content().as(JsonStructure.class);      // read by helidon-http-media-jsonp
        } catch (UnsupportedTypeException e) {
            throw unsupportedMediaType();
        } catch (JsonException | IllegalStateException | IllegalArgumentException e) {
            throw ApiException.badRequest("Malformed JSON: " + firstLine(e.getMessage()));
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiException.badRequest("Expected a JSON object, got " + value.getValueType().name().toLowerCase() + ".");
        }
        return object;
    }

    private static ApiException unsupportedMediaType() {
        return new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415,
                "Send a JSON body with the header Content-Type: application/json.");
    }

    /** A string member, {@code null} when absent or JSON null; a 400 when it is another type. */
    static String string(JsonObject body, String key) {
        JsonValue v = body.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw ApiException.badRequest("'" + key + "' must be a string.");
    }

    /** A required, non-blank string member of at most {@code maxLength} characters, trimmed. */
    static String requiredString(JsonObject body, String key, int maxLength) {
        String s = string(body, key);
        if (s == null || s.isBlank()) {
            throw ApiException.badRequest("'" + key + "' is required.");
        }
        return checkLength(key, s.trim(), maxLength);
    }

    /** Refuses a string longer than {@code maxLength}. */
    static String checkLength(String key, String s, int maxLength) {
        if (s != null && s.length() > maxLength) {
            throw ApiException.badRequest("'" + key + "' must be at most " + maxLength + " characters.");
        }
        return s;
    }

    /** A positive integral member (an id), {@code null} when absent. */
    static Long id(JsonObject body, String key) {
        JsonValue v = body.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isIntegral() && n.longValue() > 0) {
            return n.longValue();
        }
        throw ApiException.badRequest("'" + key + "' must be a positive integer id.");
    }

    /** A list of strings member ({@code ["java", "sql"]}), {@code null} when absent. */
    static List<String> strings(JsonObject body, String key) {
        JsonValue v = body.get(key);
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.badRequest("'" + key + "' must be an array of strings.");
        }
        List<String> out = new ArrayList<>();
        for (JsonValue item : v.asJsonArray()) {
            if (!(item instanceof JsonString s) || s.getString().isBlank()) {
                throw ApiException.badRequest("'" + key + "' must be an array of non-blank strings.");
            }
            out.add(s.getString().trim());
        }
        return out;
    }

    /** Refuses members not in {@code allowed}. */
    static void onlyKeys(JsonObject body, Collection<String> allowed) {
        for (String key : body.keySet()) {
            if (!allowed.contains(key)) {
                throw ApiException.badRequest("Unknown member '" + key + "'; allowed: " + String.join(", ", allowed) + ".");
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable body";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
