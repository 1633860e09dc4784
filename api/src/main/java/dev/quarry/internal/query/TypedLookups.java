package dev.quarry.internal.query;

import dev.quarry.Expression;
import dev.quarry.FieldException;
import dev.quarry.ValueException;
import dev.quarry.internal.meta.Codec;
import dev.quarry.internal.meta.FieldMeta;
import dev.quarry.internal.meta.ModelMeta;
import dev.quarry.spi.JsonText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lookups and transforms of JSON and array fields, Django's {@code JSONField} and {@code ArrayField}: key and
 * index transforms into a JSON document ({@code data__owner__name}, {@code data__items__0}) followed by any lookup,
 * {@code has_key}/{@code has_keys}/{@code has_any_keys}/{@code contains}/{@code contained_by} on JSON, and
 * {@code contains}/{@code contained_by}/{@code overlap}/{@code len}, index ({@code tags__0}) and slice
 * ({@code tags__0_2}) on arrays. The operators are the dialect's ({@code Dialect#typeOperator},
 * {@code Dialect#lookupTemplate}).
 */
final class TypedLookups {

    /** Lookups that end a JSON path; every other part of it is a key (or an index, for a JSON array). */
    private static final Set<String> JSON_LOOKUPS = Set.of("exact", "iexact", "contains", "icontains", "in", "gt", "gte",
            "lt", "lte", "startswith", "istartswith", "endswith", "iendswith", "range", "isnull", "regex", "iregex",
            "has_key", "has_keys", "has_any_keys", "contained_by");

    /** Lookups of a key's value as text ({@code ->>}), as Django's KeyTransformTextLookupMixin. */
    private static final Set<String> TEXT_LOOKUPS = Set.of("iexact", "icontains", "startswith", "istartswith",
            "endswith", "iendswith", "regex", "iregex");

    private static final List<String> ARRAY_LOOKUPS = List.of("exact", "contains", "contained_by", "overlap", "in",
            "isnull", "len", "<index>", "<start>_<end>");

    private static final Pattern INDEX = Pattern.compile("\\d+");
    private static final Pattern SLICE = Pattern.compile("(\\d+)_(\\d+)");

    private TypedLookups() {
    }

    /** Resolves {@code parts[next..]} (transforms, then a lookup) on a JSON or array column. */
    static Node lookup(Resolver resolver, String path, String[] parts, int next, Operand.Col column, FieldMeta field,
                       ModelMeta<?> owner, Object value) {
        return field.codec().kind() == Codec.Kind.JSON
                ? json(resolver, path, parts, next, column, field, owner, value)
                : array(resolver, path, parts, next, column, field, owner, value);
    }

    /** The value at {@code parts[next..]} of a JSON or array column, for values(), orderBy() and F(). */
    static Operand operand(String path, String[] parts, int next, Operand.Col column, FieldMeta field, ModelMeta<?> owner) {
        if (field.codec().kind() == Codec.Kind.JSON) {
            return jsonPath(column, List.of(parts).subList(next, parts.length), owner);
        }
        Transformed t = arrayTransforms(path, parts, next, parts.length, column, field.codec());
        return t.operand();
    }

    /**
     * A {@code timestamptz} column as a local date-time in the session time zone (bound, as Django binds it), so that
     * date/time transforms never depend on the JVM's or the server's zone; other operands unchanged.
     */
    static Operand inSessionZone(Operand lhs, FieldMeta field, ModelMeta<?> owner) {
        if (!field.codec().isInstant()) {
            return lhs;
        }
        // bound as the zone itself: the dialect names it when the statement is written (SqlWriter.param)
        return new Operand.Func("at_time_zone", List.of(lhs, new Operand.Param(owner.models().types().timeZone())),
                Codec.of(field.name(), java.time.LocalDateTime.class, true));
    }

    // ---- JSON ----

    private static Node json(Resolver resolver, String path, String[] parts, int next, Operand.Col column, FieldMeta field,
                             ModelMeta<?> owner, Object value) {
        String last = parts[parts.length - 1];
        boolean explicit = parts.length > next && JSON_LOOKUPS.contains(last);
        String lookup = explicit ? last : "exact";
        List<String> keys = List.of(parts).subList(next, explicit ? parts.length - 1 : parts.length);
        if (keys.isEmpty()) {
            return switch (lookup) {
                case "contains" -> new Node.Leaf(column, "json_contains", jsonValue(resolver, owner, path, value));
                case "contained_by" -> new Node.Leaf(column, "json_contained_by", jsonValue(resolver, owner, path, value));
                case "has_key", "has_keys", "has_any_keys" -> hasKey(resolver, column, lookup, path, value);
                default -> resolver.leaf(path, column, field, owner, lookup, value);
            };
        }
        Operand at = jsonPath(column, keys, owner);
        if (TEXT_LOOKUPS.contains(lookup)) {
            Operand text = new Operand.Func("json_path_text", List.of(column, new Operand.Param(keys.toArray(String[]::new))),
                    Codec.of(field.name(), String.class, true));
            return resolver.leaf(path, text, null, owner, lookup, value);
        }
        return switch (lookup) {
            case "isnull" -> resolver.leaf(path, at, null, owner, lookup, value);
            case "contains" -> new Node.Leaf(at, "json_contains", jsonValue(resolver, owner, path, value));
            case "contained_by" -> new Node.Leaf(at, "json_contained_by", jsonValue(resolver, owner, path, value));
            case "has_key", "has_keys", "has_any_keys" -> hasKey(resolver, at, lookup, path, value);
            case "in" -> {
                List<Operand> values = new ArrayList<>();
                for (Object v : items(path, value)) {
                    values.add(jsonValue(resolver, owner, path, v));
                }
                yield values.isEmpty() ? new Node.Nothing() : new Node.Leaf(at, "in", values);
            }
            case "range" -> {
                List<Object> bounds = items(path, value);
                if (bounds.size() != 2) {
                    throw new ValueException("The range lookup of '" + path + "' needs exactly two values, got "
                            + bounds.size() + ".");
                }
                yield new Node.Leaf(at, "range", List.of(jsonValue(resolver, owner, path, bounds.get(0)),
                        jsonValue(resolver, owner, path, bounds.get(1))));
            }
            // under a key, null is the JSON null (Django's KeyTransformExact); a missing key is __isnull=True
            default -> new Node.Leaf(at, lookup, jsonValue(resolver, owner, path, value));
        };
    }

    /** {@code column #> '{k1,k2}'}: the JSON value at a path of keys and array indexes. */
    private static Operand jsonPath(Operand.Col column, List<String> keys, ModelMeta<?> owner) {
        Codec untyped = Codec.json(column.field().name(), Object.class, Object.class, owner.models().types().json());
        return new Operand.Func("json_path", List.of(column, new Operand.Param(keys.toArray(String[]::new))), untyped);
    }

    /** A value compared with JSON: an expression, or the value encoded ({@code null} is the JSON null). */
    private static Operand jsonValue(Resolver resolver, ModelMeta<?> owner, String path, Object value) {
        if (value instanceof Expression e) {
            return resolver.expression(e);
        }
        return new Operand.Param(value == null ? JsonText.NULL : Codec.encode(owner.models().types().json(), path, value));
    }

    private static Node hasKey(Resolver resolver, Operand lhs, String lookup, String path, Object value) {
        if ("has_key".equals(lookup)) {
            if (value == null || value instanceof Collection<?> || value.getClass().isArray()) {
                throw new ValueException("The has_key lookup of '" + path + "' takes one key, got " + value
                        + "; use has_keys or has_any_keys for several.");
            }
            return new Node.Leaf(lhs, "has_key", new Operand.Param(String.valueOf(value)));
        }
        String[] keys = items(path, value).stream().map(String::valueOf).toArray(String[]::new);
        return new Node.Leaf(lhs, lookup, new Operand.Param(keys));
    }

    private static List<Object> items(String path, Object value) {
        if (value instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (value instanceof Object[] a) {
            return Arrays.asList(a);
        }
        throw new ValueException("The value of '" + path + "' must be a collection or an array, got " + value + ".");
    }

    // ---- arrays ----

    /** An operand after array transforms, with the codec of what it yields. */
    private record Transformed(Operand operand, Codec codec) {
    }

    private static Node array(Resolver resolver, String path, String[] parts, int next, Operand.Col column,
                              FieldMeta field, ModelMeta<?> owner, Object value) {
        String last = parts[parts.length - 1];
        boolean explicit = parts.length > next && isArrayLookup(last);
        Transformed t = arrayTransforms(path, parts, next, explicit ? parts.length - 1 : parts.length, column, field.codec());
        String lookup = explicit ? last : "exact";
        FieldMeta typed = t.operand() == column ? field : FieldMeta.column(field.name(), t.codec());
        if (t.codec().kind() != Codec.Kind.ARRAY) {
            return resolver.leaf(path, t.operand(), typed, owner, lookup, value);
        }
        return switch (lookup) {
            case "contains" -> new Node.Leaf(t.operand(), "array_contains", arrayValue(resolver, t.codec(), value));
            case "contained_by" -> new Node.Leaf(t.operand(), "array_contained_by", arrayValue(resolver, t.codec(), value));
            case "overlap" -> new Node.Leaf(t.operand(), "overlap", arrayValue(resolver, t.codec(), value));
            default -> resolver.leaf(path, t.operand(), typed, owner, lookup, value);
        };
    }

    private static boolean isArrayLookup(String part) {
        return Lookups.isLookup(part) || "contained_by".equals(part) || "overlap".equals(part);
    }

    private static Operand arrayValue(Resolver resolver, Codec codec, Object value) {
        if (value instanceof Expression e) {
            return resolver.expression(e);
        }
        if (value == null) {
            throw new ValueException("Cannot use None as a query value for an array lookup.");
        }
        return new Operand.Param(codec.toDb(value));
    }

    /** Applies {@code parts[from..to)} as index ({@code 0}), slice ({@code 0_2}) and {@code len} transforms. */
    private static Transformed arrayTransforms(String path, String[] parts, int from, int to, Operand.Col column, Codec codec) {
        Operand lhs = column;
        Codec current = codec;
        for (int k = from; k < to; k++) {
            String part = parts[k];
            var slice = SLICE.matcher(part);
            if (current.kind() != Codec.Kind.ARRAY) {
                throw new FieldException("Unsupported lookup '" + part + "' in '" + path + "': an array element takes "
                        + "the lookups " + String.join(", ", Lookups.LOOKUPS) + ".");
            }
            if (INDEX.matcher(part).matches()) {
                lhs = new Operand.Func("array_index", List.of(lhs, new Operand.Param(Integer.parseInt(part) + 1)),
                        current.element());
                current = current.element();
            } else if (slice.matches()) {
                lhs = new Operand.Func("array_slice", List.of(lhs, new Operand.Param(Integer.parseInt(slice.group(1)) + 1),
                        new Operand.Param(Integer.parseInt(slice.group(2)))), current);
            } else if ("len".equals(part)) {
                current = Codec.of(column.field().name(), Integer.class, true);
                lhs = new Operand.Func("array_length", List.of(lhs), current);
            } else {
                throw new FieldException("Unsupported lookup '" + part + "' in '" + path + "' for an array field. Choices are: "
                        + String.join(", ", ARRAY_LOOKUPS) + ", then " + String.join(", ", Lookups.LOOKUPS) + ".");
            }
        }
        return new Transformed(lhs, current);
    }
}
