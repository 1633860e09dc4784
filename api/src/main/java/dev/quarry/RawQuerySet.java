package dev.quarry;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * Django's {@code Manager.raw()}: hand-written SQL whose columns are mapped onto a model's fields by column
 * name. Columns that match no field are ignored; fields without a column stay unset.
 *
 * @param <T> the model
 */
public interface RawQuerySet<T> {

    /** Every row. */
    List<T> list();

    /** Streams the rows through a server-side cursor. Close the stream. */
    Stream<T> iterator(int chunkSize);

    /** Async twin of {@link #list()}. */
    CompletableFuture<List<T>> alist();

    /** Streams the rows with back-pressure. */
    Flow.Publisher<T> aiterator(int chunkSize);
}
