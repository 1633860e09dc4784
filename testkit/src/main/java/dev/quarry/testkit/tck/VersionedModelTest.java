package dev.quarry.testkit.tck;

import dev.quarry.Manager;
import dev.quarry.QuarryException;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code @Version}: each save bumps the version; saving a stale instance fails and overwrites nothing. */
class VersionedModelTest extends TckBase {

    @Override
    protected List<Class<?>> models() {
        return List.of(Document.class);
    }

    @Test
    void eachSaveBumpsTheVersion() {
        Manager<Document> docs = db.objects(Document.class);
        Document d = docs.create(new Document("v"));
        long initial = d.getVersion();
        assertEquals(initial, docs.get("pk", d.getId()).getVersion());
        d.setTitle("v2");
        docs.save(d);
        assertEquals(initial + 1, d.getVersion());
        assertEquals(initial + 1, docs.get("pk", d.getId()).getVersion());
    }

    @Test
    void savingAStaleInstanceFailsAndOverwritesNothing() {
        Manager<Document> docs = db.objects(Document.class);
        Document d = docs.create(new Document("original"));
        Document mine = docs.get("pk", d.getId());
        Document theirs = docs.get("pk", d.getId());
        theirs.setTitle("theirs");
        docs.save(theirs);
        mine.setTitle("mine");
        assertThrows(QuarryException.class, () -> docs.save(mine));
        assertEquals("theirs", docs.get("pk", d.getId()).getTitle());
    }
}
