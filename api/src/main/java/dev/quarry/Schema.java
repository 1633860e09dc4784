package dev.quarry;

import java.util.concurrent.CompletableFuture;

/** Creates and drops models' tables. A convenience for tests and examples, not a migration tool. */
public interface Schema {

    /** {@code CREATE TABLE IF NOT EXISTS} for each model, with its constraints, indexes and join tables. */
    void create(Class<?>... models);

    /** {@code DROP TABLE IF EXISTS ... CASCADE} for each model (and its join tables). */
    void drop(Class<?>... models);

    /** The DDL {@link #create} would run, one statement per element. */
    java.util.List<String> createStatements(Class<?>... models);

    /** Async twin of {@link #create}. */
    CompletableFuture<Void> acreate(Class<?>... models);

    /** Async twin of {@link #drop}. */
    CompletableFuture<Void> adrop(Class<?>... models);
}
