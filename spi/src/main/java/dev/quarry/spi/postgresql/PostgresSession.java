package dev.quarry.spi.postgresql;

import dev.quarry.spi.ConnectionConfig;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The session settings a PostgreSQL connection of a Quarry pool starts with: the session time zone
 * ({@link ConnectionConfig#timeZone()}, Django's {@code TIME_ZONE}) and the statement timeout
 * ({@link ConnectionConfig#statementTimeout()}). A provider runs {@link #setupSql} once on each new physical
 * connection (HikariCP's {@code connectionInitSql}, say), never per statement.
 *
 * <p>Why not a startup parameter: pgjdbc sends its own {@code TimeZone} startup parameter (the JVM's default
 * zone), which overrides one given in {@code options=-c TimeZone=...}. A non-JDBC transport (Vert.x) can send
 * {@link #timeZoneSetting} and {@link #statementTimeoutSetting} as startup parameters instead.
 */
public final class PostgresSession {

    /** What a region id (tz database name) may contain: it is written into SQL, so nothing else gets through. */
    private static final Pattern REGION = Pattern.compile("[A-Za-z][A-Za-z0-9_+\\-/]*");

    private PostgresSession() {
    }

    /**
     * The statements that set up a new connection, one string ({@code SET TIME ZONE ...; SET statement_timeout
     * = ...}).
     */
    public static String setupSql(ConnectionConfig config) {
        StringBuilder sql = new StringBuilder(setTimeZone(config.timeZone()));
        if (config.statementTimeout() != null) {
            sql.append("; SET statement_timeout = ").append(statementTimeoutSetting(config.statementTimeout()));
        }
        return sql.toString();
    }

    /**
     * {@code SET TIME ZONE} for {@code zone}. A fixed offset is written as an ISO interval: PostgreSQL reads a
     * bare {@code '+05:30'} as a POSIX zone, whose sign is the opposite.
     */
    static String setTimeZone(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (normalized instanceof ZoneOffset offset) {
            if (offset.getTotalSeconds() == 0) {
                return "SET TIME ZONE 'UTC'";
            }
            if (offset.getTotalSeconds() % 60 != 0) {
                throw new IllegalArgumentException("PostgreSQL time zones have no seconds: " + offset + ".");
            }
            return "SET TIME ZONE INTERVAL '" + offset.getId() + "' HOUR TO MINUTE";
        }
        return "SET TIME ZONE '" + region(normalized) + "'";
    }

    /** The value of PostgreSQL's {@code TimeZone} setting for {@code zone} (as a startup parameter). */
    public static String timeZoneSetting(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        if (normalized instanceof ZoneOffset offset) {
            if (offset.getTotalSeconds() == 0) {
                return "UTC";
            }
            // POSIX form: the offset's sign inverted, e.g. <+05:30>-05:30 for +05:30
            String id = offset.getId();
            String inverted = (id.charAt(0) == '+' ? "-" : "+") + id.substring(1);
            return "<" + id + ">" + inverted;
        }
        return region(normalized);
    }

    /** The value of PostgreSQL's {@code statement_timeout} setting, in milliseconds (at least 1). */
    public static String statementTimeoutSetting(Duration timeout) {
        return Long.toString(Math.max(1, timeout.toMillis()));
    }

    private static String region(ZoneId zone) {
        String id = zone.getId();
        if (!REGION.matcher(id).matches()) {
            throw new IllegalArgumentException("Not a time zone name PostgreSQL knows: '" + id + "'.");
        }
        return id;
    }
}
