package dev.quarry.internal.meta;

/** What a model field is, as far as SQL is concerned. */
public enum FieldKind {
    /** A plain column. */
    COLUMN,
    /** A {@code @ManyToOne} or owning {@code @OneToOne}: a foreign-key column holding the target's pk. */
    FOREIGN_KEY,
    /** A {@code @OneToMany(mappedBy)} or inverse {@code @OneToOne}: no column, the other side holds the key. */
    REVERSE,
    /** A {@code @ManyToMany}: no column, a join table holds the links. */
    MANY_TO_MANY
}
