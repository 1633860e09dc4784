package dev.quarry.provider.helidon;

import dev.quarry.Quarry;
import dev.quarry.testkit.TckConfiguration;
import dev.quarry.testkit.TestDatabase;
import dev.quarry.testkit.models.SimpleModel;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * The Reactive Streams TCK (its {@code java.util.concurrent.Flow} edition) run against {@code aiterator()}: a
 * cursor over a table of {@link #ROWS} rows, sliced to the number of elements each rule asks for. The TCK is
 * TestNG; the JUnit Platform runs it through the TestNG engine. The publisher is provider-independent
 * (api's {@code CursorSubscription}), so one provider runs it.
 */
public class CursorPublisherTckTest extends FlowPublisherVerification<SimpleModel> {

    private static final int ROWS = 200;

    private Quarry db;

    public CursorPublisherTckTest() {
        super(new TestEnvironment(1_000, 100));
    }

    @BeforeClass
    public void openAndFill() {
        TestDatabase database = TestDatabase.instance();
        db = TckConfiguration.load().connect(database.url(), database.user(), database.password(), 8);
        db.schema().drop(SimpleModel.class);
        db.schema().create(SimpleModel.class);
        List<SimpleModel> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new SimpleModel(i));
        }
        db.objects(SimpleModel.class).bulkCreate(rows);
    }

    @AfterClass
    public void close() {
        if (db != null) {
            db.schema().drop(SimpleModel.class);
            db.close();
        }
    }

    @Override
    public Flow.Publisher<SimpleModel> createFlowPublisher(long elements) {
        return db.objects(SimpleModel.class).orderBy("field").slice(0, (int) elements).aiterator(7);
    }

    /** An aiterator fails when it first fetches, after a request, never before: rule 1.4's optional test is skipped. */
    @Override
    public Flow.Publisher<SimpleModel> createFailedFlowPublisher() {
        return null;
    }

    @Override
    public long maxElementsFromPublisher() {
        return ROWS;
    }
}
