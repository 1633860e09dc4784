package dev.quarry.provider.jdbc;

import dev.quarry.spi.Connection;
import dev.quarry.spi.Database;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.Row;
import dev.quarry.spi.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every type listed on {@link Row}, bound as a parameter and read back, SQL NULL included. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowMappingTest {

    private static final String TABLE = "jdbcvt_types";
    private static final String COLUMNS = "s, b, sh, i, l, f, d, n, bi, by, u, ld, lt, ldt, odt, ins";

    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final BigInteger HUGE = BigInteger.TWO.pow(100).add(BigInteger.valueOf(7));
    private static final LocalDate DATE = LocalDate.of(2024, 2, 29);
    private static final LocalTime TIME = LocalTime.of(23, 59, 58, 123_456_000);
    private static final LocalDateTime DATE_TIME = LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_012_000);
    private static final OffsetDateTime OFFSET_DATE_TIME =
            OffsetDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_000, ZoneOffset.ofHours(2));
    private static final Instant INSTANT = Instant.parse("1999-12-31T23:59:59.999999Z");

    private Database database;
    private Connection connection;

    @BeforeAll
    void open() throws SQLException {
        Pg.jdbc("DROP TABLE IF EXISTS " + TABLE,
                "CREATE TABLE " + TABLE + " (id serial PRIMARY KEY, s text, b boolean, sh smallint, i integer,"
                        + " l bigint, f real, d double precision, n numeric(20, 5), bi numeric(40, 0), by bytea,"
                        + " u uuid, ld date, lt time, ldt timestamp, odt timestamptz, ins timestamptz)");
        database = Pg.open(2);
        connection = database.acquire();
    }

    @AfterAll
    void close() throws SQLException {
        connection.close();
        database.close();
        Pg.jdbc("DROP TABLE IF EXISTS " + TABLE);
    }

    @BeforeEach
    void empty() {
        connection.update(Statement.of("DELETE FROM " + TABLE));
    }

    private static final List<Class<?>> TYPES = List.of(String.class, Boolean.class, Short.class, Integer.class,
            Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class, byte[].class, UUID.class,
            LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class, Instant.class);

    private static List<Object> readAll(Row row) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < TYPES.size(); i++) {
            values.add(row.get(i + 1, TYPES.get(i)));
        }
        return values;
    }

    private void insert(List<Object> values) {
        long inserted = connection.update(new Statement("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values));
        assertEquals(1, inserted);
    }

    @Test
    void everyRowTypeRoundTripsThroughParametersAndRows() {
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        insert(List.of("héllo ✓", true, (short) -12, 42, 9_000_000_000L, 1.5f, 2.25d, new BigDecimal("12345.67890"),
                HUGE, bytes, ID, DATE, TIME, DATE_TIME, OFFSET_DATE_TIME, INSTANT));

        List<Object> row = connection.query(Statement.of("SELECT " + COLUMNS + " FROM " + TABLE), RowMappingTest::readAll)
                .getFirst();

        assertEquals("héllo ✓", row.get(0));
        assertEquals(Boolean.TRUE, row.get(1));
        assertEquals((short) -12, row.get(2));
        assertEquals(42, row.get(3));
        assertEquals(9_000_000_000L, row.get(4));
        assertEquals(1.5f, row.get(5));
        assertEquals(2.25d, row.get(6));
        assertEquals(new BigDecimal("12345.67890"), row.get(7));
        assertEquals(HUGE, row.get(8));
        assertArrayEquals(bytes, (byte[]) row.get(9));
        assertEquals(ID, row.get(10));
        assertEquals(DATE, row.get(11));
        assertEquals(TIME, row.get(12));
        assertEquals(DATE_TIME, row.get(13));
        assertEquals(OFFSET_DATE_TIME.toInstant(), ((OffsetDateTime) row.get(14)).toInstant());
        assertEquals(INSTANT, row.get(15));
    }

    @Test
    void sqlNullIsNullForEveryTypeIncludingBoxedPrimitives() {
        insert(Arrays.asList(new Object[16]));

        List<Object> row = connection.query(Statement.of("SELECT " + COLUMNS + " FROM " + TABLE), RowMappingTest::readAll)
                .getFirst();

        for (int i = 0; i < TYPES.size(); i++) {
            assertNull(row.get(i), "column " + (i + 1) + " read as " + TYPES.get(i).getSimpleName());
        }
    }

    @Test
    void zeroAndFalseAreNotMistakenForNull() {
        insert(List.of("", false, (short) 0, 0, 0L, 0f, 0d, BigDecimal.ZERO, BigInteger.ZERO, new byte[0], ID, DATE,
                LocalTime.MIDNIGHT, DATE_TIME, OFFSET_DATE_TIME, Instant.EPOCH));

        List<Object> row = connection.query(Statement.of("SELECT " + COLUMNS + " FROM " + TABLE), RowMappingTest::readAll)
                .getFirst();

        assertEquals(List.of("", false, (short) 0, 0, 0L, 0f, 0d), row.subList(0, 7));
        assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) row.get(7)));
        assertEquals(BigInteger.ZERO, row.get(8));
        assertEquals(0, ((byte[]) row.get(9)).length);
        assertEquals(LocalTime.MIDNIGHT, row.get(12));
        assertEquals(Instant.EPOCH, row.get(15));
    }

    @Test
    void objectReadsTheDriversNaturalType() {
        insert(List.of("x", true, (short) 1, 2, 3L, 1f, 2d, BigDecimal.ONE, BigInteger.TEN, new byte[]{1}, ID, DATE,
                TIME, DATE_TIME, OFFSET_DATE_TIME, INSTANT));

        Map<String, Object> natural = connection.query(
                Statement.of("SELECT s, b, i, l, d, n, u, by FROM " + TABLE), row -> {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 1; i <= row.columnCount(); i++) {
                        values.put(row.columnName(i), row.get(i, Object.class));
                    }
                    return values;
                }).getFirst();

        assertEquals(List.of("s", "b", "i", "l", "d", "n", "u", "by"), List.copyOf(natural.keySet()));
        assertEquals("x", natural.get("s"));
        assertEquals(Boolean.TRUE, natural.get("b"));
        assertEquals(2, natural.get("i"));
        assertEquals(3L, natural.get("l"));
        assertEquals(2d, natural.get("d"));
        assertInstanceOf(BigDecimal.class, natural.get("n"));
        assertEquals(ID, natural.get("u"));
        assertInstanceOf(byte[].class, natural.get("by"));
    }

    @Test
    void columnNamesAreTheLabels() {
        List<String> names = connection.query(Statement.of("SELECT 1 AS one, 'x' AS \"Two Words\", now()"), row -> {
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= row.columnCount(); i++) {
                labels.add(row.columnName(i));
            }
            return String.join("|", labels);
        }).stream().toList();

        assertEquals(List.of("one|Two Words|now"), names);
    }

    @Test
    void integersConvertAcrossWidthsAndTextConvertsToUuid() {
        List<Object> row = connection.query(Pg.sql("SELECT ?::int, ?::bigint, ?::text, ?::numeric", 7, 8L,
                ID.toString(), new BigDecimal("123")), r -> List.<Object>of(r.get(1, Long.class), r.get(2, Integer.class),
                r.get(3, UUID.class), r.get(4, BigInteger.class))).getFirst();

        assertEquals(List.of(7L, 8, ID, BigInteger.valueOf(123)), row);
    }

    @Test
    void infinityIsInstantMaxAndMinusInfinityInstantMin() {
        List<Instant> values = connection.query(Pg.sql("SELECT ?::timestamptz, ?::timestamptz, 'infinity'::timestamptz",
                Instant.MAX, Instant.MIN), r -> List.of(r.get(1, Instant.class), r.get(2, Instant.class),
                r.get(3, Instant.class))).getFirst();

        assertEquals(List.of(Instant.MAX, Instant.MIN, Instant.MAX), values);
    }

    @Test
    void aTimestamptzReadsAsALocalDateTimeInTheJvmZoneAndADateAsItsMidnight() {
        Instant instant = Instant.parse("2024-06-01T10:00:00Z");

        List<LocalDateTime> values = connection.query(Pg.sql("SELECT ?::timestamptz, date '2024-06-01'", instant),
                r -> List.of(r.get(1, LocalDateTime.class), r.get(2, LocalDateTime.class))).getFirst();

        assertEquals(List.of(LocalDateTime.ofInstant(instant, ZoneId.systemDefault()),
                LocalDate.of(2024, 6, 1).atStartOfDay()), values);
    }

    @Test
    void aFractionalNumberIsNotSilentlyTruncatedToBigInteger() {
        DriverException e = assertThrows(DriverException.class, () -> connection.query(
                Statement.of("SELECT 1.5::numeric"), r -> r.get(1, BigInteger.class)));

        assertEquals("22003", e.sqlState());
    }

    @Test
    void aQueryWithoutRowsGivesAnEmptyList() {
        assertEquals(List.of(), connection.query(Statement.of("SELECT s FROM " + TABLE), r -> r.get(1, String.class)));
        assertEquals(List.of(), connection.query(Statement.of("SET LOCAL work_mem = '8MB'"), r -> "unused"));
    }

    @Test
    void manyRowsMapInOrder() {
        List<Integer> values = connection.query(Pg.sql("SELECT g FROM generate_series(1, ?) g ORDER BY g", 5000),
                r -> r.get(1, Integer.class));

        assertEquals(5000, values.size());
        assertEquals(1, values.getFirst());
        assertEquals(5000, values.getLast());
        assertEquals(5000 * 5001 / 2, values.stream().mapToInt(Integer::intValue).sum());
    }
}
