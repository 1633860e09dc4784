package dev.quarry;

/**
 * Sees every statement Quarry sends, after it finished (or failed): where metrics, tracing and query logs plug
 * in. Set it with {@link QuarryBuilder#listener(QueryListener)}; it is called on the thread that completed the
 * statement, so keep it quick and thread-safe. An exception it throws never breaks the statement: it goes to
 * {@link QuarryBuilder#onCallbackFailure} (default: logged at WARNING on {@code dev.quarry}).
 * {@snippet :
 * LongAdder statements = new LongAdder();
 * Quarry db = Quarry.builder().url(url)
 *         .listener(e -> {
 *             statements.increment();
 *             if (e.elapsed().toMillis() > 100) {
 *                 System.out.println(e.database() + " slow: " + e.sql());
 *             }
 *         })
 *         .build();
 * }
 */
@FunctionalInterface
public interface QueryListener {

    /** Called once after each statement, with what it was, how long it took and how it ended. */
    void onQuery(QueryEvent event);
}
