package dev.quarry.examples.mp;

import dev.quarry.DoesNotExistException;
import dev.quarry.Manager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** {@code /notes}: a JAX-RS resource over an injected {@code Manager<Note>}, on Helidon MP's virtual threads. */
@Path("/notes")
@ApplicationScoped
public class NoteResource {

    private final Manager<Note> notes;

    /** For the container's proxy. */
    protected NoteResource() {
        this(null);
    }

    /** @param notes injected by quarry-cdi */
    @Inject
    public NoteResource(Manager<Note> notes) {
        this.notes = notes;
    }

    /** The notes' texts, one a line, oldest first; {@code ?contains=x} keeps those containing x (any case). */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String list(@QueryParam("contains") String contains) {
        var qs = contains == null ? notes.all() : notes.filter("text__icontains", contains);
        return String.join("\n", qs.orderBy("id").valuesListFlat("text", String.class).list());
    }

    /** One note's text, 404 when there is none. */
    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_PLAIN)
    public String get(@PathParam("id") long id) {
        try {
            return notes.get("pk", id).getText();
        } catch (DoesNotExistException e) {
            throw new NotFoundException(e.getMessage());
        }
    }

    /** Creates a note from the request body; answers 201 with its id. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.TEXT_PLAIN)
    public Response create(String text) {
        if (text == null || text.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST).entity("A note needs some text.").build();
        }
        Note note = notes.create(new Note(text.strip()));
        return Response.created(URI.create("/notes/" + note.getId())).entity(String.valueOf(note.getId())).build();
    }
}
