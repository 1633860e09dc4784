package dev.quarry.spi;

/**
 * The current row of a result, valid only inside {@link RowMapper#map(Row)}.
 *
 * <p>Every provider must convert a column to these types: {@code String, Boolean, Short, Integer, Long,
 * Float, Double, java.math.BigDecimal, java.math.BigInteger, byte[], java.util.UUID, java.time.LocalDate,
 * java.time.LocalTime, java.time.LocalDateTime, java.time.OffsetDateTime, java.time.Instant} and
 * {@code Object} (the driver's natural type). SQL NULL is {@code null} for every type.
 */
public interface Row {

    /** How many columns the result has. */
    int columnCount();

    /** The label of column {@code index} (1-based). */
    String columnName(int index);

    /** The value of column {@code index} (1-based) converted to {@code type}, or {@code null} for SQL NULL. */
    <T> T get(int index, Class<T> type);
}
