package dev.quarry.internal;

import dev.quarry.Features;
import dev.quarry.Manager;
import dev.quarry.Quarry;
import dev.quarry.QuarryException;
import dev.quarry.RawQuerySet;
import dev.quarry.Schema;
import dev.quarry.Transaction;
import dev.quarry.TransactionOptions;
import dev.quarry.internal.exec.CancelScope;
import dev.quarry.internal.exec.Conn;
import dev.quarry.internal.exec.Errors;
import dev.quarry.internal.exec.Futures;
import dev.quarry.internal.exec.PoolSession;
import dev.quarry.internal.exec.SerialSession;
import dev.quarry.internal.exec.TransactionControl;
import dev.quarry.internal.meta.Models;
import dev.quarry.internal.query.Compiler;
import dev.quarry.spi.Capabilities;
import dev.quarry.spi.Connection;
import dev.quarry.spi.ConnectionConfig;
import dev.quarry.spi.Database;
import dev.quarry.spi.Dialect;
import dev.quarry.spi.QuarryProvider;
import dev.quarry.spi.TxOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** The {@link Quarry} implementation: owns the provider's pool, the dialect and the model registry. */
public final class QuarryImpl implements Quarry {

    private static final System.Logger LOG = System.getLogger("dev.quarry");

    private final QuarryProvider provider;
    private final Database database;
    private final Dialect dialect;
    private final Models models = new Models();
    private final Errors errors;
    private final QueryContext context;
    private final Consumer<Throwable> callbackFailures;
    private final ConcurrentHashMap<Class<?>, Manager<?>> managers = new ConcurrentHashMap<>();
    private final SchemaImpl schema;
    private volatile boolean closed;

    private QuarryImpl(QuarryProvider provider, Database database, Dialect dialect, Consumer<Throwable> callbackFailures) {
        this.provider = provider;
        this.database = database;
        this.dialect = dialect;
        this.errors = new Errors(dialect);
        this.context = new QueryContext(this, new PoolSession(database, errors, dialect), new Compiler(dialect), models, errors);
        this.callbackFailures = callbackFailures != null ? callbackFailures
                : t -> LOG.log(System.Logger.Level.WARNING, "An onCommit callback failed after the commit", t);
        this.schema = new SchemaImpl(context);
    }

    /** Finds the provider and dialect for {@code config} and opens the pool. */
    public static Quarry open(ConnectionConfig config, String providerName, Consumer<Throwable> callbackFailures) {
        QuarryProvider provider = chooseProvider(config, providerName);
        Dialect dialect = chooseDialect(config.url());
        return new QuarryImpl(provider, provider.open(config), dialect, callbackFailures);
    }

    private static QuarryProvider chooseProvider(ConnectionConfig config, String name) {
        List<QuarryProvider> all = new ArrayList<>();
        ServiceLoader.load(QuarryProvider.class).forEach(all::add);
        List<String> names = all.stream().map(QuarryProvider::name).toList();
        if (name != null) {
            return all.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new QuarryException(
                    "No Quarry provider named '" + name + "'. Available providers: " + describe(names) + "."));
        }
        List<QuarryProvider> accepting = all.stream().filter(p -> p.accepts(config)).toList();
        if (accepting.isEmpty()) {
            throw new QuarryException("No Quarry provider accepts the URL '" + config.url() + "'. Available providers: "
                    + describe(names) + ". Add one to the class path or module path, e.g. dev.quarry:quarry-provider-jdbc-virtual.");
        }
        if (accepting.size() > 1) {
            throw new QuarryException("Several Quarry providers accept the URL '" + config.url() + "': "
                    + accepting.stream().map(QuarryProvider::name).toList() + ". Choose one with Quarry.builder().provider(name).");
        }
        return accepting.get(0);
    }

    private static String describe(List<String> names) {
        return names.isEmpty() ? "none found" : String.join(", ", names);
    }

    private static Dialect chooseDialect(String url) {
        List<Dialect> all = new ArrayList<>();
        ServiceLoader.load(Dialect.class).forEach(all::add);
        return all.stream().filter(d -> d.accepts(url)).findFirst().orElseThrow(() -> new QuarryException(
                "No SQL dialect accepts the URL '" + url + "'. Available dialects: "
                        + describe(all.stream().map(Dialect::name).toList()) + "."));
    }

    QueryContext context() {
        return context;
    }

    Models models() {
        return models;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("This Quarry is closed.");
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Manager<T> objects(Class<T> model) {
        checkOpen();
        Objects.requireNonNull(model, "model");
        return (Manager<T>) managers.computeIfAbsent(model, m -> new ManagerImpl<>(context, models.meta(model)));
    }

    @Override
    public Schema schema() {
        checkOpen();
        return schema;
    }

    @Override
    public <T> RawQuerySet<T> raw(Class<T> model, String sql, Object... params) {
        checkOpen();
        TransactionControl.refuse(sql);
        return new RawQuerySetImpl<>(context, models.meta(model), sql, params);
    }

    @Override
    public <R> R atomic(Function<? super Transaction, ? extends R> work) {
        return atomic(TransactionOptions.defaults(), work);
    }

    @Override
    public <R> R atomic(TransactionOptions options, Function<? super Transaction, ? extends R> work) {
        checkOpen();
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(options, "options");
        Connection connection;
        try {
            connection = database.acquire();
        } catch (RuntimeException e) {
            throw Sneaky.rethrow(errors.translate(e));
        }
        SerialSession serial = new SerialSession(connection, errors, dialect, true, true);
        try {
            Futures.await(serial.run(false, CancelScope.NONE, c -> begin(c, options)));
            TransactionImpl tx = new TransactionImpl(this, serial);
            R result;
            try {
                result = work.apply(tx);
                Futures.await(serial.drained());
            } catch (Throwable t) {
                Futures.await(serial.drained());
                tx.end();
                try {
                    Futures.await(serial.run(false, CancelScope.NONE, Conn::rollback));
                } catch (RuntimeException rollbackFailure) {
                    t.addSuppressed(rollbackFailure);
                }
                throw Sneaky.rethrow(t);
            }
            tx.end();
            Futures.await(serial.run(false, CancelScope.NONE, Conn::commit));
            tx.runCallbacks(callbackFailures);
            return result;
        } finally {
            serial.end("This transaction has ended.");
            serial.release(false);
        }
    }

    private CompletableFuture<Void> begin(Conn c, TransactionOptions options) {
        TxOptions tx = new TxOptions(options.isolation() == null ? null : options.isolation().sql(), options.readOnly());
        CompletableFuture<Void> begun = c.begin(tx);
        if (options.timeout() != null) {
            return begun.thenCompose(v -> c.execute(dialect.statementTimeout(options.timeout().toMillis())));
        }
        return begun;
    }

    @Override
    public <R> CompletableFuture<R> aatomic(Function<? super Transaction, ? extends CompletionStage<R>> work) {
        return aatomic(TransactionOptions.defaults(), work);
    }

    @Override
    public <R> CompletableFuture<R> aatomic(TransactionOptions options,
                                            Function<? super Transaction, ? extends CompletionStage<R>> work) {
        checkOpen();
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(options, "options");
        return CancelScope.start(scope -> database.acquireAsync().toCompletableFuture()
                .handle((c, e) -> e == null ? CompletableFuture.completedFuture(c)
                        : CompletableFuture.<Connection>failedFuture(errors.translate(e))).thenCompose(f -> f)
                .thenCompose(connection -> {
                    SerialSession serial = new SerialSession(connection, errors, dialect, true, true);
                    scope.onCancel(serial::cancelCurrent);   // reaches BEGIN too
                    return Futures.guard(() -> serial.run(true, CancelScope.NONE, c -> begin(c, options)))
                            .thenCompose(v -> {
                                if (scope.isCancelled()) {   // cancelled while acquiring or beginning: no work
                                    return Conn.<R>failWith(serial.run(true, CancelScope.NONE, Conn::rollback),
                                            new CancellationException("The transaction was cancelled before its work started."));
                                }
                                TransactionImpl tx = new TransactionImpl(this, serial);
                                CompletableFuture<R> stage = Futures.guard(() -> work.apply(tx).toCompletableFuture());
                                scope.track(stage);
                                return stage.handle((r, e) -> finish(serial, tx, scope, r, e)).thenCompose(f -> f);
                            })
                            .handle((r, e) -> {
                                serial.end("This transaction has ended.");
                                return serial.release(true).handle((x, e2) -> e == null
                                        ? CompletableFuture.completedFuture(r)
                                        : CompletableFuture.<R>failedFuture(Futures.unwrap(e))).thenCompose(f -> f);
                            }).thenCompose(f -> f);
                }));
    }

    /** Commits (or, after a failed statement, refuses to: see {@link Conn#commit()}) or rolls back, then reports. */
    private <R> CompletableFuture<R> finish(SerialSession serial, TransactionImpl tx, CancelScope scope, R result, Throwable error) {
        return serial.drained().thenCompose(x -> {
            tx.end();
            if (error == null && !scope.isCancelled()) {
                return serial.run(true, CancelScope.NONE, Conn::commit).thenApply(v -> {
                    tx.runCallbacks(callbackFailures);
                    return result;
                });
            }
            Throwable failure = error != null ? Futures.unwrap(error) : new CancellationException();
            return Conn.<R>failWith(serial.run(true, CancelScope.NONE, Conn::rollback), failure);
        });
    }

    @Override
    public Features features() {
        Capabilities caps = database.capabilities();
        var df = dialect.features();
        return new Features(provider.name(), dialect.name(), caps.supportsCancellation(), caps.supportsBatch(),
                caps.supportsStatementTimeout(), df.supportsReturning(), df.supportsUpsert(), df.supportsSkipLocked(),
                df.supportsCursors());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            database.close();
        }
    }

    @Override
    public String toString() {
        return "Quarry[" + provider.name() + ", " + dialect.name() + "]";
    }
}
