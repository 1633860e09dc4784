package dev.quarry.cdi;

import dev.quarry.Manager;
import dev.quarry.Quarry;
import dev.quarry.testkit.models.SimpleModel;
import io.helidon.microprofile.testing.junit5.AddBean;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer in a real CDI container (Helidon MP's): {@code Quarry} and {@code Manager<T>} injected, configured
 * from MicroProfile Config, the application's {@code QueryListener} bean called, the readiness check up.
 */
@HelidonTest
@AddBean(CountingListener.class)
class QuarryProducerTest {

    @Inject
    Quarry quarry;

    @Inject
    Manager<SimpleModel> notes;

    @Inject
    CountingListener listener;

    @Inject
    @Readiness
    QuarryHealthCheck health;

    @BeforeEach
    void freshTable() {
        quarry.schema().drop(SimpleModel.class);
        quarry.schema().create(SimpleModel.class);
    }

    @Test
    void injectsAConfiguredQuarryAndManagers() {
        SimpleModel saved = notes.create(new SimpleModel(42));
        assertEquals(42, quarry.objects(SimpleModel.class).get("pk", saved.getId()).getField());
        assertEquals(1, notes.count());
        assertEquals("jdbc-virtual", quarry.features().provider());
        assertEquals(java.util.List.of("default"), quarry.databases());
    }

    @Test
    void theApplicationsListenerBeanSeesEveryStatement() {
        int before = listener.events().size();
        notes.filter("field", 7).count();
        assertEquals(before + 1, listener.events().size());
        assertTrue(listener.events().getLast().sql().startsWith("SELECT "), listener.events().getLast()::sql);
    }

    @Test
    void theReadinessCheckIsUpWithEachDatabase() {
        HealthCheckResponse response = health.call();
        assertEquals("quarry", response.getName());
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertEquals(Map.of("default", "UP"), response.getData().orElseThrow());
    }

    @Test
    void aManagerNeedsAModelClass() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuarryProducer.modelOf(Manager.class));
        assertTrue(e.getMessage().contains("Manager<Article>"), e.getMessage());
        assertSame(SimpleModel.class, QuarryProducer.modelOf(
                new java.lang.reflect.ParameterizedType() {
                    @Override
                    public java.lang.reflect.Type[] getActualTypeArguments() {
                        return new java.lang.reflect.Type[] {SimpleModel.class};
                    }

                    @Override
                    public java.lang.reflect.Type getRawType() {
                        return Manager.class;
                    }

                    @Override
                    public java.lang.reflect.Type getOwnerType() {
                        return null;
                    }
                }));
    }
}
