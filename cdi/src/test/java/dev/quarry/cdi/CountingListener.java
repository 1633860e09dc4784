package dev.quarry.cdi;

import dev.quarry.QueryEvent;
import dev.quarry.QueryListener;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An application's listener bean: the producer hands it every statement. */
@ApplicationScoped
public class CountingListener implements QueryListener {

    private final List<QueryEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onQuery(QueryEvent event) {
        events.add(event);
    }

    /** @return the events so far */
    public List<QueryEvent> events() {
        return events;
    }
}
