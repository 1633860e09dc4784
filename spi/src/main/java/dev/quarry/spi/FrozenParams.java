package dev.quarry.spi;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The unmodifiable parameter list of a {@link Statement}: one array copy of the list handed in (nulls allowed, so
 * {@link List#copyOf} will not do), and none at all when it already is one, as when a statement is made from
 * another's parameters ({@code DECLARE ... CURSOR FOR} a select, {@code EXPLAIN} of one).
 */
final class FrozenParams extends AbstractList<Object> implements RandomAccess {

    private final Object[] values;

    private FrozenParams(Object[] values) {
        this.values = values;
    }

    /** {@code params} frozen: an empty list for {@code null} or none, the same list when it is frozen already. */
    static List<Object> of(List<Object> params) {
        if (params == null || params.isEmpty()) {
            return List.of();
        }
        if (params instanceof FrozenParams frozen) {
            return frozen;
        }
        return new FrozenParams(params.toArray());
    }

    @Override
    public Object get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }
}
