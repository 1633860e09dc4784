package dev.quarry.provider.helidon;

import dev.quarry.spi.Capabilities;
import dev.quarry.spi.Connection;
import dev.quarry.spi.ConnectionConfig;
import dev.quarry.spi.Database;
import dev.quarry.spi.DriverException;
import io.helidon.common.config.Config;
import io.helidon.common.context.Contexts;
import io.helidon.dbclient.DbClient;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Quarry's pool over a Helidon client, and the executor the async twins run on (one new virtual thread per
 * operation, named {@code quarry-helidon-N}, in the Helidon {@code Context} of the thread that started the
 * operation). Thread-safe.
 *
 * <p>A {@link HelidonConnection} is a logical handle: outside a transaction each statement borrows a connection
 * from Helidon's pool for its own duration, inside one the Helidon transaction holds one. At most
 * {@link #poolSize} handles are out at once (borrowing more waits, up to the connect timeout), so Quarry never
 * asks Helidon's pool for more connections than it has:
 * <ul>
 *   <li>built from a URL: the pool has Quarry's {@code poolSize};</li>
 *   <li>built from a Helidon config: the config's {@code connection.maximumPoolSize} (HikariCP's default, 10,
 *       without it);</li>
 *   <li>over a user's {@code DbClient}: Quarry's {@code poolSize}, which should not exceed that client's pool.</li>
 * </ul>
 */
final class HelidonDatabase implements Database {

    private final Clients.Built built;
    private final Capabilities capabilities;
    private final Semaphore permits;
    private final int poolSize;
    private final Duration acquireTimeout;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private HelidonDatabase(Clients.Built built, Duration acquireTimeout) {
        this.built = built;
        this.poolSize = built.poolSize();
        this.permits = new Semaphore(poolSize, true);
        this.acquireTimeout = acquireTimeout;
        this.capabilities = capabilities(built.client().dbType());
        // Tasks run in the Helidon context of the thread that submits them (a web request's, say), so that the
        // client services see it: tracing makes a statement's span a child of the request's span.
        this.executor = Contexts.wrap(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("quarry-helidon-", 0).factory()));
    }

    /** Builds the client from what the user gave (see {@link Clients}) and opens the pool. */
    static HelidonDatabase open(ConnectionConfig config) {
        Clients.Built built = switch (config.native_()) {
            case null -> Clients.fromUrl(config);
            case Config helidonConfig -> Clients.fromConfig(config, helidonConfig);
            case DbClient client -> Clients.fromClient(config, client);
            default -> throw new IllegalArgumentException("The helidon provider takes a Helidon io.helidon.dbclient.DbClient "
                    + "or io.helidon.common.config.Config as its client, not a " + config.native_().getClass().getName()
                    + ".");
        };
        return new HelidonDatabase(built, config.connectTimeout());
    }

    /**
     * What this transport can do over Helidon DB Client 4.5:
     * <ul>
     *   <li>cancellation: yes with pgjdbc, whose cancel request ({@code PGConnection.cancelQuery()}) is sent for the
     *       physical connection that Quarry's pool saw the statement borrow; Helidon itself has no cancel;</li>
     *   <li>native batches: no, Helidon has no batch API; a batch is a loop of statements in one transaction;</li>
     *   <li>statement timeouts: yes, as {@code SET LOCAL statement_timeout} inside the transaction;</li>
     *   <li>transactions: yes, Helidon's {@code DbTransaction}; savepoints are plain SQL in it.</li>
     * </ul>
     */
    static Capabilities capabilities(String dbType) {
        boolean postgres = dbType != null && dbType.startsWith("jdbc:postgresql");
        return new Capabilities(postgres, false, true, true);
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    /** The client statements run through. */
    DbClient client() {
        return built.client();
    }

    @Override
    public Connection acquire() {
        if (closed.get()) {
            throw closedException(null);
        }
        boolean acquired;
        try {
            acquired = permits.tryAcquire(acquireTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException("Interrupted while waiting for a connection.", null, null, e);
        }
        if (!acquired) {
            throw new DriverException("No connection became available within " + acquireTimeout.toMillis()
                    + " ms (pool size " + poolSize + ").", null, null, null);
        }
        if (closed.get()) {
            permits.release();
            throw closedException(null);
        }
        return new HelidonConnection(this);
    }

    /** Gives back the permit of a closed {@link HelidonConnection}. */
    void release() {
        permits.release();
    }

    /**
     * Closes the client (and the pool, unless it is a user's client's) and stops accepting async work.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.shutdown();
        } finally {
            built.client().close();
        }
    }

    /** The virtual-thread executor: Quarry runs each async operation (borrow, statements, give back) as one task on it. */
    @Override
    public Optional<Executor> blockingExecutor() {
        return Optional.of(this::execute);
    }

    /** Runs {@code task} on a virtual thread, even after {@link #close()} (the task then fails on its own). */
    void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closedAlready) {
            Thread.ofVirtual().name("quarry-helidon-closed").start(task);
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    private static DriverException closedException(Throwable cause) {
        return new DriverException("The database has been closed.", Errors.CONNECTION_DOES_NOT_EXIST, null, cause);
    }

    @Override
    public String toString() {
        return "HelidonDatabase[" + built.pool() + ", " + (poolSize - permits.availablePermits()) + "/" + poolSize
                + " in use" + (closed.get() ? ", closed]" : "]");
    }
}
