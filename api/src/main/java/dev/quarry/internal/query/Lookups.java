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

    private static final Set<String> DATE_PARTS = Set.of("year", "iso_year", "quarter", "month", "day", "week", "week_day",
            "iso_week_day");
    private static final Set<String> TIME_PARTS = Set.of("hour", "minute", "second");

    /**
     * Checks that a transform applies to a field of {@code type}: date parts to dates and timestamps, time parts
     * to times and timestamps, {@code date} to timestamps (as Django's DateField, TimeField, DateTimeField).
     */
    static void checkTransform(String part, String field, Class<?> type) {
        boolean date = type == java.time.LocalDate.class;
        boolean time = type == java.time.LocalTime.class;
        boolean timestamp = type == java.time.LocalDateTime.class || type == java.time.OffsetDateTime.class
                || type == java.time.Instant.class || type == java.time.ZonedDateTime.class || type == java.util.Date.class;
        boolean ok = timestamp || (date && DATE_PARTS.contains(part)) || (time && TIME_PARTS.contains(part));
        if (!ok) {
            String valid = timestamp || date || time ? String.join(", ", TRANSFORMS.stream().filter(t ->
                    (date && DATE_PARTS.contains(t)) || (time && TIME_PARTS.contains(t))).toList()) : "none (not a date or time)";
            throw new dev.quarry.FieldException("Unsupported lookup '" + part + "' for " + type.getSimpleName() + " field '"
                    + field + "'. Transforms valid here: " + valid + "; lookups: " + String.join(", ", LOOKUPS) + ".");
        }
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
