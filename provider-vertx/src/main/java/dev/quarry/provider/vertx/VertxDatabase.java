package dev.quarry.provider.vertx;

import dev.quarry.spi.Capabilities;
import dev.quarry.spi.Connection;
import dev.quarry.spi.ConnectionConfig;
import dev.quarry.spi.Database;
import dev.quarry.spi.DriverException;
import dev.quarry.spi.Placeholders;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Vert.x pg {@link Pool} of at most {@link ConnectionConfig#poolSize()} connections, spread over a few event
 * loops, on a {@link Vertx} of its own (closed with the pool) or on the one handed in with
 * {@code Quarry.builder().client(vertx)} (left open). Borrowing waits in the pool's queue, never on a thread, for at
 * most {@link ConnectionConfig#connectTimeout()}. Thread-safe.
 */
final class VertxDatabase implements Database {

    private static final System.Logger LOG = System.getLogger("dev.quarry.provider.vertx");

    /** Rewritten SQL per Quarry SQL text (?-placeholders to $n), bounded; the compiler's texts repeat. */
    private static final int MAX_CACHED_SQL = 2048;

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final Pool pool;
    private final ZoneId sessionZone;
    private final ConcurrentHashMap<String, String> numbered = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.util.concurrent.ExecutorService offLoop = java.util.concurrent.Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("quarry-vertx-", 0).factory());

    private final CancelRequests cancelRequests;

    private VertxDatabase(Vertx vertx, boolean ownsVertx, Pool pool, ZoneId sessionZone, CancelRequests cancelRequests) {
        this.vertx = vertx;
        this.cancelRequests = cancelRequests;
        this.ownsVertx = ownsVertx;
        this.pool = pool;
        this.sessionZone = sessionZone;
    }

    /**
     * Opens the pool and borrows one connection to prove the settings (waiting on the caller's thread, as
     * {@code Quarry.builder().build()} is a blocking call); fails with a DriverException carrying PostgreSQL's
     * SQLState (wrong password, unknown database...) and closes what it opened.
     */
    static VertxDatabase open(ConnectionConfig config) {
        PgConnectOptions options = ConnectOptions.of(config);
        boolean ownsVertx = config.native_() == null;
        Vertx vertx = ownsVertx ? Vertx.vertx(new VertxOptions().setEventLoopPoolSize(ConnectOptions.eventLoops(config)))
                : (Vertx) config.native_();
        PoolOptions poolOptions = new PoolOptions()
                .setMaxSize(config.poolSize())
                .setMaxWaitQueueSize(-1)
                .setEventLoopSize(ConnectOptions.eventLoops(config))
                .setConnectionTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis())))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setName("quarry-vertx-" + Integer.toHexString(System.identityHashCode(options)));
        NetClientOptions tcp = new NetClientOptions()
                .setConnectTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis())));
        Pool pool = PgBuilder.pool().with(poolOptions).with(tcp).connectingTo(options).using(vertx).build();
        VertxDatabase database = new VertxDatabase(vertx, ownsVertx, pool, config.timeZone(), new CancelRequests(vertx,
                options.getHost(), options.getPort(), tcp.getConnectTimeout()));
        try {
            pool.getConnection().compose(c -> c.close()).toCompletionStage().toCompletableFuture()
                    .get(config.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            database.close();
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            RuntimeException translated = Errors.translate(cause);
            String state = translated instanceof DriverException d ? d.sqlState() : null;
            throw new DriverException("Cannot connect to " + Errors.redact(config.url()) + ": " + translated.getMessage(),
                    state != null ? state : Errors.UNABLE_TO_CONNECT, null, cause);
        }
        return database;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.all();
    }

    /** Waits for {@link #acquireAsync()} (on a virtual thread, ideally; never on an event loop). */
    @Override
    public Connection acquire() {
        return VertxConnection.await(acquireAsync());
    }

    /**
     * Borrows a connection without blocking: the pool's queue completes the stage. Cancelled meanwhile, the
     * stage gives the connection straight back when it comes.
     */
    @Override
    public CompletionStage<Connection> acquireAsync() {
        if (closed.get()) {
            return CompletableFuture.failedFuture(Errors.closedDatabase());
        }
        CompletableFuture<Connection> result = new CompletableFuture<>();
        pool.getConnection().onComplete(ar -> {
            if (ar.failed()) {
                result.completeExceptionally(closed.get() ? Errors.closedDatabase() : Errors.translate(ar.cause()));
                return;
            }
            PgConnection pg = PgConnection.cast(ar.result());
            pg.noticeHandler(VertxDatabase::notice);
            VertxConnection connection = new VertxConnection(this, pg);
            if (!result.complete(connection)) {
                connection.closeAsync();
            }
        });
        return result;
    }

    /**
     * A server NOTICE (e.g. "table ... does not exist, skipping" of a {@code DROP ... IF EXISTS}): logged at DEBUG to
     * {@code dev.quarry.provider.vertx}, where the client would log every one as a WARNING.
     */
    private static void notice(io.vertx.pgclient.PgNotice notice) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, notice.getSeverity() + " " + notice.getCode() + ": " + notice.getMessage());
        }
    }

    /** Closes the pool (and the Vertx it made). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        offLoop.shutdown();
        boolean wait = !io.vertx.core.Context.isOnEventLoopThread();
        await(pool.close(), wait, "pool");
        await(cancelRequests.close(), wait, "cancel requests");
        if (ownsVertx) {
            await(vertx.close(), wait, "vertx");
        }
    }

    /** Waits (at most 30 s) for a Vert.x close; its listener, not {@code toCompletionStage()}, which may never fire then. */
    private static void await(io.vertx.core.Future<Void> closing, boolean wait, String what) {
        if (!wait) {
            return;
        }
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        closing.onComplete(ar -> done.countDown());
        try {
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A copy of {@code stage} completing on a virtual thread; cancelling the copy cancels {@code stage}. After
     * {@link #close()} it completes on the thread that completes {@code stage}.
     */
    <R> CompletableFuture<R> offEventLoop(CompletableFuture<R> stage) {
        CompletableFuture<R> copy = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                stage.cancel(mayInterruptIfRunning);
                return super.cancel(mayInterruptIfRunning);
            }
        };
        stage.whenComplete((r, e) -> {
            Runnable settle = () -> {
                if (e == null) {
                    copy.complete(r);
                } else {
                    copy.completeExceptionally(e);
                }
            };
            try {
                offLoop.execute(settle);
            } catch (java.util.concurrent.RejectedExecutionException closedAlready) {
                settle.run();
            }
        });
        return copy;
    }

    CancelRequests cancelRequests() {
        return cancelRequests;
    }

    Vertx vertx() {
        return vertx;
    }

    ZoneId sessionZone() {
        return sessionZone;
    }

    /** {@link Placeholders#numbered} of {@code sql}, remembered. */
    String numbered(String sql) {
        String cached = numbered.get(sql);
        if (cached == null) {
            cached = Placeholders.numbered(sql);
            if (numbered.size() < MAX_CACHED_SQL) {
                numbered.put(sql, cached);
            }
        }
        return cached;
    }

    @Override
    public String toString() {
        return "VertxDatabase[size " + pool.size() + (closed.get() ? ", closed]" : "]");
    }
}
