package dev.quarry.internal.query;

import dev.quarry.F;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What arithmetic on dates, times and durations yields, as Django's {@code CombinedExpression} resolves it:
 * a date/time plus or minus a duration is a date/time (a date becomes a date-time), the difference of two values
 * of one date/time type is a duration, durations add and scale to durations.
 */
final class TemporalArithmetic {

    private static final Set<Class<?>> TEMPORALS = Set.of(LocalDate.class, LocalDateTime.class, LocalTime.class,
            OffsetDateTime.class, Instant.class);

    private TemporalArithmetic() {
    }

    /** The type of {@code left op right}, or {@code null} when neither side is temporal. */
    static Class<?> type(F.Operator op, Class<?> left, Class<?> right) {
        boolean plusMinus = op == F.Operator.PLUS || op == F.Operator.MINUS;
        if (TEMPORALS.contains(left) && right == Duration.class && plusMinus) {
            return left == LocalDate.class ? LocalDateTime.class : left;
        }
        if (left == Duration.class && TEMPORALS.contains(right) && op == F.Operator.PLUS) {
            return right == LocalDate.class ? LocalDateTime.class : right;
        }
        if (TEMPORALS.contains(left) && left == right && op == F.Operator.MINUS) {
            return Duration.class;
        }
        if (left == Duration.class || right == Duration.class) {
            return Duration.class;
        }
        return null;
    }

    /** Whether {@code left - right} subtracts two dates, which PostgreSQL answers in days, not as an interval. */
    static boolean isDateDifference(F.Operator op, Operand left, Operand right) {
        return op == F.Operator.MINUS && ReadTypes.of(left) == LocalDate.class && ReadTypes.of(right) == LocalDate.class;
    }
}
