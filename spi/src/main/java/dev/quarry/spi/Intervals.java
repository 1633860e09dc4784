package dev.quarry.spi;

import java.time.Duration;

/**
 * The one conversion between SQL {@code interval} values and {@link Duration}, shared by every provider so that
 * all read and write intervals the same way.
 *
 * <p>A provider binds a {@code Duration} parameter as an {@code interval} from {@link #text(Duration)} (ISO 8601,
 * which PostgreSQL parses) or its driver's own interval type, and reads an interval column asked for as
 * {@code Duration} with {@link #duration(long, long, long)} from the interval's months, days and microseconds.
 */
public final class Intervals {

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private Intervals() {
    }

    /**
     * A {@link Duration} of an interval's fields, counted as PostgreSQL's {@code EXTRACT(EPOCH FROM interval)}
     * does: a year (12 months) is 365.25 days, a remaining month 30 days, a day 24 hours.
     *
     * @param months the months (years included, 12 a year)
     * @param days   the days
     * @param micros the time part in microseconds
     */
    public static Duration duration(long months, long days, long micros) {
        long years = months / 12;
        long rest = months % 12;
        long yearMicros = Math.multiplyExact(years, MICROS_PER_DAY * 1461 / 4);
        long totalDays = Math.addExact(Math.multiplyExact(rest, 30), days);
        long total = Math.addExact(Math.addExact(yearMicros, Math.multiplyExact(totalDays, MICROS_PER_DAY)), micros);
        return Duration.ofSeconds(Math.floorDiv(total, 1_000_000L), Math.floorMod(total, 1_000_000L) * 1_000L);
    }

    /** The ISO 8601 text of a duration ({@code PT26H3M4.5S}), truncated to microseconds, PostgreSQL's precision. */
    public static String text(Duration duration) {
        return duration.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
    }
}
