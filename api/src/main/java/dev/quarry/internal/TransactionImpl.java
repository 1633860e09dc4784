package dev.quarry.internal;

import dev.quarry.Manager;
import dev.quarry.RawQuerySet;
import dev.quarry.Savepoint;
import dev.quarry.Transaction;
import dev.quarry.TransactionException;
import dev.quarry.internal.exec.CancelScope;
import dev.quarry.internal.exec.Conn;
import dev.quarry.internal.exec.Futures;
import dev.quarry.internal.exec.SerialSession;
import dev.quarry.internal.exec.TransactionControl;
import dev.quarry.internal.exec.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An open transaction, or a savepoint block nested in one. All levels share one {@link SerialSession}; each
 * level has its own "ended" flag and its own on-commit callbacks, handed to its parent when its savepoint is
 * released and dropped when it is rolled back.
 */
final class TransactionImpl implements Transaction, Session {

    private static final String ENDED = "This transaction has ended: a Transaction can only be used inside its atomic block.";

    private static final String CHILD_OPEN = "A nested atomic block is open on this transaction: run this work on the "
            + "Transaction the nested block was given, or after the nested block ends (issued on the outer "
            + "Transaction it would land in the savepoint and be undone with it).";

    private final QuarryImpl quarry;
    private final SerialSession serial;
    private final QueryContext ctx;
    private final List<Runnable> callbacks = new ArrayList<>();
    private volatile boolean active = true;
    /** The nested block open on this level now, or {@code null}; guarded by {@code serial}'s monitor. */
    private volatile TransactionImpl openChild;

    TransactionImpl(QuarryImpl quarry, SerialSession serial) {
        this.quarry = quarry;
        this.serial = serial;
        this.ctx = quarry.context().in(this);
    }

    private void checkActive() {
        if (!active) {
            throw new TransactionException(ENDED);
        }
    }

    /** Refuses work on this level once it ended, or while a nested block is open on it. */
    private void checkUsable() {
        checkActive();
        if (openChild != null) {
            throw new TransactionException(CHILD_OPEN);
        }
    }

    /** Ends this level: every later use throws TransactionException. */
    void end() {
        active = false;
    }

    /** The callbacks registered at this level, in order. */
    synchronized List<Runnable> callbacks() {
        return new ArrayList<>(callbacks);
    }

    /** Runs the callbacks after the outermost commit; a failure is reported and the others still run. */
    void runCallbacks(Consumer<Throwable> onFailure) {
        for (Runnable r : callbacks()) {
            try {
                r.run();
            } catch (Throwable t) {
                onFailure.accept(t);
            }
        }
    }

    // ---------------------------------------------------------------- Session: this level's statements

    @Override
    public <R> CompletableFuture<R> run(boolean async, CancelScope scope, Function<Conn, CompletableFuture<R>> work) {
        checkUsable();
        return serial.run(async, scope, work, this::checkUsable);
    }

    @Override
    public boolean inTransaction() {
        return true;
    }

    @Override
    public CompletableFuture<SerialSession> pin(boolean async) {
        checkUsable();
        return CompletableFuture.completedFuture(serial);
    }

    // ---------------------------------------------------------------- Transaction

    @Override
    public <T> Manager<T> objects(Class<T> model) {
        checkActive();
        return new ManagerImpl<>(ctx, quarry.models().meta(Objects.requireNonNull(model, "model")));
    }

    @Override
    public <T> RawQuerySet<T> raw(Class<T> model, String sql, Object... params) {
        checkActive();
        TransactionControl.refuse(sql);
        return new RawQuerySetImpl<>(ctx, quarry.models().meta(model), sql, params);
    }

    /**
     * Opens a nested block: sets its savepoint, atomically with making it this level's open child (so no work
     * issued on this level can slip into the savepoint); fails, with nothing opened, if this level is unusable.
     */
    private CompletableFuture<Void> openChild(TransactionImpl child, String name, boolean async) {
        return serial.run(async, CancelScope.NONE, c -> c.savepoint(name), () -> {
            checkUsable();
            openChild = child;
        }).whenComplete((v, e) -> {
            if (e != null) {
                openChild = null;
            }
        });
    }

    @Override
    public <R> R atomic(Function<? super Transaction, ? extends R> work) {
        checkUsable();
        Objects.requireNonNull(work, "work");
        String name = Conn.newSavepointName();
        TransactionImpl child = new TransactionImpl(quarry, serial);
        Futures.await(openChild(child, name, false));
        R result;
        try {
            try {
                result = work.apply(child);
                Futures.await(serial.drained());
            } catch (Throwable t) {
                Futures.await(serial.drained());
                child.end();
                try {
                    Futures.await(serial.run(false, CancelScope.NONE, c -> c.abandonSavepoint(name)));
                } catch (RuntimeException rollbackFailure) {
                    t.addSuppressed(rollbackFailure);
                }
                throw Sneaky.rethrow(t);
            }
            child.end();
            Futures.await(serial.run(false, CancelScope.NONE, c -> c.endSavepoint(name)));
        } finally {
            openChild = null;
        }
        adopt(child);
        return result;
    }

    @Override
    public <R> CompletableFuture<R> aatomic(Function<? super Transaction, ? extends CompletionStage<R>> work) {
        checkUsable();
        Objects.requireNonNull(work, "work");
        String name = Conn.newSavepointName();
        TransactionImpl child = new TransactionImpl(quarry, serial);
        CompletableFuture<Void> opened = openChild(child, name, true);
        return CancelScope.start(scope -> {
            scope.onCancel(serial::cancelCurrent);
            return opened.thenCompose(v -> {
                if (scope.isCancelled()) {   // cancelled while the savepoint was set: the work never starts
                    child.end();
                    return Conn.<R>failWith(serial.run(true, CancelScope.NONE, c -> c.abandonSavepoint(name)),
                            new CancellationException("The nested atomic block was cancelled before its work started."));
                }
                CompletableFuture<R> stage = Futures.guard(() -> work.apply(child).toCompletableFuture());
                scope.track(stage);
                return stage.handle((r, e) -> serial.drained().thenCompose(x -> {
                    child.end();
                    if (e == null && !scope.isCancelled()) {
                        return serial.run(true, CancelScope.NONE, c -> c.endSavepoint(name)).thenApply(y -> {
                            adopt(child);
                            return r;
                        });
                    }
                    Throwable failure = e != null ? Futures.unwrap(e) : new CancellationException();
                    return Conn.<R>failWith(serial.run(true, CancelScope.NONE, c -> c.abandonSavepoint(name)), failure);
                })).thenCompose(f -> f);
            }).whenComplete((r, e) -> openChild = null);   // before the user's future completes
        });
    }

    private synchronized void adopt(TransactionImpl child) {
        callbacks.addAll(child.callbacks());
    }

    @Override
    public Savepoint savepoint() {
        checkActive();
        String name = Conn.newSavepointName();
        Futures.await(run(false, CancelScope.NONE, c -> c.savepoint(name)));
        return new SavepointImpl(name);
    }

    @Override
    public void rollbackTo(Savepoint savepoint) {
        Futures.await(arollbackTo(savepoint, false));
    }

    @Override
    public void release(Savepoint savepoint) {
        Futures.await(arelease(savepoint, false));
    }

    @Override
    public CompletableFuture<Savepoint> asavepoint() {
        checkActive();
        String name = Conn.newSavepointName();
        return CancelScope.start(scope -> run(true, scope, c -> c.savepoint(name))
                .thenApply(v -> new SavepointImpl(name)));
    }

    @Override
    public CompletableFuture<Void> arollbackTo(Savepoint savepoint) {
        return arollbackTo(savepoint, true);
    }

    @Override
    public CompletableFuture<Void> arelease(Savepoint savepoint) {
        return arelease(savepoint, true);
    }

    private CompletableFuture<Void> arollbackTo(Savepoint savepoint, boolean async) {
        String name = checkedName(savepoint);
        return run(async, CancelScope.NONE, c -> c.rollbackToSavepoint(name));
    }

    private CompletableFuture<Void> arelease(Savepoint savepoint, boolean async) {
        String name = checkedName(savepoint);
        return run(async, CancelScope.NONE, c -> c.releaseSavepoint(name));
    }

    private String checkedName(Savepoint savepoint) {
        checkActive();
        if (!(savepoint instanceof SavepointImpl sp)) {
            throw new IllegalArgumentException("Not a savepoint of this transaction: " + savepoint);
        }
        return sp.name();
    }

    @Override
    public synchronized void onCommit(Runnable callback) {
        checkActive();
        callbacks.add(Objects.requireNonNull(callback, "callback"));
    }

    @Override
    public boolean isActive() {
        return active;
    }

    /** A savepoint made by {@link #savepoint()}. */
    record SavepointImpl(String name) implements Savepoint {
    }
}
