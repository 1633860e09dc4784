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

    /** @param database the provider's pool */
    public PoolSession(Database database, Errors errors, Dialect dialect) {
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
        return acquireAsync().thenCompose(connection -> Futures.guard(() -> work.apply(conn(connection, true, scope)))
                .handle((r, e) -> connection.closeAsync().toCompletableFuture().handle((v, e2) ->
                        e == null ? CompletableFuture.completedFuture(r) : CompletableFuture.<R>failedFuture(Futures.unwrap(e))))
                .thenCompose(f -> f).thenCompose(f -> f));
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
        return new Conn(connection, async, errors, dialect, scope, new Conn.TxState(false));
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
            SerialSession pinned = new SerialSession(connection, errors, dialect, false, true);
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
