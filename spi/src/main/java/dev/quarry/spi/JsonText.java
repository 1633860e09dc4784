package dev.quarry.spi;

import java.util.Objects;

/**
 * The text of a JSON document, as a statement parameter and as a column value: Quarry's form of a {@code json} or
 * {@code jsonb} value, so that every provider moves JSON without parsing it (the api encodes and decodes with its
 * own, replaceable codec).
 *
 * <p>A provider binds a {@code JsonText} parameter as {@code jsonb} (pgjdbc: a {@code PGobject} of type
 * {@code jsonb}; Vert.x: the decoded value, with {@code Tuple.JSON_NULL} for the text {@code null}), and answers
 * {@code row.get(i, JsonText.class)} on a {@code json}/{@code jsonb} column with the column's text. The JSON
 * {@code null} is the text {@code "null"}; SQL NULL stays {@code null}, never a {@code JsonText}.
 *
 * @param text the JSON text, never {@code null}
 */
public record JsonText(String text) {

    /** The JSON {@code null} literal. */
    public static final JsonText NULL = new JsonText("null");

    /** Checks the text is present. */
    public JsonText {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
