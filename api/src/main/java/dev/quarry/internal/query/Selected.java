package dev.quarry.internal.query;

import dev.quarry.internal.meta.FieldMeta;

/**
 * One column of a SELECT list.
 *
 * @param key      the name it is reported under (field name or alias)
 * @param operand  what is selected
 * @param readType what the provider reads it as
 * @param field    the model field it fills, or {@code null}
 */
public record Selected(String key, Operand operand, Class<?> readType, FieldMeta field) {
}
