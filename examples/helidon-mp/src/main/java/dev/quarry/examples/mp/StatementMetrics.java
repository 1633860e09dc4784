package dev.quarry.examples.mp;

import dev.quarry.QueryEvent;
import dev.quarry.QueryListener;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link QueryListener} bean: quarry-cdi hands it every statement. Here it counts statements and their time;
 * a real service records {@code e.elapsed()} into a Micrometer/MicroProfile Metrics timer or an OpenTelemetry span.
 */
@ApplicationScoped
public class StatementMetrics implements QueryListener {

    private final LongAdder statements = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    @Override
    public void onQuery(QueryEvent e) {
        statements.increment();
        nanos.add(e.elapsed().toNanos());
        if (!e.succeeded()) {
            failures.increment();
        }
    }

    /** @return statements run so far */
    public long statements() {
        return statements.sum();
    }

    /** @return statements that failed so far */
    public long failures() {
        return failures.sum();
    }

    /** @return the time all statements took, in nanoseconds */
    public long nanos() {
        return nanos.sum();
    }
}
