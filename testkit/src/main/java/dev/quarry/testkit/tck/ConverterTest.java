package dev.quarry.testkit.tck;

import dev.quarry.F;
import dev.quarry.Manager;
import dev.quarry.Quarry;
import dev.quarry.testkit.TckBase;
import dev.quarry.testkit.models.Product;
import dev.quarry.testkit.models.Product.Color;
import dev.quarry.testkit.models.Product.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JPA {@code AttributeConverter}s: named with {@code @Convert}, or auto-applied once registered with
 * {@code QuarryBuilder.converter(...)}; values, lookups and updates all go through them.
 */
class ConverterTest extends TckBase {

    private Quarry converting;

    @Override
    protected List<Class<?>> models() {
        return List.of();
    }

    @BeforeAll
    void openAQuarryWithTheConverter() {
        converting = configuration.builder(database.url(), database.user(), database.password(), 4)
                .converter(new Product.ColorConverter()).build();
        converting.schema().drop(Product.class);
        converting.schema().create(Product.class);
    }

    @AfterAll
    void closeIt() {
        converting.schema().drop(Product.class);
        converting.close();
    }

    @BeforeEach
    void empty() {
        products().delete();
    }

    private Manager<Product> products() {
        return converting.objects(Product.class);
    }

    @Test
    void valuesAreStoredInTheConvertersColumnType() throws Exception {
        Product p = products().create(new Product("lamp", new Money(1999), new Color(255, 136, 0)));
        assertEquals(1999L, ((Number) sqlValue("SELECT price FROM tck_product WHERE id = " + p.id)).longValue());
        assertEquals("#ff8800", sqlValue("SELECT color FROM tck_product WHERE id = " + p.id));
        Product read = products().get("pk", p.id);
        assertEquals(new Money(1999), read.price);
        assertEquals(new Color(255, 136, 0), read.color);
        assertTrue(converting.schema().createStatements(Product.class).getFirst()
                .contains("\"price\" BIGINT, \"color\" TEXT"));
    }

    @Test
    void lookupsConvertTheirValues() {
        Product cheap = products().create(new Product("cheap", new Money(100), new Color(0, 0, 0)));
        Product dear = products().create(new Product("dear", new Money(10_000), new Color(255, 255, 255)));
        assertEquals(List.of(dear), products().filter("price__gt", new Money(500)).list());
        assertEquals(List.of(cheap), products().filter("price", new Money(100)).list());
        assertEquals(List.of(cheap, dear), products().filter("price__in", List.of(new Money(100), new Money(10_000)))
                .orderBy("pk").list());
        assertEquals(List.of(dear), products().filter("color", new Color(255, 255, 255)).list());
        assertEquals(List.of(cheap, dear), products().filter("price__range", List.of(new Money(1), new Money(10_000)))
                .orderBy("price").list());
        assertEquals(List.of(new Money(100), new Money(10_000)),
                products().orderBy("price").valuesListFlat("price", Money.class).list());
        assertEquals(Map.of("color", new Color(0, 0, 0)), products().filter("pk", cheap.id).values("color").get());
        assertEquals(List.of(dear), products().filter("color__startswith", new Color(255, 255, 255)).list(),
                "a pattern lookup compares the converted text");
        assertEquals(List.of(dear), products().filter("color__icontains", "FFF").list());
    }

    @Test
    void updatesConvertTheirValues() {
        Product p = products().create(new Product("p", new Money(100), new Color(1, 2, 3)));
        assertEquals(1, products().filter("pk", p.id).update(Map.of("price", new Money(250), "color", new Color(4, 5, 6))));
        Product read = products().get("pk", p.id);
        assertEquals(new Money(250), read.price);
        assertEquals(new Color(4, 5, 6), read.color);
        assertEquals(1, products().filter("pk", p.id).update(Map.of("price", F.of("price").plus(50))));
        assertEquals(new Money(300), products().get("pk", p.id).price);
        read.price = new Money(7);
        products().save(read);
        assertEquals(new Money(7), products().aget("pk", p.id).join().price);
    }

    @Test
    void anAutoAppliedConverterMustBeRegistered() {
        assertThrows(IllegalArgumentException.class, () -> db.objects(Product.class).count(),
                "without the registration a Color field has no column type");
        assertThrows(IllegalArgumentException.class, () -> Quarry.builder().converter(new Product.CentsConverter()),
                "a converter without @Converter(autoApply = true) is not auto-applied");
    }
}
