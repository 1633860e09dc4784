package dev.quarry.testkit.models;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Locale;

/**
 * A model of JPA converters: {@code price} through {@code @Convert(converter = CentsConverter.class)} (a
 * {@code bigint} of cents), {@code color} through the auto-applied {@link ColorConverter} (a {@code text} like
 * {@code #ff8800}), which the Quarry must have registered with {@code QuarryBuilder.converter(...)}.
 */
@Entity
@Table(name = "tck_product")
public class Product {

    /** An amount of money, stored as cents. */
    public record Money(long cents) {
    }

    /** A color, stored as {@code #rrggbb}. */
    public record Color(int red, int green, int blue) {
    }

    /** Money as a {@code bigint} of cents. */
    public static final class CentsConverter implements AttributeConverter<Money, Long> {
        @Override
        public Long convertToDatabaseColumn(Money money) {
            return money == null ? null : money.cents();
        }

        @Override
        public Money convertToEntityAttribute(Long cents) {
            return cents == null ? null : new Money(cents);
        }
    }

    /** Every {@link Color} field as {@code #rrggbb} text. */
    @Converter(autoApply = true)
    public static final class ColorConverter implements AttributeConverter<Color, String> {
        @Override
        public String convertToDatabaseColumn(Color c) {
            return c == null ? null : String.format(Locale.ROOT, "#%02x%02x%02x", c.red(), c.green(), c.blue());
        }

        @Override
        public Color convertToEntityAttribute(String text) {
            return text == null ? null : new Color(Integer.parseInt(text.substring(1, 3), 16),
                    Integer.parseInt(text.substring(3, 5), 16), Integer.parseInt(text.substring(5, 7), 16));
        }
    }

    /** The pk. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** A name. */
    public String name;

    /** Converted by {@code @Convert}. */
    @Convert(converter = CentsConverter.class)
    public Money price;

    /** Converted by the auto-applied {@link ColorConverter}. */
    public Color color;

    /** For Quarry. */
    public Product() {
    }

    /** A product of every field. */
    public Product(String name, Money price, Color color) {
        this.name = name;
        this.price = price;
        this.color = color;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Product p && id != null && id.equals(p.id);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(id);
    }

    @Override
    public String toString() {
        return name;
    }
}
