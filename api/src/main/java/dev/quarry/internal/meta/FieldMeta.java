package dev.quarry.internal.meta;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.util.List;

/**
 * One field of a model: its column, type conversion, constraints and fast accessors.
 *
 * @param name         the Java field name, used in lookups
 * @param column       the column name ({@code null} for REVERSE and MANY_TO_MANY)
 * @param kind         what the field is in SQL
 * @param codec        converts the value ({@code FOREIGN_KEY}: the target's pk value)
 * @param primitive    the Java field is primitive (a SQL NULL leaves it at its default)
 * @param pk           the {@code @Id}
 * @param generated    the database generates the value ({@code @GeneratedValue})
 * @param version      the {@code @Version} counter
 * @param nullable     NULL allowed
 * @param unique       {@code @Column(unique = true)} (or the pk)
 * @param length       {@code @Column(length)} when given, else 0
 * @param precision    {@code @Column(precision)}
 * @param scale        {@code @Column(scale)}
 * @param target       the related model of a relation, else {@code null}
 * @param mappedBy     the owning side's field of a REVERSE or inverse MANY_TO_MANY
 * @param joinTable    the join table of an owning MANY_TO_MANY
 * @param cascadeRemove deleting the owner deletes the related rows
 * @param reflected    the reflected field
 * @param getter       {@code (Object)Object}
 * @param setter       {@code (Object,Object)void}
 */
public record FieldMeta(String name, String column, FieldKind kind, Codec codec, boolean primitive, boolean pk,
                        boolean generated, boolean version, boolean nullable, boolean unique, int length,
                        int precision, int scale, Class<?> target, String mappedBy, JoinTableMeta joinTable,
                        boolean cascadeRemove, Field reflected, MethodHandle getter, MethodHandle setter) {

    /**
     * A join table of a many-to-many.
     *
     * @param table         the table
     * @param ownerColumn   the column holding the owner's pk
     * @param targetColumn  the column holding the target's pk
     */
    public record JoinTableMeta(String table, String ownerColumn, String targetColumn) {
    }

    /**
     * A column that belongs to no model field (a link table's key), readable with {@code codec}; it cannot be
     * read from or written to an instance.
     */
    public static FieldMeta column(String column, Codec codec) {
        return new FieldMeta(column, column, FieldKind.COLUMN, codec, false, false, false, false, false, false, 0, 0, 0,
                null, null, null, false, null, null, null);
    }

    /** Whether the field is stored in the model's own table. */
    public boolean isConcrete() {
        return kind == FieldKind.COLUMN || kind == FieldKind.FOREIGN_KEY;
    }

    /** Reads the field of {@code obj}. */
    public Object get(Object obj) {
        try {
            return (Object) getter.invokeExact(obj);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Cannot read " + name, t);
        }
    }

    /** Writes the field of {@code obj}; a null into a primitive field is skipped. */
    public void set(Object obj, Object value) {
        if (value == null && primitive) {
            return;
        }
        try {
            setter.invokeExact(obj, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Cannot write " + name, t);
        }
    }

    /** The names of these fields. */
    public static List<String> names(List<FieldMeta> fields) {
        return fields.stream().map(FieldMeta::name).toList();
    }
}
