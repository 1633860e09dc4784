package dev.quarry.testkit.tck;

import dev.quarry.FieldException;
import dev.quarry.Manager;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Address;
import dev.quarry.testkit.models.Person;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @Embedded}/{@code @Embeddable} values: JPA column names, {@code @AttributeOverride}, lookups, values, orderBy, update. */
class EmbeddedTest extends TckBase {

    private Person ann;
    private Person bob;

    @Override
    protected List<Class<?>> models() {
        return List.of(Person.class);
    }

    private Manager<Person> people() {
        return db.objects(Person.class);
    }

    @BeforeEach
    void createPeople() {
        Address home = new Address("1 Main St", "Springfield");
        home.geo = new Address.Geo(44.0, -123.0);
        ann = people().create(new Person("ann", home, new Address("9 Work Rd", "Shelbyville")));
        bob = people().create(new Person("bob", new Address("2 Elm St", "Capital City"), null));
    }

    @Test
    void columnsFollowJpaNamingAndOverrides() {
        String ddl = db.schema().createStatements(Person.class).getFirst();
        assertTrue(ddl.contains("\"street\" TEXT, \"city_name\" TEXT, \"lat\" DOUBLE PRECISION, \"lon\" DOUBLE PRECISION, "
                + "\"work_street\" TEXT, \"work_city\" TEXT, \"work_lat\" DOUBLE PRECISION, \"work_lon\" DOUBLE PRECISION"), ddl);
    }

    @Test
    void embeddedValuesSurviveARoundTrip() {
        Person a = people().get("pk", ann.id);
        assertEquals(ann.home, a.home);
        assertEquals(ann.work, a.work);
        Person b = people().aget("pk", bob.id).join();
        assertEquals(bob.home, b.home);
        assertNull(b.home.geo, "a nested embeddable of NULL columns reads as null");
        assertNull(b.work, "an embedded value of NULL columns reads as null");
    }

    @Test
    void lookupsReachIntoEmbeddedValues() {
        assertEquals(List.of(ann), people().filter("home__city__iexact", "springfield").list());
        assertEquals(List.of(ann), people().filter("work__city", "Shelbyville").list());
        assertEquals(List.of(bob), people().filter("work__city__isnull", true).list());
        assertEquals(List.of(ann), people().filter("home__geo__lat__gt", 40).list());
        assertEquals(List.of(ann), people().filter("work__street__startswith", "9").alist().join());
    }

    @Test
    void valuesAndOrderByNameEmbeddedFields() {
        assertEquals(List.of("Capital City", "Springfield"), people().orderBy("home__city")
                .valuesListFlat("home__city", String.class).list());
        assertEquals(List.of(bob, ann), people().orderBy("-name").list());
        assertEquals(Map.of("name", "ann", "work__city", "Shelbyville"),
                people().filter("pk", ann.id).values("name", "work__city").get());
    }

    @Test
    void updateAndSaveWriteEmbeddedColumns() {
        assertEquals(1, people().filter("pk", bob.id).update(Map.of("work__city", "Ogdenville")));
        assertEquals("Ogdenville", people().get("pk", bob.id).work.city);
        Person a = people().get("pk", ann.id);
        a.home.city = "North Haverbrook";
        a.work = null;
        people().save(a);
        Person read = people().get("pk", ann.id);
        assertEquals("North Haverbrook", read.home.city);
        assertNull(read.work);
    }

    @Test
    void anEmbeddedValueAloneIsNotAField() {
        FieldException e = assertThrows(FieldException.class, () -> people().filter("home", "x").count());
        assertTrue(e.getMessage().contains("home__city"), e.getMessage());
        assertThrows(FieldException.class, () -> people().filter("home__nope", "x").count());
    }
}
