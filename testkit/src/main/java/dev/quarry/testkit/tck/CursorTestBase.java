package dev.quarry.testkit.tck;

import dev.quarry.testkit.LogCapture;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.SimpleModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

/**
 * What the cursor tests share: ten {@link SimpleModel} rows, a pool of two connections (so a leaked cursor
 * connection shows at once) and a capture of the {@code dev.quarry} logger, where cursor cleanups report.
 */
abstract class CursorTestBase extends TckBase {

    /** What {@code dev.quarry} logged during the test. */
    protected LogCapture log;

    @Override
    protected List<Class<?>> models() {
        return List.of(SimpleModel.class);
    }

    @Override
    protected int poolSize() {
        return 2;
    }

    @BeforeEach
    void tenRowsAndCapture() {
        log = LogCapture.of("dev.quarry");
        for (int i = 0; i < 10; i++) {
            db.objects(SimpleModel.class).create(new SimpleModel(i));
        }
    }

    @AfterEach
    void stopCapturing() {
        log.close();
    }
}
