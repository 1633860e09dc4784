package dev.quarry.internal.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The names of Django's lookups and date/time transforms that Quarry supports. Data, not code. */
public final class Lookups {

    /** Comparison lookups, in Django's documentation order. */
    public static final List<String> LOOKUPS = List.of("exact", "iexact", "contains", "icontains", "in", "gt", "gte",
            "lt", "lte", "startswith", "istartswith", "endswith", "iendswith", "range", "isnull", "regex", "iregex");

    /** Transforms that extract a part of a date/time value. */
    public static final List<String> TRANSFORMS = List.of("date", "year", "iso_year", "quarter", "month", "day", "week",
            "week_day", "iso_week_day", "hour", "minute", "second");

    /** Lookups whose value is a LIKE pattern. */
    static final Set<String> PATTERN_LOOKUPS = Set.of("contains", "icontains", "startswith", "istartswith", "endswith",
            "iendswith");

    private Lookups() {
    }

    /** Whether {@code name} is a comparison lookup. */
    public static boolean isLookup(String name) {
        return LOOKUPS.contains(name);
    }

    /** Whether {@code name} is a transform. */
    public static boolean isTransform(String name) {
        return TRANSFORMS.contains(name);
    }

    /** What a transform yields: a date for {@code date}, else an integer. */
    static Class<?> transformType(String part) {
        return "date".equals(part) ? LocalDate.class : Integer.class;
    }

    /** The LIKE pattern of a pattern lookup, with {@code % _ \} escaped. */
    static String pattern(String lookup, String value) {
        String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return switch (lookup) {
            case "contains", "icontains" -> "%" + escaped + "%";
            case "startswith", "istartswith" -> escaped + "%";
            case "endswith", "iendswith" -> "%" + escaped;
            default -> throw new IllegalArgumentException(lookup);
        };
    }
}
