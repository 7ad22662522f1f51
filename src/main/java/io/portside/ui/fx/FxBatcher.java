package io.portside.ui.fx;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * The one bridge from worker threads to the FX thread. Workers {@link #post} changes; at most
 * one drain is scheduled at a time, and it runs everything queued so far in one go. A burst of
 * thousands of log lines therefore costs one {@code runLater}, not thousands, and the FX
 * thread's event queue can never be flooded.
 */
public final class FxBatcher {
    /** Work done per drain before yielding back to rendering (keeps each pulse short). */
    private static final long BUDGET_NANOS = 20_000_000;

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor fxThread;

    public FxBatcher() {
        this(Platform::runLater);
    }

    /** @param fxThread runs the drain; tests of view-models pass {@code Runnable::run} */
    public FxBatcher(Executor fxThread) {
        this.fxThread = fxThread;
    }

    /** Runs {@code change} on the FX thread soon, in order with every other posted change. Any thread. */
    public void post(Runnable change) {
        queue.add(change);
        if (scheduled.compareAndSet(false, true)) {
            fxThread.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        long start = System.nanoTime();
        Runnable r;
        while ((r = queue.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
            if (System.nanoTime() - start > BUDGET_NANOS) {
                break;
            }
        }
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            fxThread.execute(this::drain);
        }
    }
}
