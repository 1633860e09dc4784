package dev.quarry.internal;

/** Rethrows any throwable unchanged, so that atomic() propagates the very exception the work threw. */
final class Sneaky {

    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
