package dev.quarry.internal.exec;

import dev.quarry.spi.Connection;
import dev.quarry.spi.Database;
import dev.quarry.spi.Dialect;
import dev.quarry.spi.TxOptions;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Runs each operation on a connection borrowed from the pool for that operation only (autocommit). */
public final class PoolSession implements Session {

    private final Database database;
    private final Errors errors;
    private final Dialect dialect;
    private final StatementLog log;

    /**
     * @param database the provider's pool
     * @param log      where the statements run on it are reported
     */
    public PoolSession(Database database, Errors errors, Dialect dialect, StatementLog log) {
        this.log = log;
        this.database = database;
        this.errors = errors;
        this.dialect = dialect;
    }

    @Override
    public <R> CompletableFuture<R> run(boolean async, CancelScope scope, Function<Conn, CompletableFuture<R>> work) {
        if (!async) {
            Connection connection;
            try {
                connection = database.acquire();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(errors.translate(e));
            }
            try {
                return Futures.guard(() -> work.apply(conn(connection, false, scope)));
            } finally {
                connection.close();
            }
        }
        var blocking = database.blockingExecutor();
        if (blocking.isPresent()) {
            return oneTask(blocking.get(), scope, work);
        }
        return acquireAsync().thenCompose(connection -> Futures.guard(() -> work.apply(conn(connection, true, scope)))
                .handle((r, e) -> connection.closeAsync().toCompletableFuture().handle((v, e2) ->
                        e == null ? CompletableFuture.completedFuture(r) : CompletableFuture.<R>failedFuture(Futures.unwrap(e))))
                .thenCompose(f -> f).thenCompose(f -> f));
    }

    /**
     * The async twin for a blocking transport: the whole operation (borrow, statements, give back) runs as one
     * task on the transport's executor, in sync mode, so it hops threads once instead of at every step. The
     * user's cancel reaches the statement through {@link Connection#cancel()}.
     */
    private <R> CompletableFuture<R> oneTask(java.util.concurrent.Executor executor, CancelScope scope,
                                             Function<Conn, CompletableFuture<R>> work) {
        CompletableFuture<R> result = new CompletableFuture<>();
        executor.execute(() -> {
            if (scope.isCancelled()) {
                result.cancel(false);
                return;
            }
            CompletableFuture<R> outcome = run(false, scope, conn -> {
                scope.trackBlocking(conn.connection()::cancel);
                try {
                    return work.apply(conn);
                } finally {
                    scope.trackBlocking(null);
                }
            });
            outcome.whenComplete((r, e) -> {
                if (e == null) {
                    result.complete(r);
                } else {
                    result.completeExceptionally(Futures.unwrap(e));
                }
            });
        });
        return result;
    }

    private CompletableFuture<Connection> acquireAsync() {
        try {
            return database.acquireAsync().toCompletableFuture().handle((c, e) -> e == null
                    ? CompletableFuture.completedFuture(c)
                    : CompletableFuture.<Connection>failedFuture(errors.translate(e))).thenCompose(f -> f);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(errors.translate(e));
        }
    }

    private Conn conn(Connection connection, boolean async, CancelScope scope) {
        return new Conn(connection, async, errors, dialect, scope, new Conn.TxState(false), log);
    }

    @Override
    public boolean inTransaction() {
        return false;
    }

    @Override
    public CompletableFuture<SerialSession> pin(boolean async) {
        CompletableFuture<Connection> acquired;
        if (async) {
            acquired = acquireAsync();
        } else {
            try {
                acquired = CompletableFuture.completedFuture(database.acquire());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(errors.translate(e));
            }
        }
        return acquired.thenCompose(connection -> {
            SerialSession pinned = new SerialSession(connection, errors, dialect, false, true, log);
            return pinned.run(async, CancelScope.NONE, c -> c.begin(TxOptions.DEFAULT))
                    .handle((v, e) -> {
                        if (e != null) {
                            connection.close();
                            return CompletableFuture.<SerialSession>failedFuture(Futures.unwrap(e));
                        }
                        return CompletableFuture.completedFuture(pinned);
                    }).thenCompose(f -> f);
        });
    }
}
