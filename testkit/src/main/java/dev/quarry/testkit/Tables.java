package dev.quarry.testkit;

import jakarta.persistence.Table;

import java.util.Locale;

/** The table names of models, by API.md's rule: {@code @Table(name)}, else snake_case of the class name. */
public final class Tables {

    private Tables() {
    }

    /** The table of {@code model}: {@code SimpleModel} is {@code simple_model}. */
    public static String tableName(Class<?> model) {
        Table table = model.getAnnotation(Table.class);
        if (table != null && !table.name().isEmpty()) {
            return table.name();
        }
        return snakeCase(model.getSimpleName());
    }

    /** {@code publishedAt} becomes {@code published_at}. */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** A quoted SQL identifier. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
