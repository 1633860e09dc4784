package dev.quarry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A window function or an aggregate computed over a window of rows: {@code fn OVER (PARTITION BY ... ORDER BY ...
 * frame)}, Django's {@code Window}. The function is one of {@link Functions}' window functions ({@code rank()},
 * {@code lag(...)}...) or any {@link Aggregate}. Partitions are field names or expressions; ordering terms are field
 * names, {@code "-field"} descending. Filtering on a window annotation runs the query as a subquery, as Django 4.2+.
 * {@snippet :
 * employees.annotate("rank", Window.of(Functions.rank()).partitionBy("department").orderBy("-salary"))
 *          .filter("rank", 1).list();                                  // the best paid of each department
 * employees.annotate("running", Window.of(Aggregate.sum("salary")).orderBy("hireDate").rows(null, 0)).list();
 * }
 * Immutable.
 */
public final class Window implements Expression {

    /** The unit of a frame. */
    public enum FrameUnit {
        /** ROWS: counts rows */ ROWS,
        /** RANGE: counts peers by the ordering value */ RANGE
    }

    /**
     * A frame {@code UNIT BETWEEN start AND end}: a bound is {@code null} for UNBOUNDED, 0 for CURRENT ROW, negative for
     * n PRECEDING, positive for n FOLLOWING (Django's {@code RowRange(start=-1, end=0)}).
     *
     * @param unit  ROWS or RANGE
     * @param start the start bound
     * @param end   the end bound
     */
    public record Frame(FrameUnit unit, Integer start, Integer end) {
        /** Checks the bounds. */
        public Frame {
            Objects.requireNonNull(unit, "unit");
            if (start != null && end != null && start > end) {
                throw new IllegalArgumentException("start cannot be greater than end.");
            }
        }
    }

    private final Expression function;
    private final List<Object> partitionBy;
    private final List<String> orderBy;
    private final Frame frame;

    private Window(Expression function, List<Object> partitionBy, List<String> orderBy, Frame frame) {
        this.function = function;
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
        this.frame = frame;
    }

    /**
     * The window over {@code function}: a window function of {@link Functions} or an {@link Aggregate}.
     *
     * @throws IllegalArgumentException for any other expression (Django: "Expression ... isn't compatible with OVER
     *                                  clauses.")
     */
    public static Window of(Expression function) {
        Objects.requireNonNull(function, "function");
        boolean ok = function instanceof Aggregate || (function instanceof Func f && f.isWindowFunction());
        if (!ok) {
            throw new IllegalArgumentException("Expression '" + function + "' isn't compatible with OVER clauses.");
        }
        return new Window(function, List.of(), List.of(), null);
    }

    /** Partitions by fields (names) or expressions. */
    public Window partitionBy(Object... expressions) {
        List<Object> list = new ArrayList<>(List.of(expressions));
        return new Window(function, List.copyOf(list), orderBy, frame);
    }

    /** Orders each partition; {@code "-field"} is descending. */
    public Window orderBy(String... fields) {
        return new Window(function, partitionBy, List.of(fields), frame);
    }

    /** A ROWS frame (Django's {@code RowRange}); see {@link Frame} for the bounds. */
    public Window rows(Integer start, Integer end) {
        return new Window(function, partitionBy, orderBy, new Frame(FrameUnit.ROWS, start, end));
    }

    /** A RANGE frame (Django's {@code ValueRange}); see {@link Frame} for the bounds. */
    public Window range(Integer start, Integer end) {
        return new Window(function, partitionBy, orderBy, new Frame(FrameUnit.RANGE, start, end));
    }

    /** The function computed over the window. */
    public Expression function() {
        return function;
    }

    /** The partitions. */
    public List<Object> partitions() {
        return partitionBy;
    }

    /** The ordering terms. */
    public List<String> ordering() {
        return orderBy;
    }

    /** The frame, or {@code null} for the database's default. */
    public Frame frame() {
        return frame;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Window w && w.function.equals(function) && w.partitionBy.equals(partitionBy)
                && w.orderBy.equals(orderBy) && Objects.equals(w.frame, frame);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, partitionBy, orderBy, frame);
    }

    @Override
    public String toString() {
        return "Window(" + function + ", partition=" + partitionBy + ", order=" + orderBy + ")";
    }
}
