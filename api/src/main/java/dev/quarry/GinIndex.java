package dev.quarry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@code db.schema().create(...)} for a GIN index on a JSON or array field (Django's
 * {@code GinIndex(fields=[...])}), which serves the {@code __contains}, {@code __contained_by} and
 * {@code __overlap} lookups.
 * {@snippet :
 * @GinIndex
 * private Map<String, Object> data;   // CREATE INDEX IF NOT EXISTS "article_data_gin" ON "article" USING GIN ("data")
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface GinIndex {

    /** The index name; empty: {@code <table>_<column>_gin}. */
    String name() default "";
}
