package dev.quarry.testkit.tck;

import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.Functions;
import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Reporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.quarry.testkit.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Text functions, ported from Django's {@code tests/db_functions/text} (test_lower, test_upper, test_length,
 * test_concat, test_substr, test_trim, test_replace, test_strindex, test_left, test_right, test_repeat, test_reverse,
 * test_pad) with Django's expected values, on its Author model ({@link Reporter}).
 */
class TextFunctionsTest extends TckBase {

    private Manager<Reporter> authors;

    @Override
    protected List<Class<?>> models() {
        return List.of(Reporter.class);
    }

    @BeforeEach
    void manager() {
        authors = db.objects(Reporter.class);
    }

    private void create(String name, String alias, String goesBy) {
        authors.create(new Reporter(name, alias, goesBy, 30));
    }

    private void smithAndRhonda() {
        create("John Smith", "smithj", null);
        create("Rhonda", null, null);
    }

    private <V> List<V> annotated(dev.quarry.Expression e, Class<V> type) {
        return authors.annotate("x", e).orderBy("name").valuesListFlat("x", type).list();
    }

    @Test
    void lower() {
        smithAndRhonda();
        assertEquals(List.of("john smith", "rhonda"), annotated(Functions.lower("name"), String.class));
        authors.update(Map.of("name", Functions.lower("name")));
        assertEquals(List.of("john smith", "rhonda"), authors.orderBy("name").valuesListFlat("name", String.class).list());
    }

    @Test
    void upper() {
        smithAndRhonda();
        assertEquals(List.of("JOHN SMITH", "RHONDA"), await(authors.annotate("x", Functions.upper("name")).orderBy("name")
                .valuesListFlat("x", String.class).alist()));
        authors.update(Map.of("name", Functions.upper("name")));
        assertEquals(List.of("JOHN SMITH", "RHONDA"), authors.orderBy("name").valuesListFlat("name", String.class).list());
    }

    @Test
    void length() {
        smithAndRhonda();
        var rows = authors.annotate("nameLength", Functions.length("name")).annotate("aliasLength", Functions.length("alias"))
                .orderBy("name").valuesList("nameLength", "aliasLength").list();
        assertEquals(List.of(Arrays.asList(10, 6), Arrays.asList(6, null)), rows);
        assertEquals(List.of("John Smith"), authors.alias("l", Functions.length("name")).filter("l__gt", 7)
                .valuesListFlat("name", String.class).list());
    }

    @Test
    void lengthOrdering() {
        create("John Smith", "smithj", null);
        create("John Smith", "smithj1", null);
        create("Rhonda", "ronny", null);
        var names = authors.alias("l", Functions.length("name")).alias("a", Functions.length("alias"))
                .orderBy("l", "a").valuesListFlat("alias", String.class).list();
        assertEquals(List.of("ronny", "smithj", "smithj1"), names);
    }

    @Test
    void concatTreatsNullAsEmpty() {
        create("Jayden", null, null);
        create("John Smith", "smithj", "John");
        create("Margaret", null, "Maggie");
        create("Rhonda", "adnohR", null);
        assertEquals(List.of("", "smithjJohn", "Maggie", "adnohR"), annotated(Functions.concat("alias", "goesBy"), String.class));
        assertThrows(IllegalArgumentException.class, () -> Functions.concat(F.value("a")), "Concat must take at least two expressions");
    }

    @Test
    void concatMany() {
        create("Jayden", null, null);
        create("John Smith", "smithj", "John");
        create("Margaret", null, "Maggie");
        create("Rhonda", "adnohR", null);
        assertEquals(List.of("Jayden ()", "John Smith (John)", "Margaret (Maggie)", "Rhonda ()"),
                annotated(Functions.concat("name", F.value(" ("), "goesBy", F.value(")")), String.class));
    }

    @Test
    void substr() {
        smithAndRhonda();
        assertEquals(List.of(" Sm", "da"), annotated(Functions.substr("name", 5, 3), String.class));
        assertEquals(List.of("ohn Smith", "honda"), annotated(Functions.substr("name", 2), String.class));
        authors.filter("alias__isnull", true).update(Map.of("alias", Functions.lower(Functions.substr("name", 1, 5))));
        assertEquals(List.of("smithj", "rhond"), authors.orderBy("name").valuesListFlat("alias", String.class).list());
        assertThrows(IllegalArgumentException.class, () -> Functions.substr("name", 0));
    }

    @Test
    void trims() {
        create("  John ", "j", null);
        create("Rhonda", "r", null);
        var rows = authors.annotate("l", Functions.ltrim("name")).annotate("r", Functions.rtrim("name"))
                .annotate("t", Functions.trim("name")).orderBy("alias").valuesList("l", "r", "t").list();
        assertEquals(List.of(List.of("John ", "  John", "John"), List.of("Rhonda", "Rhonda", "Rhonda")), rows);
    }

    @Test
    void replace() {
        create("George R. R. Martin", null, null);
        create("J. R. R. Tolkien", null, null);
        assertEquals(List.of("George Martin", "J. Tolkien"), annotated(Functions.replace(F.of("name"), "R. R. ", ""), String.class));
        assertEquals(List.of("George Martin", "J. Tolkien"), annotated(Functions.replace(F.of("name"), "R. R. "), String.class));
        assertEquals(List.of("George R. R. Martin", "J. R. R. Tolkien"),
                annotated(Functions.replace(F.of("name"), "r. r.", ""), String.class), "case-sensitive");
        assertEquals(List.of("George R. R. Martin", "J. R. R. Tolkien"), annotated(Functions.replace(
                Functions.concat(F.value("Author: "), "name"), "Author: ", ""), String.class));
        authors.update(Map.of("name", Functions.replace(F.of("name"), "R. R. ", "")));
        assertEquals(List.of("George Martin", "J. Tolkien"), authors.orderBy("name").valuesListFlat("name", String.class).list());
    }

    @Test
    void strIndex() {
        create("George. R. R. Martin", null, null);
        create("J. R. R. Tolkien", null, null);
        create("Terry Pratchett", null, null);
        assertEquals(List.of(9, 4, 0), annotated(Functions.strIndex("name", "R."), Integer.class));
        assertEquals(List.of("Terry Pratchett"), authors.alias("i", Functions.strIndex("name", "R.")).filter("i", 0)
                .valuesListFlat("name", String.class).list());
    }

    @Test
    void leftAndRight() {
        smithAndRhonda();
        assertEquals(List.of("John ", "Rhond"), annotated(Functions.left("name", 5), String.class));
        assertEquals(List.of("Smith", "honda"), annotated(Functions.right("name", 5), String.class));
        assertThrows(IllegalArgumentException.class, () -> Functions.left("name", 0), "'length' must be greater than 0.");
        authors.filter("alias__isnull", true).update(Map.of("alias", Functions.lower(Functions.left("name", 2))));
        assertEquals(List.of("smithj", "rh"), authors.orderBy("name").valuesListFlat("alias", String.class).list());
    }

    @Test
    void repeatReverseAndPad() {
        create("John", "x", null);
        assertEquals(List.of("JohnJohnJohn"), annotated(Functions.repeat("name", 3), String.class));
        assertEquals(List.of("nhoJ"), annotated(Functions.reverse("name"), String.class));
        assertEquals(List.of("--John"), annotated(Functions.lpad("name", 6, "-"), String.class));
        assertEquals(List.of("John--"), annotated(Functions.rpad("name", 6, "-"), String.class));
    }

    @Test
    void aFunctionNamesFieldsThatExist() {
        FieldException e = assertThrows(FieldException.class, () -> authors.annotate("x", Functions.upper("nmae")));
        assertEquals(true, e.getMessage().contains("name"), e.getMessage());
    }

    @Test
    void aThirdPartyFunctionIsOneFunc() {
        smithAndRhonda();
        var initcap = dev.quarry.Func.of("INITCAP", Functions.lower("name")).outputType(String.class);
        assertEquals(List.of("John Smith", "Rhonda"), annotated(initcap, String.class));
        var templated = dev.quarry.Func.of("ANY", "name", F.value("!")).template("(%s || %s)").outputType(String.class);
        assertEquals(List.of("John Smith!", "Rhonda!"), annotated(templated, String.class));
        assertThrows(IllegalArgumentException.class, () -> dev.quarry.Func.of("DROP TABLE x"));
    }
}
