package dev.quarry.examples.mp;

import dev.quarry.Manager;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example over HTTP, in Helidon MP with the real database: notes, the readiness check, the listener's stats. */
@HelidonTest
class NoteResourceTest {

    @Inject
    WebTarget target;

    @Inject
    Manager<Note> notes;

    @BeforeEach
    void noNotes() {
        notes.delete();
    }

    private Response post(String text) {
        return target.path("/notes").request().post(Entity.entity(text, MediaType.TEXT_PLAIN));
    }

    @Test
    void createsListsFiltersAndReadsNotes() {
        Response created = post("Buy milk");
        assertEquals(201, created.getStatus());
        String id = created.readEntity(String.class);
        assertTrue(created.getLocation().getPath().endsWith("/notes/" + id), created.getLocation()::toString);
        assertEquals(201, post("Call Ada").getStatus());
        assertEquals("Buy milk\nCall Ada", target.path("/notes").request().get(String.class));
        assertEquals("Call Ada", target.path("/notes").queryParam("contains", "ADA").request().get(String.class));
        assertEquals("Buy milk", target.path("/notes/" + id).request().get(String.class));
        assertEquals(2, notes.count());
    }

    @Test
    void aMissingNoteIsNotFoundAndAnEmptyOneIsRefused() {
        assertEquals(404, target.path("/notes/999999").request().get().getStatus());
        assertEquals(400, post("  ").getStatus());
    }

    @Test
    void theReadinessCheckReportsTheDatabase() {
        Response ready = target.path("/health/ready").request().get();
        assertEquals(200, ready.getStatus());
        String body = ready.readEntity(String.class);
        assertTrue(body.contains("\"quarry\"") && body.contains("\"default\":\"UP\""), body);
    }

    @Test
    void theListenerBeanCountsStatements() {
        String before = target.path("/stats").request().get(String.class);
        post("counted");
        String after = target.path("/stats").request().get(String.class);
        assertTrue(statements(after) > statements(before), before + " -> " + after);
    }

    private static long statements(String stats) {
        return Long.parseLong(stats.split(" ")[0].substring("statements=".length()));
    }
}
