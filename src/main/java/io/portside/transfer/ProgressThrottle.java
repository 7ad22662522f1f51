package io.portside.transfer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns the workers' constant byte counts into one {@link QueueUpdate} per interval (~10 per
 * second): each changed job appears at most once, so 10,000 tiny files do not flood the UI.
 * Its thread also measures rates and saves the queue now and then.
 */
final class ProgressThrottle {
    private final QueueContext ctx;
    private final Duration interval;
    private final ConcurrentLinkedQueue<QueuedJob> dirty = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> removed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean orderChanged = new AtomicBoolean();
    private final AtomicBoolean unsaved = new AtomicBoolean();
    private final List<QueueListener> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;
    private volatile double rate;
    /** The running jobs' meters (this thread only); a job that stops running loses its meter. */
    private final Map<QueuedJob, Metered> meters = new HashMap<>();
    private RateMeter queueMeter;
    private volatile Saver store;
    private long lastSave;

    ProgressThrottle(QueueContext ctx, Duration interval) {
        this.ctx = ctx;
        this.interval = interval;
    }

    synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "portside-queue-progress");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::tickSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Delivers what is pending and saves a last time. */
    void stop() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t != null) {
            t.shutdown();
            try {
                t.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tickSafely();
        save();
    }

    AutoCloseable add(QueueListener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** Saves the queue (its store, bound to the queue's front); called on this thread. */
    interface Saver {
        void save() throws java.io.IOException;
    }

    void attach(Saver s) {
        store = s;
        unsaved.set(true);
    }

    void dirty(QueuedJob e) {
        dirty.add(e);
    }

    void removed(long id) {
        removed.add(id);
        unsaved.set(true);
    }

    void orderChanged() {
        orderChanged.set(true);
        unsaved.set(true);
    }

    void structureChanged() {
        unsaved.set(true);
    }

    double rate() {
        return rate;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            e.printStackTrace(); // a listener's bug must not stop progress reports
        }
        long now = System.nanoTime();
        if (store != null && now - lastSave >= ctx.settings().saveInterval().toNanos()) {
            save();
        }
    }

    private synchronized void tick() {
        long now = System.nanoTime();
        Set<QueuedJob> batch = new LinkedHashSet<>();
        for (QueuedJob e; (e = dirty.poll()) != null; ) {
            e.dirty = false;
            batch.add(e);
        }
        List<QueuedJob> running = ctx.jobs.running();
        for (QueuedJob e : running) {
            measure(e, now);
        }
        forgetStopped(running);
        batch.addAll(running);
        measureQueue(now, !running.isEmpty());
        List<Long> gone = new ArrayList<>();
        for (Long id; (id = removed.poll()) != null; ) {
            gone.add(id);
        }
        boolean reordered = orderChanged.getAndSet(false);
        if (batch.isEmpty() && gone.isEmpty() && !reordered) {
            return;
        }
        QueueUpdate update = new QueueUpdate(ctx.jobs.views(batch), gone, reordered, ctx.jobs.totals());
        for (QueueListener l : listeners) {
            try {
                l.queueChanged(update);
            } catch (RuntimeException ex) {
                ex.printStackTrace();
            }
        }
    }

    /** A job's meter and the run it measures (a new run, from its own offset, starts a new meter). */
    private record Metered(RateMeter meter, int run) {
    }

    /** The job's rate over the last seconds of wall time (see {@link RateMeter}). */
    private void measure(QueuedJob e, long now) {
        int run = e.run; // read before the bytes: a new run's offset is written before its number
        long bytes = e.bytesDone;
        Metered m = meters.get(e);
        if (m == null || m.run() != run) {
            m = new Metered(new RateMeter(now, bytes), run);
            meters.put(e, m);
        } else {
            m.meter().sample(now, bytes);
        }
        e.rate = m.meter().rate();
    }

    /** Paused, failed, done: no rate, and a later run measures afresh. */
    private void forgetStopped(List<QueuedJob> running) {
        if (meters.size() == running.size() && meters.keySet().containsAll(running)) {
            return;
        }
        Set<QueuedJob> still = new HashSet<>(running);
        meters.keySet().removeIf(e -> {
            if (still.contains(e)) {
                return false;
            }
            e.rate = 0;
            return true;
        });
    }

    private void measureQueue(long now, boolean anyRunning) {
        long moved = ctx.movedTotal();
        if (!anyRunning) {
            queueMeter = null;
            rate = 0;
        } else if (queueMeter == null) {
            queueMeter = new RateMeter(now, moved);
            rate = 0;
        } else {
            queueMeter.sample(now, moved);
            rate = queueMeter.rate();
        }
    }

    private synchronized void save() {
        Saver s = store;
        if (s == null || !unsaved.getAndSet(false)) {
            return;
        }
        lastSave = System.nanoTime();
        try {
            s.save();
        } catch (java.io.IOException e) {
            unsaved.set(true);
            System.err.println("portside: could not save the transfer queue: " + e.getMessage());
        }
    }
}
