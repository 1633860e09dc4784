package dev.quarry.testkit.tck;

import dev.quarry.QueryEvent;
import dev.quarry.QueryListener;

import java.util.ArrayList;
import java.util.List;

/** A {@link QueryListener} keeping every event, for the tests of seeing and routing queries. */
final class RecordingListener implements QueryListener {

    private final List<QueryEvent> events = new ArrayList<>();

    @Override
    public synchronized void onQuery(QueryEvent event) {
        events.add(event);
    }

    /** The events so far, in order. */
    synchronized List<QueryEvent> events() {
        return List.copyOf(events);
    }

    /** Their SQL, in order. */
    synchronized List<String> sql() {
        return events.stream().map(QueryEvent::sql).toList();
    }

    /** Their SQL as one string, for failure messages. */
    String describe() {
        return sql().toString();
    }

    /** The only event since the last {@link #clear()}; fails when there are none or several. */
    synchronized QueryEvent only() {
        if (events.size() != 1) {
            throw new AssertionError("expected exactly one statement, got " + sql());
        }
        return events.getFirst();
    }

    /** Forgets the events so far. */
    synchronized void clear() {
        events.clear();
    }
}
