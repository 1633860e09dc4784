package dev.quarry.internal.exec;

import dev.quarry.DatabaseException;
import dev.quarry.TransactionException;
import dev.quarry.spi.Connection;
import dev.quarry.spi.Dialect;
import dev.quarry.spi.RowMapper;
import dev.quarry.spi.Statement;
import dev.quarry.spi.TxOptions;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A borrowed connection as Quarry's operations see it. Every operation returns a future: in sync mode it
 * runs on the caller's thread and the future is already complete; in async mode it runs through the
 * provider's async twin, tracked by the {@link CancelScope}. Operations are written once, as future
 * compositions, and serve both twins.
 */
public final class Conn {

    private static final AtomicLong SAVEPOINTS = new AtomicLong();

    private final Connection connection;
    private final boolean async;
    private final Errors errors;
    private final Dialect dialect;
    private final CancelScope scope;
    private final TxState tx;

    /**
     * Whether a transaction is open on a connection, and whether a statement failed in it (Django's
     * {@code needs_rollback}: PostgreSQL has aborted the transaction), shared by the Conns of one borrowing.
     */
    public static final class TxState {
        volatile boolean open;
        /** The first failure of a statement since the transaction (or the last savepoint rolled back to) began. */
        volatile Throwable failure;

        /** @param open whether the connection starts inside a transaction */
        public TxState(boolean open) {
            this.open = open;
        }

        /** Records a statement's failure inside an open transaction: the server aborted it (or may have). */
        void failed(Throwable t) {
            if (open && failure == null && (t instanceof DatabaseException || t instanceof CancellationException)) {
                failure = t;
            }
        }

        /** Whether a statement failed in the open transaction and nothing rolled back since. */
        boolean needsRollback() {
            return open && failure != null;
        }
    }

    /** Django's message for a statement issued after a failure inside {@code atomic}. */
    static final String BROKEN = "An error occurred in the current transaction. You can't execute queries until the end "
            + "of the 'atomic' block.";

    /**
     * @param connection the provider's connection
     * @param async      async mode (else sync, on the caller's thread)
     * @param tx         whether a transaction is open (shared state)
     */
    public Conn(Connection connection, boolean async, Errors errors, Dialect dialect, CancelScope scope, TxState tx) {
        this.connection = connection;
        this.async = async;
        this.errors = errors;
        this.dialect = dialect;
        this.scope = scope;
        this.tx = tx;
    }

    /** The provider's connection. */
    Connection connection() {
        return connection;
    }

    /** Whether operations run asynchronously. */
    public boolean isAsync() {
        return async;
    }

    /** The dialect. */
    public Dialect dialect() {
        return dialect;
    }

    /** Whether a transaction is open on this connection. */
    public boolean inTransaction() {
        return tx.open;
    }

    /** Runs a query and maps its rows. */
    public <T> CompletableFuture<List<T>> query(Statement statement, RowMapper<T> mapper) {
        CompletableFuture<List<T>> refused = refuse(statement.params());
        return refused != null ? refused
                : call(() -> connection.query(statement, mapper), () -> connection.queryAsync(statement, mapper));
    }

    /** Runs a statement; the number of rows it changed. */
    public CompletableFuture<Long> update(Statement statement) {
        CompletableFuture<Long> refused = refuse(statement.params());
        return refused != null ? refused : call(() -> connection.update(statement), () -> connection.updateAsync(statement));
    }

    /** A failed future if the dialect refuses a parameter (before anything reaches the server), else {@code null}. */
    private <R> CompletableFuture<R> refuse(List<Object> params) {
        try {
            for (Object p : params) {
                dialect.checkParameter(p);
            }
            return null;
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Runs a statement without parameters, ignoring its count. */
    public CompletableFuture<Void> execute(String sql) {
        return update(Statement.of(sql)).thenApply(n -> null);
    }

    /** Runs a batch. */
    public CompletableFuture<long[]> batch(String sql, List<List<Object>> parameterSets) {
        for (List<Object> set : parameterSets) {
            CompletableFuture<long[]> refused = refuse(set);
            if (refused != null) {
                return refused;
            }
        }
        return call(() -> connection.batch(sql, parameterSets), () -> connection.batchAsync(sql, parameterSets));
    }

    /** Begins a transaction. */
    public CompletableFuture<Void> begin(TxOptions options) {
        return call(() -> {
            connection.begin(options);
            return null;
        }, () -> connection.beginAsync(options)).thenApply(v -> {
            tx.failure = null;
            tx.open = true;
            return null;
        });
    }

    /**
     * Commits; but after a statement failed in the transaction (PostgreSQL aborted it, and a driver's commit
     * would return normally while the server rolls back), rolls back instead and fails with a
     * TransactionException naming the failure, so that nothing is reported committed that was not.
     */
    public CompletableFuture<Void> commit() {
        Throwable failed = tx.open ? tx.failure : null;
        if (failed != null) {
            return rollback().handle((v, e) -> {
                TransactionException refused = new TransactionException("The transaction was rolled back, not committed: "
                        + "a statement failed inside the atomic block (" + failed + ") and the failure was caught "
                        + "without a nested atomic block. Let the failure end the block, or run the statement that may "
                        + "fail in a nested atomic block (a savepoint) to go on after it.", failed);
                if (e != null) {
                    refused.addSuppressed(Futures.unwrap(e));
                }
                return CompletableFuture.<Void>failedFuture(refused);
            }).thenCompose(f -> f);
        }
        return this.<Void>call(() -> {
            connection.commit();
            return null;
        }, connection::commitAsync, false).whenComplete((v, e) -> {
            tx.open = false;
            tx.failure = null;
        });
    }

    /** Rolls back (allowed after a failed statement: it is the way out). */
    public CompletableFuture<Void> rollback() {
        return this.<Void>call(() -> {
            connection.rollback();
            return null;
        }, connection::rollbackAsync, true).whenComplete((v, e) -> {
            tx.open = false;
            tx.failure = null;
        });
    }

    /** Sets a savepoint. */
    public CompletableFuture<Void> savepoint(String name) {
        return execute(dialect.savepoint(name));
    }

    /**
     * Rolls back to a savepoint, which undoes a failed statement after it: allowed after a failure, and the
     * transaction is usable again afterwards.
     */
    public CompletableFuture<Void> rollbackToSavepoint(String name) {
        Statement statement = Statement.of(dialect.rollbackToSavepoint(name));
        return call(() -> connection.update(statement), () -> connection.updateAsync(statement), true).thenApply(n -> {
            tx.failure = null;
            return null;
        });
    }

    /** Releases a savepoint (refused after a failed statement, like any statement). */
    public CompletableFuture<Void> releaseSavepoint(String name) {
        return execute(dialect.releaseSavepoint(name));
    }

    /** Ends a savepoint block that failed: rolls back to its savepoint and releases it. */
    public CompletableFuture<Void> abandonSavepoint(String name) {
        return rollbackToSavepoint(name).thenCompose(v -> releaseSavepoint(name));
    }

    /**
     * Ends a savepoint block whose work returned normally: releases the savepoint; but when a statement failed
     * inside the block and the failure was caught, rolls back to the savepoint (which undoes the block and
     * makes the transaction usable again) and fails with a TransactionException.
     */
    public CompletableFuture<Void> endSavepoint(String name) {
        Throwable failed = tx.needsRollback() ? tx.failure : null;
        if (failed == null) {
            return releaseSavepoint(name);
        }
        return abandonSavepoint(name).handle((v, e) -> {
            TransactionException refused = new TransactionException("The nested atomic block was rolled back to its "
                    + "savepoint, not released: a statement failed inside it (" + failed + ") and the failure was "
                    + "caught inside the block. Let the failure end the block, or nest one more atomic block around "
                    + "the statement that may fail.", failed);
            if (e != null) {
                refused.addSuppressed(Futures.unwrap(e));
            }
            return CompletableFuture.<Void>failedFuture(refused);
        }).thenCompose(f -> f);
    }

    /**
     * Runs {@code work} atomically: in a new transaction on this connection, or in a savepoint when one is
     * open already (Django's {@code transaction.atomic}). On failure, rolls back and fails with the same
     * exception (a failed rollback added to it as suppressed).
     */
    public <R> CompletableFuture<R> atomic(Function<Conn, CompletableFuture<R>> work) {
        if (!tx.open) {
            return begin(dev.quarry.spi.TxOptions.DEFAULT).thenCompose(v -> Futures.guard(() -> work.apply(this))
                    .handle((r, e) -> e == null
                            ? commit().thenApply(x -> r)
                            : Conn.<R>failWith(rollback(), e))
                    .thenCompose(f -> f));
        }
        String name = newSavepointName();
        return savepoint(name).thenCompose(v -> Futures.guard(() -> work.apply(this))
                .handle((r, e) -> e == null
                        ? endSavepoint(name).thenApply(x -> r)
                        : Conn.<R>failWith(abandonSavepoint(name), e))
                .thenCompose(f -> f));
    }

    /**
     * Fails with {@code failure} once {@code cleanup} (a rollback) has finished, the cleanup's own failure added
     * to it as suppressed.
     */
    public static <R> CompletableFuture<R> failWith(CompletableFuture<?> cleanup, Throwable failure) {
        Throwable cause = Futures.unwrap(failure);
        return cleanup.handle((x, e) -> {
            if (e != null && Futures.unwrap(e) != cause) {
                cause.addSuppressed(Futures.unwrap(e));
            }
            return CompletableFuture.<R>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    /** A new savepoint name, unique in this JVM. */
    public static String newSavepointName() {
        return "quarry_sp_" + SAVEPOINTS.incrementAndGet();
    }

    private <R> CompletableFuture<R> call(Supplier<R> blocking, Supplier<? extends CompletionStage<R>> nonBlocking) {
        return call(blocking, nonBlocking, false);
    }

    /**
     * Runs one statement through the provider. Inside a transaction where a statement failed, refuses it with
     * Django's TransactionException unless it {@code recovers} (a rollback); a failure is recorded in the
     * transaction's state.
     */
    private <R> CompletableFuture<R> call(Supplier<R> blocking, Supplier<? extends CompletionStage<R>> nonBlocking,
                                          boolean recovers) {
        try {
            scope.check();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!recovers && tx.needsRollback()) {
            return CompletableFuture.failedFuture(new TransactionException(BROKEN, tx.failure));
        }
        if (!async) {
            try {
                return CompletableFuture.completedFuture(blocking.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(failed(e));
            }
        }
        CompletableFuture<R> stage;
        try {
            stage = nonBlocking.get().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(failed(e));
        }
        scope.track(stage);
        return stage.handle((r, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(r);
            }
            return CompletableFuture.<R>failedFuture(failed(e));
        }).thenCompose(f -> f);
    }

    /** The public exception for a statement's failure, recorded in the transaction's state. */
    private Throwable failed(Throwable e) {
        Throwable translated = errors.translate(e);
        tx.failed(translated);
        return translated;
    }
}
