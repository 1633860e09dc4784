package dev.quarry.provider.vertx;

import dev.quarry.spi.Connection;
import dev.quarry.spi.Database;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.Row;
import dev.quarry.spi.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pg client's values, converted to what {@link Row} promises, and bound back; through the SPI only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowMappingTest {

    private Database db;
    private Connection c;

    @BeforeAll
    void open() {
        db = Pg.open(1);
        c = db.acquire();
    }

    @AfterAll
    void close() {
        c.close();
        db.close();
    }

    private <T> T one(Statement statement, Function<Row, T> read) {
        return c.query(statement, read::apply).getFirst();
    }

    @Test
    void numbersConvertExactlyOrFail() {
        assertEquals(new BigDecimal("12.50"), one(Pg.sql("SELECT 12.50::numeric"), r -> r.get(1, BigDecimal.class)));
        assertEquals(new BigInteger("123456789012345678901234567890"),
                one(Pg.sql("SELECT 123456789012345678901234567890::numeric"), r -> r.get(1, BigInteger.class)));
        assertEquals(Long.valueOf(7), one(Pg.sql("SELECT 7::int2"), r -> r.get(1, Long.class)));
        assertEquals(Integer.valueOf(3), one(Pg.sql("SELECT 3::bigint"), r -> r.get(1, Integer.class)));
        DriverException range = assertThrows(DriverException.class,
                () -> one(Pg.sql("SELECT 5000000000::bigint"), r -> r.get(1, Integer.class)));
        assertEquals("22003", range.sqlState());
        assertEquals(new BigDecimal("42"), one(Pg.sql("SELECT ?::numeric", new BigDecimal("42")), r -> r.get(1, BigDecimal.class)));
        assertEquals(new BigDecimal("1.5"), one(Pg.sql("SELECT 1.5::numeric"), r -> r.get(1, Object.class)),
                "a numeric's natural type is BigDecimal, not the client's Numeric");
    }

    @Test
    void dateTimesKeepTheirMeaningAndInfinities() {
        Instant instant = Instant.parse("2025-03-04T05:06:07.123456Z");
        assertEquals(instant, one(Pg.sql("SELECT ?::timestamptz", instant), r -> r.get(1, Instant.class)));
        assertEquals(Instant.MAX, one(Pg.sql("SELECT 'infinity'::timestamptz"), r -> r.get(1, Instant.class)));
        assertEquals(Instant.MIN, one(Pg.sql("SELECT ?::timestamptz", Instant.MIN), r -> r.get(1, Instant.class)));
        assertEquals(LocalDateTime.of(2025, 3, 4, 5, 6, 7),
                one(Pg.sql("SELECT '2025-03-04 05:06:07+00'::timestamptz"), r -> r.get(1, LocalDateTime.class)),
                "a timestamptz read as a local date-time is seen in the session zone (UTC by default)");
        assertEquals(LocalDate.of(2025, 3, 4).atStartOfDay().atOffset(ZoneOffset.UTC),
                one(Pg.sql("SELECT DATE '2025-03-04'"), r -> r.get(1, OffsetDateTime.class)));
        assertEquals(LocalDate.MAX, one(Pg.sql("SELECT 'infinity'::date"), r -> r.get(1, LocalDate.class)));
    }

    @Test
    void bytesUuidsAndNulls() {
        byte[] bytes = {0, 1, (byte) 0xff};
        assertArrayEquals(bytes, one(Pg.sql("SELECT ?::bytea", (Object) bytes), r -> r.get(1, byte[].class)));
        assertArrayEquals(bytes, (byte[]) one(Pg.sql("SELECT '\\x0001ff'::bytea"), r -> r.get(1, Object.class)));
        UUID uuid = UUID.randomUUID();
        assertEquals(uuid, one(Pg.sql("SELECT ?::uuid", uuid), r -> r.get(1, UUID.class)));
        assertEquals(uuid, one(Pg.sql("SELECT ?::text", uuid.toString()), r -> r.get(1, UUID.class)));
        assertNull(one(Pg.sql("SELECT NULL::int"), r -> r.get(1, Integer.class)));
        assertEquals(List.of("a", "b"), c.query(Pg.sql("SELECT 1 AS a, 2 AS b"),
                r -> List.of(r.columnName(1), r.columnName(2))).getFirst());
    }

    @Test
    void anXmlColumnIsReadInTextAndFailsLoudlyInBinary() {
        assertTrue(one(Pg.sql("SELECT '<a/>'::xml"), r -> r.get(1, String.class)).contains("<a/>"));
        DriverException e = assertThrows(DriverException.class,
                () -> one(Pg.sql("SELECT '<a/>'::xml WHERE ? = 1", 1), r -> r.get(1, String.class)));
        assertEquals("0A000", e.sqlState(), "never a silent NULL");
        assertNull(one(Pg.sql("SELECT NULL::xml WHERE 1 = 1"), r -> r.get(1, String.class)));
    }
}
