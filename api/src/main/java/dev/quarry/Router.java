package dev.quarry;

import java.util.Optional;

/**
 * Decides which database a model's reads and writes go to when the QuerySet did not say
 * ({@link QuerySet#using(String)}): Django's database routers. Set it with {@link QuarryBuilder#router(Router)};
 * an empty answer means {@code "default"}. It is asked at every operation, so it may change its answer (for
 * example, read from the primary for a moment after a write). Transactions are never routed: everything inside
 * {@link Quarry#atomic(String, java.util.function.Function)} runs on that transaction's database.
 * {@snippet :
 * Quarry db = Quarry.builder().url(primaryUrl)
 *         .database("replica", replicaUrl)
 *         .router(new Router() {
 *             @Override
 *             public Optional<String> dbForRead(Class<?> model) {
 *                 return Optional.of("replica");
 *             }
 *         })
 *         .build();
 * }
 */
public interface Router {

    /**
     * The alias to read {@code model} from (SELECTs, counts, iterators, and {@link Quarry#raw} queries, decided when
     * the raw QuerySet is made); empty for {@code "default"}.
     */
    default Optional<String> dbForRead(Class<?> model) {
        return Optional.empty();
    }

    /**
     * The alias to write {@code model} to (create, save, update, delete, bulk operations, get-or-create, and reads
     * that lock rows with {@code selectForUpdate}); empty for {@code "default"}.
     */
    default Optional<String> dbForWrite(Class<?> model) {
        return Optional.empty();
    }
}
