package io.portside.ftp;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends NOOP on an idle control connection so that NAT routers and firewalls, which drop idle
 * TCP connections after a few minutes, keep it open, and in between (at least every
 * {@link #WATCH_MILLIS}) lets the session look whether the server has hung up. One shared
 * daemon thread for all sessions.
 */
final class KeepAlive {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "portside-keepalive");
        t.setDaemon(true);
        return t;
    });

    static final long WATCH_MILLIS = 1000;
    private final Runnable tick;
    private final Duration interval;
    private ScheduledFuture<?> task;

    KeepAlive(Runnable tick, Duration interval) {
        this.tick = tick;
        this.interval = interval;
    }

    synchronized void start() {
        long period = interval.isZero() || interval.isNegative() ? WATCH_MILLIS
                : Math.min(WATCH_MILLIS, Math.max(250, interval.toMillis() / 2));
        task = TIMER.scheduleWithFixedDelay(tick, period, period, TimeUnit.MILLISECONDS);
    }

    /** True when the control connection has been idle for the keep-alive interval. */
    boolean due(long lastUseNanos) {
        return !interval.isZero() && !interval.isNegative() && System.nanoTime() - lastUseNanos >= interval.toNanos();
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
