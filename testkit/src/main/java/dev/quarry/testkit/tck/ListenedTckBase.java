package dev.quarry.testkit.tck;

import dev.quarry.Quarry;
import dev.quarry.testkit.TckBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A TCK class with a second Quarry, {@link #seen}, on the same tables, whose statements {@link #listener}
 * records; the recording starts empty at each test.
 */
abstract class ListenedTckBase extends TckBase {

    /** Every statement {@link #seen} ran. */
    final RecordingListener listener = new RecordingListener();

    /** A Quarry reporting to {@link #listener}. */
    Quarry seen;

    @BeforeAll
    final void openListenedQuarry() {
        seen = builder().listener(listener).build();
    }

    @AfterAll
    final void closeListenedQuarry() {
        if (seen != null) {
            seen.close();
        }
    }

    @BeforeEach
    final void forgetEvents() {
        listener.clear();
    }
}
