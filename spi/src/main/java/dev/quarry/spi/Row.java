package dev.quarry.spi;

/**
 * The current row of a result, valid only inside {@link RowMapper#map(Row)}.
 *
 * <p>Every provider must convert a column to these types: {@code String, Boolean, Short, Integer, Long,
 * Float, Double, java.math.BigDecimal, java.math.BigInteger, byte[], java.util.UUID, java.time.LocalDate,
 * java.time.LocalTime, java.time.LocalDateTime, java.time.OffsetDateTime, java.time.Instant} and
 * {@code Object} (the driver's natural type). SQL NULL is {@code null} for every type.
 *
 * <p>Field types beyond the scalars, which the api encodes and decodes itself so that a provider converts only
 * these few forms:
 * <ul>
 *   <li>{@link JsonText}: the text of a {@code json}/{@code jsonb} column (JSON {@code null} is the text
 *       {@code "null"}, SQL NULL is {@code null});</li>
 *   <li>{@link java.time.Duration}: an {@code interval} column, converted with {@link Intervals#duration};</li>
 *   <li>a one-dimensional array class of one of the scalar types above ({@code String[].class},
 *       {@code Integer[].class}, {@code Long[].class}, {@code java.util.UUID[].class}, {@code Boolean[].class},
 *       {@code java.math.BigDecimal[].class}, {@code java.time.LocalDate[].class}...): a SQL array column, each
 *       element converted as that scalar type would be (SQL NULL elements stay {@code null}).</li>
 * </ul>
 */
public interface Row {

    /** How many columns the result has. */
    int columnCount();

    /** The label of column {@code index} (1-based). */
    String columnName(int index);

    /** The value of column {@code index} (1-based) converted to {@code type}, or {@code null} for SQL NULL. */
    <T> T get(int index, Class<T> type);
}
