package dev.quarry.internal.exec;

import dev.quarry.QueryEvent;
import dev.quarry.QueryListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Where one database's statements are reported: the user's {@link QueryListener} and the {@code dev.quarry.sql}
 * logger (DEBUG for every statement with its duration, WARNING for those slower than the threshold). When
 * nothing listens, {@link #start()} answers {@link #OFF} and the statement runs without a clock read or an
 * extra future.
 */
public final class StatementLog {

    /** What {@link #start()} answers when nothing listens. */
    public static final long OFF = Long.MIN_VALUE;

    private static final System.Logger SQL = System.getLogger("dev.quarry.sql");

    private final String database;
    private final QueryListener listener;
    private final boolean logParameters;
    private final long slowNanos;
    private final Duration slowThreshold;
    private final Consumer<Throwable> listenerFailures;

    /**
     * @param database         the alias reported in events
     * @param listener         the user's listener, or {@code null}
     * @param logParameters    whether events and log lines carry the bound values
     * @param slowThreshold    statements at least this slow are logged at WARNING; {@code null}: never
     * @param listenerFailures receives what a failing listener threw
     */
    public StatementLog(String database, QueryListener listener, boolean logParameters, Duration slowThreshold,
                        Consumer<Throwable> listenerFailures) {
        this.database = database;
        this.listener = listener;
        this.logParameters = logParameters;
        this.slowThreshold = slowThreshold;
        this.slowNanos = slowThreshold == null ? -1 : slowThreshold.toNanos();
        this.listenerFailures = listenerFailures;
    }

    /** The clock reading a statement starts at, or {@link #OFF} when nobody would see its report. */
    public long start() {
        if (listener != null || slowNanos >= 0 || SQL.isLoggable(System.Logger.Level.DEBUG)) {
            return System.nanoTime();
        }
        return OFF;
    }

    /**
     * The statement's outcome, completing after it has been reported.
     *
     * @param start  what {@link #start()} answered
     * @param params one list per parameter set (a single one unless it is a batch)
     * @param rows   the row count of a successful outcome
     */
    <R> CompletableFuture<R> report(CompletableFuture<R> outcome, long start, QueryEvent.Kind kind, String sql,
                                    List<? extends List<?>> params, ToLongFunction<R> rows) {
        if (start == OFF) {
            return outcome;
        }
        return outcome.whenComplete((r, e) -> {
            long nanos = System.nanoTime() - start;
            try {
                publish(kind, sql, params, nanos, e == null ? rows.applyAsLong(r) : -1, e == null ? null : Futures.unwrap(e));
            } catch (RuntimeException | Error reportFailure) {
                listenerFailures.accept(reportFailure);
            }
        });
    }

    private void publish(QueryEvent.Kind kind, String sql, List<? extends List<?>> params, long nanos, long rows,
                         Throwable failure) {
        int count = 0;
        for (List<?> set : params) {
            count += set.size();
        }
        Optional<List<Object>> values = Optional.empty();
        if (logParameters) {
            List<Object> all = new ArrayList<>(count);
            params.forEach(all::addAll);
            values = Optional.of(Collections.unmodifiableList(all));
        }
        Duration elapsed = Duration.ofNanos(nanos);
        boolean slow = slowNanos >= 0 && nanos >= slowNanos;
        System.Logger.Level level = slow ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
        if (SQL.isLoggable(level)) {
            SQL.log(level, line(slow, sql, values, elapsed, failure));
        }
        if (listener != null) {
            listener.onQuery(new QueryEvent(database, kind, sql, count, values, Math.max(1, params.size()), elapsed,
                    rows, Optional.ofNullable(failure)));
        }
    }

    /** Django's {@code django.db.backends} line: {@code (0.002) SELECT ...; args=[...]; alias=default}. */
    private String line(boolean slow, String sql, Optional<List<Object>> values, Duration elapsed, Throwable failure) {
        StringBuilder b = new StringBuilder();
        if (slow) {
            b.append("Slow statement (over ").append(seconds(slowThreshold)).append(" s) ");
        }
        b.append('(').append(seconds(elapsed)).append(") ").append(sql);
        values.ifPresent(v -> b.append("; args=").append(v));
        b.append("; alias=").append(database);
        if (failure != null) {
            b.append("; failed: ").append(failure.getMessage());
        }
        return b.toString();
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }
}
