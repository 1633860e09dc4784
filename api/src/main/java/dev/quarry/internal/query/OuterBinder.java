package dev.quarry.internal.query;

import dev.quarry.OuterRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Binds the {@link OuterRef}s of an inner query to the query that uses it (Django's {@code ResolvedOuterRef}): each
 * {@code OuterRef("x")} becomes the outer query's {@code x}, checked and joined by the outer resolver, and an
 * {@code OuterRef(OuterRef("x"))} becomes a reference that the next query out binds in turn. The inner query is
 * copied, never changed.
 */
final class OuterBinder {

    private final Function<Operand, Operand> replace;

    private OuterBinder(Function<Operand, Operand> replace) {
        this.replace = replace;
    }

    /** A copy of {@code inner} whose outer references point into the query of {@code outer}. */
    static Query bind(Query inner, Resolver outer) {
        OuterBinder binder = new OuterBinder(op -> {
            if (op instanceof Operand.Unbound u) {
                OuterRef ref = u.ref();
                return new Operand.Outer(ref.name() != null ? outer.fieldOperand(ref.name()) : new Operand.Unbound(ref.outer()));
            }
            return null;
        });
        return binder.query(inner);
    }

    /** Whether a window function occurs in {@code node} (through annotation references too); allocates nothing. */
    static boolean containsWindow(Node node) {
        return switch (node) {
            case Node.And a -> anyWindow(a.children());
            case Node.Or o -> anyWindow(o.children());
            case Node.Not n -> containsWindow(n.child());
            case Node.Leaf l -> containsWindow(l.lhs()) || (l.rhs() instanceof Operand o && containsWindow(o));
            case Node.Predicate p -> containsWindow(p.value());
            default -> false;
        };
    }

    private static boolean anyWindow(List<Node> nodes) {
        for (Node n : nodes) {
            if (containsWindow(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWindow(Operand operand) {
        return switch (operand) {
            case Operand.Over o -> true;
            case Operand.Ref r -> containsWindow(r.target());
            case Operand.Transform t -> containsWindow(t.inner());
            case Operand.Arith a -> containsWindow(a.left()) || containsWindow(a.right());
            case Operand.Cast c -> containsWindow(c.inner());
            case Operand.Call c -> c.args().stream().anyMatch(OuterBinder::containsWindow);
            case Operand.CaseWhen c -> c.results().stream().anyMatch(OuterBinder::containsWindow)
                    || anyWindow(c.conditions()) || (c.otherwise() != null && containsWindow(c.otherwise()));
            case Operand.Condition c -> containsWindow(c.node());
            default -> false;
        };
    }

    Query query(Query q) {
        Query copy = q.copy();
        copy.where = nodes(q.where);
        copy.having = nodes(q.having);
        copy.qualify = nodes(q.qualify);
        List<Query.Order> ordering = new ArrayList<>();
        for (Query.Order o : q.ordering) {
            ordering.add(o.random() ? o : new Query.Order(operand(o.operand()), o.descending()));
        }
        copy.ordering = ordering;
        Map<String, Annotation> annotations = new LinkedHashMap<>();
        q.annotations.forEach((alias, a) -> annotations.put(alias, new Annotation(a.alias(), operand(a.operand()), a.readType())));
        copy.annotations = annotations;
        return copy;
    }

    private List<Node> nodes(List<Node> in) {
        List<Node> out = new ArrayList<>(in.size());
        for (Node n : in) {
            out.add(node(n));
        }
        return out;
    }

    private List<Operand> operands(List<Operand> in) {
        List<Operand> out = new ArrayList<>(in.size());
        for (Operand o : in) {
            out.add(operand(o));
        }
        return out;
    }

    private InnerQuery inner(InnerQuery in) {
        List<Selected> columns = new ArrayList<>();
        for (Selected s : in.columns()) {
            columns.add(new Selected(s.key(), operand(s.operand()), s.readType(), s.field()));
        }
        return new InnerQuery(query(in.query()), columns);
    }

    Node node(Node node) {
        return switch (node) {
            case Node.And a -> new Node.And(nodes(a.children()));
            case Node.Or o -> new Node.Or(nodes(o.children()));
            case Node.Not n -> new Node.Not(node(n.child()));
            case Node.Nothing x -> x;
            case Node.InLink l -> l;
            case Node.InQuery q -> new Node.InQuery(operand(q.lhs()), inner(q.inner()));
            case Node.Exists e -> new Node.Exists(inner(e.inner()));
            case Node.Predicate p -> new Node.Predicate(operand(p.value()));
            case Node.Leaf l -> new Node.Leaf(operand(l.lhs()), l.lookup(), l.rhs() instanceof Operand o ? operand(o)
                    : l.rhs() instanceof List<?> list ? list.stream().map(v -> (Object) operand((Operand) v)).toList() : l.rhs());
        };
    }

    Operand operand(Operand operand) {
        Operand replaced = replace.apply(operand);
        if (replaced != null) {
            return replaced;
        }
        return switch (operand) {
            case Operand.Col c -> c;
            case Operand.Param p -> p;
            case Operand.Output o -> o;
            case Operand.Unbound u -> u;
            case Operand.Transform t -> new Operand.Transform(t.part(), operand(t.inner()));
            case Operand.Arith a -> new Operand.Arith(a.operator(), operand(a.left()), operand(a.right()));
            case Operand.Agg a -> new Operand.Agg(a.function(), a.argument() == null ? null : operand(a.argument()),
                    a.distinct(), a.filter() == null ? null : node(a.filter()));
            case Operand.Condition c -> new Operand.Condition(node(c.node()));
            case Operand.Ref r -> new Operand.Ref(r.alias(), operand(r.target()));
            case Operand.RowNumber r -> new Operand.RowNumber(operand(r.partition()), r.ordering().stream()
                    .map(o -> o.random() ? o : new Query.Order(operand(o.operand()), o.descending())).toList());
            case Operand.Call c -> new Operand.Call(c.function(), operands(c.args()), c.template(), c.type(), c.window());
            case Operand.Cast c -> new Operand.Cast(operand(c.inner()), c.type());
            case Operand.Trunc t -> new Operand.Trunc(t.kind(), operand(t.inner()), t.source(), t.type());
            case Operand.CaseWhen c -> new Operand.CaseWhen(nodes(c.conditions()), operands(c.results()),
                    c.otherwise() == null ? null : operand(c.otherwise()), c.type());
            case Operand.Over o -> new Operand.Over(operand(o.function()), operands(o.partition()), o.ordering().stream()
                    .map(t -> t.random() ? t : new Query.Order(operand(t.operand()), t.descending())).toList(), o.frame());
            case Operand.Scalar s -> new Operand.Scalar(inner(s.inner()), s.type());
            case Operand.Outer o -> new Operand.Outer(operand(o.target()));
            case Operand.Func f -> new Operand.Func(f.operator(), operands(f.args()), f.codec());
        };
    }
}
