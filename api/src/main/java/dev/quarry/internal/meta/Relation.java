package dev.quarry.internal.meta;

/**
 * How one model reaches another through a field, whichever side declares it.
 *
 * @param kind        forward foreign key, reverse foreign key (the other side holds the key), or many-to-many
 * @param owner       the model the relation is followed from
 * @param target      the model it reaches
 * @param field       the field followed (on the owner; for an undeclared reverse FK, the target's foreign key)
 * @param foreignKey  for FORWARD: the owner's key; for REVERSE: the target's key pointing at the owner
 * @param joinTable   for MANY_TO_MANY: the link table, with {@code ownerColumn} pointing at the owner
 * @param ownerColumn for MANY_TO_MANY: the link table's column holding the owner's pk
 * @param targetColumn for MANY_TO_MANY: the link table's column holding the target's pk
 */
public record Relation(Kind kind, ModelMeta<?> owner, ModelMeta<?> target, FieldMeta field, FieldMeta foreignKey,
                       String joinTable, String ownerColumn, String targetColumn) {

    /** The three shapes of a relation. */
    public enum Kind {
        /** The owner holds a key to one target. */
        FORWARD,
        /** Targets hold a key to the owner: one owner, many targets. */
        REVERSE,
        /** A link table joins many owners to many targets. */
        MANY_TO_MANY
    }

    /** Whether following it can yield several rows per owner. */
    public boolean isToMany() {
        return kind != Kind.FORWARD;
    }

    /**
     * The relation a field of {@code owner} declares: a {@code @ManyToOne}/owning {@code @OneToOne}, a
     * {@code @OneToMany(mappedBy)}/inverse {@code @OneToOne}, or either side of a {@code @ManyToMany}.
     */
    public static Relation of(ModelMeta<?> owner, FieldMeta field) {
        ModelMeta<?> target = owner.models().meta(field.target());
        return switch (field.kind()) {
            case FOREIGN_KEY -> new Relation(Kind.FORWARD, owner, target, field, field, null, null, null);
            case REVERSE -> {
                FieldMeta fk = target.field(field.mappedBy());
                if (fk == null || fk.kind() != FieldKind.FOREIGN_KEY) {
                    throw new IllegalArgumentException(owner.type().getSimpleName() + "." + field.name() + ": mappedBy names '"
                            + field.mappedBy() + "', which is not a @ManyToOne on " + target.type().getSimpleName() + ".");
                }
                yield new Relation(Kind.REVERSE, owner, target, field, fk, null, null, null);
            }
            case MANY_TO_MANY -> {
                if (field.joinTable() != null) {
                    FieldMeta.JoinTableMeta jt = field.joinTable();
                    yield new Relation(Kind.MANY_TO_MANY, owner, target, field, null, jt.table(), jt.ownerColumn(), jt.targetColumn());
                }
                FieldMeta owning = target.field(field.mappedBy());
                if (owning == null || owning.joinTable() == null) {
                    throw new IllegalArgumentException(owner.type().getSimpleName() + "." + field.name() + ": mappedBy names '"
                            + field.mappedBy() + "', which is not an owning @ManyToMany on " + target.type().getSimpleName() + ".");
                }
                FieldMeta.JoinTableMeta jt = owning.joinTable();
                yield new Relation(Kind.MANY_TO_MANY, owner, target, field, null, jt.table(), jt.targetColumn(), jt.ownerColumn());
            }
            case COLUMN -> throw new IllegalArgumentException("'" + field.name() + "' is not a relation.");
        };
    }

    /**
     * The relation {@code owner} has to {@code targetType} through {@code name}: a relation field of the owner,
     * or, for the undeclared reverse side of a {@code @ManyToOne}, the name of that foreign key on the target
     * or Django's {@code <target>_set}. {@code null} when none matches.
     */
    public static Relation find(ModelMeta<?> owner, String name, Class<?> targetType) {
        FieldMeta f = owner.field(name);
        if (f != null && f.kind() != FieldKind.COLUMN && (targetType == null || f.target() == targetType)) {
            return of(owner, f);
        }
        if (targetType == null) {
            return null;
        }
        ModelMeta<?> target = owner.models().meta(targetType);
        for (FieldMeta fk : target.concreteFields()) {
            if (fk.kind() == FieldKind.FOREIGN_KEY && fk.target() == owner.type()
                    && (fk.name().equals(name) || (Naming.snakeCase(targetType.getSimpleName()) + "_set").equals(name))) {
                return new Relation(Kind.REVERSE, owner, target, fk, fk, null, null, null);
            }
        }
        return null;
    }
}
