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

    /**
     * The statements that bring the database's current schema to the models, without running them: meant to be
     * reviewed and pasted into a migration (Flyway's {@code V2__add_rating.sql}). Lists {@code CREATE TABLE} (with
     * its indexes) for a missing table or join table, {@code ALTER TABLE ... ADD COLUMN} for a missing column,
     * {@code ALTER COLUMN ... SET NOT NULL} / {@code DROP NOT NULL} where nullability differs, and the missing
     * indexes and unique constraints. Nothing is ever dropped: a column the models no longer have is reported as a
     * {@code --} comment line. An empty list means the database matches. Column types are not compared.
     * {@snippet :
     * db.schema().diff(Author.class, Article.class).forEach(System.out::println);
     * // ALTER TABLE "article" ADD COLUMN "rating" double precision
     * // CREATE INDEX IF NOT EXISTS "article_status_idx" ON "article" ("status")
     * }
     */
    java.util.List<String> diff(Class<?>... models);

    /** Async twin of {@link #diff}. */
    CompletableFuture<java.util.List<String>> adiff(Class<?>... models);
}
