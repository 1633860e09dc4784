package dev.quarry.testkit.tck;

import dev.quarry.FieldException;
import dev.quarry.SelectForUpdate;
import dev.quarry.testkit.models.Post;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code selectForUpdate(SelectForUpdate.defaults().nowait().skipLocked().of(...).noKey())}, Django's
 * {@code select_for_update(nowait=, skip_locked=, of=, no_key=)}. Which rows and tables are locked is checked
 * from a second connection (straight JDBC) with {@code NOWAIT}, on {@link Blog}'s data.
 */
class SelectForUpdateOptionsTest extends BlogTestBase {

    /** Whether another session can take {@code lock} on the row of {@code table} with this id at once. */
    private boolean lockableElsewhere(String table, long id, String lock) throws SQLException {
        try (Connection c = database.jdbc(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("SELECT 1 FROM \"" + table + "\" WHERE id = " + id + " " + lock + " NOWAIT");
                return true;
            } catch (SQLException e) {
                assertEquals("55P03", e.getSQLState(), e.getMessage());   // lock_not_available
                return false;
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void ofSelfLocksOnlyTheModelsRowsThoughRelatedRowsAreSelected() {
        db.atomic(tx -> {
            List<Post> posts = tx.objects(Post.class).filter("writer__name", "ada").selectRelated("writer")
                    .selectForUpdate(SelectForUpdate.defaults().of("self")).list();
            assertEquals(3, posts.size());
            assertEquals("ada", posts.get(0).getWriter().getName());
            assertEquals(false, unchecked(() -> lockableElsewhere("post", blog.records.getId(), "FOR UPDATE")));
            assertEquals(true, unchecked(() -> lockableElsewhere("writer", blog.ada.getId(), "FOR UPDATE")));
            return null;
        });
    }

    @Test
    void ofARelatedPathLocksThatTable() {
        db.atomic(tx -> {
            tx.objects(Post.class).filter("pk", blog.records.getId()).selectRelated("writer")
                    .selectForUpdate(SelectForUpdate.defaults().of("writer")).list();
            assertEquals(false, unchecked(() -> lockableElsewhere("writer", blog.ada.getId(), "FOR UPDATE")));
            assertEquals(true, unchecked(() -> lockableElsewhere("post", blog.records.getId(), "FOR UPDATE")));
            return null;
        });
    }

    @Test
    void noKeyTakesTheWeakerLock() {
        db.atomic(tx -> {
            tx.objects(Post.class).filter("pk", blog.records.getId()).selectForUpdate(SelectForUpdate.defaults().noKey()).list();
            assertEquals(true, unchecked(() -> lockableElsewhere("post", blog.records.getId(), "FOR KEY SHARE")),
                    "FOR NO KEY UPDATE lets others take a key share");
            assertEquals(false, unchecked(() -> lockableElsewhere("post", blog.records.getId(), "FOR UPDATE")));
            return null;
        });
        db.atomic(tx -> {
            tx.objects(Post.class).filter("pk", blog.records.getId()).selectForUpdate(SelectForUpdate.defaults()).list();
            assertEquals(false, unchecked(() -> lockableElsewhere("post", blog.records.getId(), "FOR KEY SHARE")));
            return null;
        });
    }

    @Test
    void skipLockedSkipsRowsLockedElsewhereInBothTwins() throws SQLException {
        try (Connection c = database.jdbc(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT 1 FROM \"post\" WHERE id = " + blog.records.getId() + " FOR UPDATE");
            int sync = db.atomic(tx -> tx.objects(Post.class).selectForUpdate(SelectForUpdate.defaults().skipLocked()).list().size());
            int async = await(db.aatomic(tx -> tx.objects(Post.class)
                    .selectForUpdate(SelectForUpdate.defaults().skipLocked()).alist())).size();
            assertEquals(5, sync);
            assertEquals(5, async);
            c.rollback();
        }
    }

    @Test
    void nowaitFailsAtOnceOnALockedRow() throws SQLException {
        try (Connection c = database.jdbc(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("SELECT 1 FROM \"post\" WHERE id = " + blog.records.getId() + " FOR UPDATE");
            dev.quarry.DatabaseException e = assertThrows(dev.quarry.DatabaseException.class, () -> db.atomic(tx ->
                    tx.objects(Post.class).selectForUpdate(SelectForUpdate.defaults().nowait()).list()));
            assertEquals("55P03", e.sqlState());
            c.rollback();
        }
    }

    @Test
    void badOptionsAreRefused() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> blog.posts.selectForUpdate(SelectForUpdate.defaults().nowait().skipLocked()));
        assertEquals("The nowait option cannot be used with skip_locked.", both.getMessage());
        FieldException of = assertThrows(FieldException.class, () -> db.atomic(tx -> tx.objects(Post.class)
                .selectRelated("writer").selectForUpdate(SelectForUpdate.defaults().of("self", "bogus")).list()));
        assertEquals("Invalid field name(s) given in select_for_update(of=(...)): bogus. Only relational fields followed "
                + "in the query are allowed. Choices are: self, writer.", of.getMessage());
    }

    @Test
    void theBooleanOverloadsStillWork() {
        int n = db.atomic(tx -> tx.objects(Post.class).selectForUpdate(true, false).list().size()
                + tx.objects(Post.class).selectForUpdate().list().size());
        assertEquals(12, n);
        assertTrue(blog.posts.selectForUpdate(false, true).toString().startsWith("QuerySet<Post>"));
    }

    private interface SqlCheck {
        boolean run() throws SQLException;
    }

    private static boolean unchecked(SqlCheck check) {
        try {
            return check.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
