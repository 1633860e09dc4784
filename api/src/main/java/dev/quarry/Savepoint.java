package dev.quarry;

/** A savepoint inside a transaction, made by {@link Transaction#savepoint()}. */
public interface Savepoint {

    /** The savepoint's SQL name. */
    String name();
}
