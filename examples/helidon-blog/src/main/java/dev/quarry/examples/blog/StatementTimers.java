package dev.quarry.examples.blog;

import dev.quarry.QueryEvent;
import dev.quarry.QueryListener;
import io.helidon.metrics.api.Metrics;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quarry's {@link QueryListener} feeding Helidon metrics: one timer {@code quarry.statement} per database,
 * statement kind and outcome, at {@code /observe/metrics} as {@code quarry_statement_seconds_count{kind="query",...}}.
 * This is where any metrics or tracing library plugs in (an OpenTelemetry span per event works the same way).
 */
final class StatementTimers implements QueryListener {

    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    @Override
    public void onQuery(QueryEvent e) {
        String kind = e.kind().name().toLowerCase(Locale.ROOT);
        String outcome = e.succeeded() ? "ok" : "failed";
        timers.computeIfAbsent(e.database() + '/' + kind + '/' + outcome, key -> Metrics.getOrCreate(
                Timer.builder("quarry.statement").tags(List.of(Tag.create("database", e.database()),
                        Tag.create("kind", kind), Tag.create("outcome", outcome)))))
                .record(e.elapsed());
    }
}
