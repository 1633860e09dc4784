package dev.quarry.internal.query;

import dev.quarry.Aggregate;
import dev.quarry.Expression;
import dev.quarry.F;
import dev.quarry.FieldException;
import dev.quarry.Q;
import dev.quarry.ValueException;
import dev.quarry.internal.meta.FieldKind;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.internal.meta.Relation;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns user-given lookups and expressions into checked {@link Node}s and {@link Operand}s, the way Django's
 * {@code Query.build_filter} does: every field name is checked against the model (or the annotations), every
 * lookup against {@link Lookups}, and every value converted for binding.
 */
public final class Resolver {

    private final ModelMeta<?> model;
    private final Map<String, Annotation> annotations;
    private final Map<String, Join> joins;

    /**
     * @param annotations the QuerySet's annotations by alias, which lookups may name
     * @param joins       the query's joins, to which lookups across relations add; {@code null} forbids them
     */
    public Resolver(ModelMeta<?> model, Map<String, Annotation> annotations, Map<String, Join> joins) {
        this.model = model;
        this.annotations = annotations;
        this.joins = joins;
    }

    /** A column reached by following relations: the operand, its field, the next part's index, its model. */
    private record Walk(Operand.Col column, FieldMeta field, int next, ModelMeta<?> owner) {
    }

    /** The to-many joins this resolver (one filter() call) made, by path. */
    private final Map<String, String> localToMany = new java.util.HashMap<>();

    /**
     * Follows {@code parts} from the root model through foreign keys (joining their tables) to a column;
     * stops at the first part that is not a field. {@code author__id} uses the key column, with no join.
     */
    private Walk walk(String path, String[] parts, boolean filtering) {
        ModelMeta<?> current = model;
        String alias = model.table();
        String prefix = "";
        for (int i = 0; ; i++) {
            FieldMeta field = current.fieldOrAttribute(parts[i]);
            if (field == null) {
                throw current.unknownField(parts[i], current == model ? new ArrayList<>(annotations.keySet()) : List.of());
            }
            boolean more = i + 1 < parts.length && !Lookups.isLookup(parts[i + 1]) && !Lookups.isTransform(parts[i + 1]);
            if (field.kind() == FieldKind.COLUMN || (field.kind() == FieldKind.FOREIGN_KEY && !more)) {
                return new Walk(new Operand.Col(alias, field), field, i + 1, current);
            }
            Relation relation = Relation.of(current, field);
            ModelMeta<?> target = relation.target();
            prefix = prefix.isEmpty() ? field.name() : prefix + "__" + field.name();
            if (relation.kind() == Relation.Kind.FORWARD) {
                boolean targetPk = "pk".equals(parts[i + 1]) || target.pk().name().equals(parts[i + 1]);
                if (targetPk && (i + 2 == parts.length || Lookups.isLookup(parts[i + 2]) || Lookups.isTransform(parts[i + 2]))) {
                    return new Walk(new Operand.Col(alias, field), field, i + 2, current);
                }
                String parent = alias;
                alias = joins(path).computeIfAbsent(prefix, p -> Join.forward(p, "T_" + p, target, parent, field)).alias();
            } else {
                alias = toMany(prefix, alias, relation, filtering);
            }
            current = target;
            if (!more) {
                return new Walk(new Operand.Col(alias, target.pk()), target.pk(), i + 1, target);
            }
        }
    }

    private Map<String, Join> joins(String path) {
        if (joins == null) {
            throw new UnsupportedOperationException("Relations cannot be followed here ('" + path + "').");
        }
        return joins;
    }

    /**
     * Joins a to-many relation. As in Django, the conditions of one filter() call share the join of a
     * multi-valued relation (they must hold for the same related row), while each filter() call gets joins
     * of its own (each condition may hold for a different related row).
     */
    private String toMany(String path, String parentAlias, Relation relation, boolean filtering) {
        Map<String, Join> all = joins(path);
        String known = localToMany.get(path);
        if (known != null) {
            return known;
        }
        if (!filtering) {
            // values(), orderBy(), annotate(): reuse the join a filter() made (or the first one), as Django does
            for (Join j : all.values()) {
                if (j.path().equals(path) && j.target() != null && j.foreignKey() == null) {
                    localToMany.put(path, j.alias());
                    return j.alias();
                }
            }
        }
        String base = "T_" + path;
        String alias = base;
        for (int n = 2; all.containsKey(alias) || all.containsKey(alias + "_link"); n++) {
            alias = base + "_" + n;
        }
        ModelMeta<?> owner = relation.owner();
        ModelMeta<?> target = relation.target();
        if (relation.kind() == Relation.Kind.REVERSE) {
            all.put(alias, new Join(path, alias, target.table(), relation.foreignKey().column(), parentAlias,
                    owner.pk().column(), target, null));
        } else {
            String link = alias + "_link";
            all.put(link, new Join(path, link, relation.joinTable(), relation.ownerColumn(), parentAlias, owner.pk().column(),
                    null, null));
            all.put(alias, new Join(path, alias, target.table(), target.pk().column(), link, relation.targetColumn(), target, null));
        }
        localToMany.put(path, alias);
        return alias;
    }

    /** Resolves a Q into a condition tree. */
    public Node resolve(Q q) {
        List<Node> children = new ArrayList<>(q.children().size());
        for (Object child : q.children()) {
            if (child instanceof Q nested) {
                if (!nested.isEmpty()) {
                    children.add(resolve(nested));
                }
            } else {
                Q.Lookup l = (Q.Lookup) child;
                children.add(lookup(l.lookup(), l.value()));
            }
        }
        Node node = children.size() == 1 ? children.get(0)
                : q.connector() == Q.Connector.AND ? new Node.And(children) : new Node.Or(children);
        return q.negated() ? new Node.Not(node) : node;
    }

    /** Resolves {@code "field__transform__lookup" = value}. */
    public Node lookup(String path, Object value) {
        if (path == null || path.isEmpty()) {
            throw new FieldException("A lookup must name a field. Choices are: " + choices() + ".");
        }
        String[] parts = path.split("__", -1);
        Operand lhs;
        Annotation annotation = annotations.get(parts[0]);
        FieldMeta field = null;
        ModelMeta<?> owner = model;
        int i = 1;
        if (annotation != null) {
            lhs = new Operand.Ref(annotation.alias(), annotation.operand());
        } else {
            Walk walk = walk(path, parts, true);
            lhs = walk.column();
            field = walk.field();
            owner = walk.owner();
            i = walk.next();
        }
        String lookup = "exact";
        for (; i < parts.length; i++) {
            String part = parts[i];
            if (Lookups.isTransform(part)) {
                if (field != null) {
                    Lookups.checkTransform(part, field.name(), field.codec().javaType());
                }
                lhs = new Operand.Transform(part, lhs);
                field = null;
            } else if (Lookups.isLookup(part) && i == parts.length - 1) {
                lookup = part;
            } else {
                throw new FieldException("Unsupported lookup '" + part + "' in '" + path + "'. Choices are: "
                        + String.join(", ", Lookups.LOOKUPS) + "; transforms: " + String.join(", ", Lookups.TRANSFORMS) + ".");
            }
        }
        return leaf(path, lhs, field, owner, lookup, value);
    }

    private Node leaf(String path, Operand lhs, FieldMeta field, ModelMeta<?> owner, String lookup, Object value) {
        switch (lookup) {
            case "isnull" -> {
                if (!(value instanceof Boolean b)) {
                    throw new ValueException("The QuerySet value for an isnull lookup must be True or False.");
                }
                return new Node.Leaf(lhs, "isnull", b);
            }
            case "in" -> {
                List<Operand> values = new ArrayList<>();
                for (Object v : iterable(path, value)) {
                    if (v != null) {
                        values.add(rhs(lhs, field, owner, v));
                    }
                }
                return values.isEmpty() ? new Node.Nothing() : new Node.Leaf(lhs, "in", values);
            }
            case "range" -> {
                List<Object> bounds = new ArrayList<>();
                iterable(path, value).forEach(bounds::add);
                if (bounds.size() != 2) {
                    throw new ValueException("The range lookup of '" + path + "' needs exactly two values, got " + bounds.size() + ".");
                }
                return new Node.Leaf(lhs, "range", List.of(rhs(lhs, field, owner, bounds.get(0)), rhs(lhs, field, owner, bounds.get(1))));
            }
            default -> {
                if (value == null) {
                    if ("exact".equals(lookup) || "iexact".equals(lookup)) {
                        return new Node.Leaf(lhs, "isnull", Boolean.TRUE);
                    }
                    throw new ValueException("Cannot use None as a query value for the '" + lookup + "' lookup of '" + path + "'.");
                }
                if (value instanceof Collection<?> || value instanceof Map<?, ?> || value.getClass().isArray()) {
                    if (Lookups.PATTERN_LOOKUPS.contains(lookup) || "regex".equals(lookup) || "iregex".equals(lookup)
                            || "iexact".equals(lookup)) {
                        throw new ValueException("The '" + lookup + "' lookup of '" + path + "' takes a single value, "
                                + "got " + value.getClass().getSimpleName() + ".");
                    }
                }
                if (Lookups.PATTERN_LOOKUPS.contains(lookup)) {
                    if (value instanceof Expression) {
                        throw new IllegalArgumentException("The '" + lookup + "' lookup takes a string, not an expression.");
                    }
                    return new Node.Leaf(lhs, lookup, new Operand.Param(Lookups.pattern(lookup, String.valueOf(value))));
                }
                if ("regex".equals(lookup) || "iregex".equals(lookup) || "iexact".equals(lookup)) {
                    return new Node.Leaf(lhs, lookup, value instanceof F f ? expression(f) : new Operand.Param(String.valueOf(value)));
                }
                return new Node.Leaf(lhs, lookup, rhs(lhs, field, owner, value));
            }
        }
    }

    private static Iterable<?> iterable(String path, Object value) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                out.add(Array.get(value, i));
            }
            return out;
        }
        throw new ValueException("The value of '" + path + "' must be a collection or an array, got " + value + ".");
    }

    /** The right-hand side: an expression, or a value converted for the field (or the transform's type). */
    private Operand rhs(Operand lhs, FieldMeta field, ModelMeta<?> owner, Object value) {
        if (value instanceof Expression e) {
            return expression(e);
        }
        if (field != null) {
            if (field.pk() && owner.type().isInstance(value)) {
                value = owner.pkValue(value);   // tags = tagInstance compares the pk
            }
            return new Operand.Param(owner.toDb(field, value));
        }
        if (lhs instanceof Operand.Transform t) {
            return new Operand.Param(TransformValues.coerce(t.part(), value));
        }
        return new Operand.Param(value);
    }

    /** Resolves an F, Q or Aggregate into an operand. */
    public Operand expression(Expression e) {
        if (e instanceof F f) {
            if (f.field() != null) {
                return fieldOperand(f.field());
            }
            if (f.isValue()) {
                return new Operand.Param(f.value());
            }
            Operand left = expression(f.left());
            Operand right = expression(f.right());
            Class<?> leftType = ReadTypes.of(left);
            Class<?> rightType = ReadTypes.of(right);
            if (!ReadTypes.isArithmetic(leftType) || !ReadTypes.isArithmetic(rightType)) {
                throw new FieldException("Cannot infer type of '" + f.operator() + "' expression involving these types: "
                        + leftType.getSimpleName() + ", " + rightType.getSimpleName() + ". Arithmetic takes numbers, "
                        + "durations and dates.");
            }
            return new Operand.Arith(f.operator(), left, right);
        }
        if (e instanceof Aggregate a) {
            Operand arg = a.argument() == null ? null : expression(a.argument());
            if (arg != null && (a.function() == Aggregate.Function.SUM || a.function() == Aggregate.Function.AVG)
                    && !ReadTypes.isArithmetic(ReadTypes.of(arg))) {
                throw new FieldException("Cannot " + a.function().name() + " " + ReadTypes.of(arg).getSimpleName()
                        + " values: SUM and AVG take a numeric, duration or date field.");
            }
            if (arg != null && (a.function() == Aggregate.Function.MIN || a.function() == Aggregate.Function.MAX)
                    && ReadTypes.of(arg) == Boolean.class) {
                throw new FieldException("Cannot " + a.function().name() + " Boolean values (PostgreSQL has no "
                        + a.function().name().toLowerCase(java.util.Locale.ROOT) + "(boolean)); count the true ones "
                        + "with Aggregate.count(field).filter(Q.of(field, true)).");
            }
            Node filter = a.condition() == null ? null : resolve(a.condition());
            return new Operand.Agg(a.function(), arg, a.isDistinct(), filter);
        }
        if (e instanceof Q q) {
            return new Operand.Condition(resolve(q));
        }
        throw new IllegalArgumentException("Unsupported expression " + e.getClass().getName()
                + "; use F, Q or Aggregate.");
    }

    /** A field or annotation by name, for F expressions, ordering and values(). */
    public Operand fieldOperand(String name) {
        Annotation annotation = annotations.get(name);
        if (annotation != null) {
            return new Operand.Ref(annotation.alias(), annotation.operand());
        }
        String[] parts = name.split("__", -1);
        Walk walk = walk(name, parts, false);
        if (walk.next() != parts.length) {
            throw new FieldException("'" + name + "' does not name a field: '" + parts[walk.next()]
                    + "' is a lookup or transform, allowed only in filters.");
        }
        return walk.column();
    }

    /** A field stored in the model's table, or a FieldException naming the choices. */
    public FieldMeta concreteField(String name) {
        FieldMeta field = model.fieldOrAttribute(name);
        if (field == null) {
            throw model.unknownField(name, new ArrayList<>(annotations.keySet()));
        }
        if (!field.isConcrete()) {
            throw new UnsupportedOperationException("Field '" + name + "' is a to-many relation; queries across relations "
                    + "are not supported yet.");
        }
        return field;
    }

    private String choices() {
        List<String> names = new ArrayList<>(model.fieldNames());
        names.addAll(annotations.keySet());
        return String.join(", ", names);
    }
}
