package dev.quarry.internal.query;

import dev.quarry.ValueException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/** Converts the value compared with a transform ({@code year}: a whole number; {@code date}: a LocalDate). */
final class TransformValues {

    private TransformValues() {
    }

    static Object coerce(String part, Object value) {
        if ("date".equals(part)) {
            if (value instanceof LocalDate d) {
                return d;
            }
            if (value instanceof LocalDateTime dt) {
                return dt.toLocalDate();
            }
            if (value instanceof OffsetDateTime odt) {
                return odt.toLocalDate();
            }
            if (value instanceof String s) {
                try {
                    return LocalDate.parse(s);
                } catch (RuntimeException e) {
                    throw new ValueException("The '__date' lookup expects a date, got '" + s + "'.", e);
                }
            }
            throw new ValueException("The '__date' lookup expects a LocalDate, got " + value + ".");
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new ValueException("The '__" + part + "' lookup expects a whole number, got '" + s + "'.", e);
            }
        }
        throw new ValueException("The '__" + part + "' lookup expects a whole number, got " + value + ".");
    }
}
