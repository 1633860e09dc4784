package dev.quarry.testkit.tck;

import dev.quarry.IntegrityException;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Post;
import dev.quarry.testkit.models.Publisher;
import dev.quarry.testkit.models.Remark;
import dev.quarry.testkit.models.Tag;
import dev.quarry.testkit.models.Writer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code db.schema()} with relations: foreign-key constraints to the targets, NOT NULL where the relation is required,
 * an index on every foreign-key column, the {@code @ManyToMany} join table (default name {@code post_tags}: the owner's
 * table and the field, as Django's {@code app_post_tags}; columns {@code post_id}, {@code tag_id}) with a unique pair,
 * created in dependency order whatever the argument order, and dropped with its owner.
 */
class RelationSchemaTest extends TckBase {

    /** The default join table of {@code Post.tags}. */
    private static final String JOIN_TABLE = "post_tags";

    private static final Class<?>[] IN_ORDER = {Publisher.class, Writer.class, Tag.class, Post.class, Remark.class};
    private static final Class<?>[] SHUFFLED = {Remark.class, Post.class, Tag.class, Writer.class, Publisher.class};

    @Override
    protected List<Class<?>> models() {
        return List.of(); // each test creates and drops its own tables
    }

    @BeforeEach
    void dropEverything() throws SQLException {
        db.schema().drop(SHUFFLED);
        sql("DROP TABLE IF EXISTS " + JOIN_TABLE + " CASCADE"); // in case drop() left it behind
    }

    /** Foreign-key column of {@code table} to the table it references. */
    private Map<String, String> foreignKeys(String table) throws SQLException {
        Map<String, String> keys = new TreeMap<>();
        try (Connection c = database.jdbc(); PreparedStatement ps = c.prepareStatement(
                "SELECT a.attname, dst.relname FROM pg_constraint k JOIN pg_class src ON src.oid = k.conrelid "
                        + "JOIN pg_class dst ON dst.oid = k.confrelid "
                        + "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                        + "WHERE k.contype = 'f' AND src.relnamespace = current_schema()::regnamespace AND src.relname = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return keys;
    }

    /** Column name to whether it is nullable. */
    private Map<String, Boolean> columns(String table) throws SQLException {
        Map<String, Boolean> columns = new TreeMap<>();
        try (Connection c = database.jdbc(); PreparedStatement ps = c.prepareStatement(
                "SELECT column_name, is_nullable FROM information_schema.columns "
                        + "WHERE table_schema = current_schema() AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), rs.getString(2).equals("YES"));
                }
            }
        }
        return columns;
    }

    /** Whether some index of {@code table} starts with {@code column} (so lookups and FK checks on it use it). */
    private boolean indexed(String table, String column) throws SQLException {
        return ((Number) sqlValue("SELECT count(*) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid "
                + "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0] "
                + "WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = '" + table
                + "' AND a.attname = '" + column + "'")).longValue() > 0;
    }

    /** Whether a unique index or constraint covers exactly {@code columns} of {@code table}. */
    private boolean uniqueOn(String table, String... columns) throws SQLException {
        Set<String> wanted = new TreeSet<>(List.of(columns));
        return ((Number) sqlValue("SELECT count(*) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid "
                + "WHERE i.indisunique AND t.relnamespace = current_schema()::regnamespace AND t.relname = '" + table
                + "' AND (SELECT array_agg(a.attname::text ORDER BY a.attname::text) FROM pg_attribute a "
                + "WHERE a.attrelid = t.oid AND a.attnum = ANY (i.indkey)) = ARRAY['" + String.join("','", wanted)
                + "']::text[]")).longValue() > 0;
    }

    @Test
    void foreignKeysReferenceTheirTargets() throws Exception {
        db.schema().create(IN_ORDER);
        assertEquals(Map.of("publisher_id", "publisher"), foreignKeys("writer"));
        assertEquals(Map.of("writer_id", "writer"), foreignKeys("post"));
        assertEquals(Map.of("post_id", "post", "author_id", "writer"), foreignKeys("remark"));
        assertEquals(Map.of("post_id", "post", "tag_id", "tag"), foreignKeys(JOIN_TABLE));
        assertEquals(Map.of(), foreignKeys("tag"));
        assertEquals(Map.of(), foreignKeys("publisher"));
    }

    @Test
    void requiredRelationsAreNotNullAndOptionalOnesNullable() throws Exception {
        db.schema().create(IN_ORDER);
        assertFalse(columns("post").get("writer_id"), "@ManyToOne(optional = false) @JoinColumn(nullable = false)");
        assertFalse(columns("remark").get("post_id"));
        assertTrue(columns("writer").get("publisher_id"), "a plain @ManyToOne is nullable");
        assertTrue(columns("remark").get("author_id"));
    }

    @Test
    void toManySidesHaveNoColumns() throws Exception {
        db.schema().create(IN_ORDER);
        assertEquals(Set.of("id", "name"), columns("publisher").keySet(), "@OneToMany(mappedBy) writers has no column");
        assertEquals(Set.of("id", "name", "publisher_id"), columns("writer").keySet());
        assertEquals(Set.of("id", "title", "published", "views", "writer_id"), columns("post").keySet(),
                "the owning @ManyToMany lives in the join table");
        assertEquals(Set.of("id", "name"), columns("tag").keySet());
    }

    @Test
    void theJoinTableHasTwoRequiredKeysAndAUniquePair() throws Exception {
        db.schema().create(IN_ORDER);
        assertTrue(tableExists(JOIN_TABLE), "the join table of Post.tags");
        Map<String, Boolean> columns = columns(JOIN_TABLE);
        assertEquals(Boolean.FALSE, columns.get("post_id"), columns.toString());
        assertEquals(Boolean.FALSE, columns.get("tag_id"), columns.toString());
        assertTrue(uniqueOn(JOIN_TABLE, "post_id", "tag_id"), "the pair is unique");
        sql("INSERT INTO writer (name) VALUES ('w')");
        sql("INSERT INTO post (title, published, views, writer_id) VALUES ('p', false, 0, (SELECT id FROM writer))");
        sql("INSERT INTO tag (name) VALUES ('t')");
        sql("INSERT INTO " + JOIN_TABLE + " (post_id, tag_id) SELECT p.id, t.id FROM post p, tag t");
        assertThrows(SQLException.class, () -> sql("INSERT INTO " + JOIN_TABLE + " (post_id, tag_id) SELECT p.id, t.id FROM post p, tag t"));
    }

    @Test
    void everyForeignKeyColumnIsIndexed() throws Exception {
        db.schema().create(IN_ORDER);
        for (String[] column : new String[][]{{"writer", "publisher_id"}, {"post", "writer_id"}, {"remark", "post_id"},
                {"remark", "author_id"}, {JOIN_TABLE, "post_id"}, {JOIN_TABLE, "tag_id"}}) {
            assertTrue(indexed(column[0], column[1]), "no index starts with " + column[0] + "." + column[1]);
        }
        assertTrue(uniqueOn("writer", "name"), "@Column(unique = true)");
        assertTrue(uniqueOn("tag", "name"));
    }

    @Test
    void createOrdersTablesByDependencyWhateverTheArgumentOrder() throws Exception {
        List<String> ddl = db.schema().createStatements(SHUFFLED);
        int publisher = creates(ddl, "publisher");
        int writer = creates(ddl, "writer");
        int tag = creates(ddl, "tag");
        int post = creates(ddl, "post");
        int remark = creates(ddl, "remark");
        int join = creates(ddl, JOIN_TABLE);
        assertTrue(publisher < writer && writer < post && post < remark && tag < join && post < join, ddl::toString);

        db.schema().create(SHUFFLED);
        for (String table : List.of("publisher", "writer", "tag", "post", "remark", JOIN_TABLE)) {
            assertTrue(tableExists(table), table);
        }
        assertEquals(Map.of("post_id", "post", "author_id", "writer"), foreignKeys("remark"));
    }

    /** The index of the statement creating {@code table}. */
    private static int creates(List<String> ddl, String table) {
        Pattern create = Pattern.compile("(?is)\\s*CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\S+\\.)?\"?"
                + Pattern.quote(table) + "\"?\\s*\\(.*");
        for (int i = 0; i < ddl.size(); i++) {
            if (create.matcher(ddl.get(i)).matches()) {
                return i;
            }
        }
        throw new AssertionError("no CREATE TABLE " + table + " in " + ddl);
    }

    @Test
    void createIsIdempotentWithRelations() throws Exception {
        db.schema().create(IN_ORDER);
        db.objects(Tag.class).create(new Tag("kept"));
        db.schema().create(SHUFFLED);
        assertEquals(1, db.objects(Tag.class).count());
        assertEquals(2, foreignKeys("remark").size(), "no duplicated constraints");
        assertEquals(2L, ((Number) sqlValue("SELECT count(*) FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid "
                + "WHERE k.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = 'remark'")).longValue());
    }

    @Test
    void dropRemovesTheTablesAndTheJoinTableInAnyOrder() throws Exception {
        db.schema().create(IN_ORDER);
        db.schema().drop(IN_ORDER);
        for (String table : List.of("publisher", "writer", "tag", "post", "remark", JOIN_TABLE)) {
            assertFalse(tableExists(table), table + " still exists");
        }
        db.schema().drop(IN_ORDER);
    }

    @Test
    void droppingTheOwnerDropsItsJoinTable() throws Exception {
        db.schema().create(IN_ORDER);
        db.schema().drop(Remark.class, Post.class);
        assertFalse(tableExists(JOIN_TABLE), "the join table belongs to Post.tags");
        assertTrue(tableExists("tag"));
        assertTrue(tableExists("writer"));
    }

    @Test
    void theDatabaseEnforcesTheRelations() throws Exception {
        db.schema().create(IN_ORDER);
        IntegrityException missing = assertThrows(IntegrityException.class,
                () -> db.objects(Post.class).create(Map.of("title", "x", "writer_id", 999_999L)));
        assertNotNull(missing.constraint(), "a foreign-key violation names its constraint");
        assertEquals("23503", missing.sqlState());
        IntegrityException noWriter = assertThrows(IntegrityException.class,
                () -> db.objects(Post.class).create(Map.of("title", "y")));
        assertEquals("23502", noWriter.sqlState(), "a required foreign key is NOT NULL in the database");
        assertEquals(0, db.objects(Post.class).count());
    }

    @Test
    void asyncCreateAndDropAgreeWithSync() throws Exception {
        await(db.schema().acreate(SHUFFLED));
        assertEquals(Map.of("post_id", "post", "tag_id", "tag"), foreignKeys(JOIN_TABLE));
        await(db.schema().adrop(IN_ORDER));
        assertFalse(tableExists(JOIN_TABLE));
        assertFalse(tableExists("post"));
    }
}
