package io.portside.transfer;

import io.portside.ftp.Site;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker threads and what they are handed. There are as many workers as the parallelism
 * setting asks (at most ten); each is bound to the site it holds a connection to, and no site
 * gets more workers than the per-site limit. A worker asks {@link #take} for its next task:
 * a cancelled job's .part to delete first, else the first queued job its site has room for.
 *
 * <p>Workers' {@code boundSite} and {@code retiring}, and everything here but {@link #isClosed},
 * are guarded by the queue's lock.
 */
final class WorkerPool {
    /** What a worker is handed: a job to run, a cancelled job's .part to delete, or (job null) "close your idle connection". */
    record Task(QueuedJob job, boolean cleanup) {
    }

    private final QueueContext ctx;
    private final Object lock;
    private final SessionFactory sessions;
    private final List<Worker> workers = new ArrayList<>();
    /** Cancelled jobs whose .part a worker still has to delete. */
    private final ArrayDeque<QueuedJob> cleanups = new ArrayDeque<>();
    /** Clean-ups handed to workers and not done yet. */
    private int cleaningUp;
    private boolean started;
    private volatile boolean closed;

    WorkerPool(QueueContext ctx, SessionFactory sessions) {
        this.ctx = ctx;
        this.lock = ctx.lock;
        this.sessions = sessions;
    }

    /** Starts the workers; false when they were started before, or the pool is closed. */
    boolean start() {
        synchronized (lock) {
            if (started || closed) {
                return false;
            }
            started = true;
            resize();
            return true;
        }
    }

    /**
     * Stops the workers, interrupting running transfers, and waits up to 5 s for each to leave.
     * False when the pool was closed before.
     */
    boolean close() {
        List<Worker> stopping;
        synchronized (lock) {
            if (closed) {
                return false;
            }
            closed = true;
            stopping = new ArrayList<>(workers);
            lock.notifyAll();
        }
        for (Worker w : stopping) {
            w.abortCurrent();
            w.thread.interrupt();
        }
        for (Worker w : stopping) {
            try {
                w.thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return true;
    }

    boolean isClosed() {
        return closed;
    }

    /** Starts or retires workers to match the parallelism setting; a retiring one finishes its job first. */
    void resize() {
        if (!started || closed) {
            return;
        }
        int want = ctx.settings().parallelism();
        int active = 0;
        for (Worker w : workers) {
            if (!w.retiring) {
                active++;
                if (active > want) {
                    w.retiring = true;
                }
            }
        }
        for (int n = 1; active < want && n <= 10; n++) {
            String tag = "w" + n;
            if (workers.stream().noneMatch(w -> w.tag.equals(tag))) {
                Worker w = new Worker(tag, ctx, sessions);
                workers.add(w);
                w.thread.start();
                active++;
            }
        }
        lock.notifyAll();
    }

    /** The next task for {@code w}, waiting for one; null when the worker should leave. */
    Task take(Worker w) throws InterruptedException {
        synchronized (lock) {
            long idleSince = System.nanoTime();
            while (true) {
                if (closed || w.retiring) {
                    return null;
                }
                QueuedJob c = cleanups.peek();
                if (c != null && hasRoom(w, c.job.site())) {
                    cleanups.poll();
                    cleaningUp++;
                    bind(w, c.job.site());
                    return new Task(c, true);
                }
                long now = System.nanoTime();
                long idleDisconnect = ctx.settings().idleDisconnect().toNanos();
                JobTable.Pick pick = ctx.jobs.firstReady(now, now + idleDisconnect,
                        site -> hasRoom(w, site) && !anotherIdleHolds(w, site));
                QueuedJob e = pick.job();
                if (e != null) {
                    e.worker = w;
                    e.stop = Stop.NONE;
                    e.attempts++;
                    ctx.jobs.setState(e, JobState.RUNNING);
                    bind(w, e.job.site());
                    lock.notifyAll(); // a worker that left this site's jobs to us may take the next one
                    return new Task(e, false);
                }
                if (w.boundSite != null && now - idleSince >= idleDisconnect) {
                    w.boundSite = null;
                    return new Task(null, false);
                }
                w.waiting = true;
                try {
                    lock.wait(Math.max(1, (pick.lookAgainAt() - now) / 1_000_000));
                } finally {
                    w.waiting = false;
                }
            }
        }
    }

    void workerExited(Worker w) {
        synchronized (lock) {
            workers.remove(w);
            lock.notifyAll();
        }
    }

    /** Has a worker delete the job's .part (the job is cancelled or removed). */
    void addCleanup(QueuedJob e) {
        cleanups.add(e);
        lock.notifyAll();
    }

    void cleanedUp() {
        synchronized (lock) {
            cleaningUp--;
            lock.notifyAll();
        }
    }

    /** True while a .part waits for deletion or is being deleted. */
    boolean cleaningUp() {
        return !cleanups.isEmpty() || cleaningUp > 0;
    }

    /** True when {@code w} may work on {@code site}: it holds that site already, or the site is below its limit. */
    private boolean hasRoom(Worker w, Site site) {
        String key = site.accountKey();
        if (key.equals(w.boundSite)) {
            return true;
        }
        int holding = 0;
        for (Worker other : workers) {
            if (other != w && key.equals(other.boundSite)) {
                holding++;
            }
        }
        return holding < ctx.settings().perSiteLimit();
    }

    /**
     * True when another idle worker already holds {@code site}: it takes the job on the connection it
     * has (no second login), as a FileZilla user expects; notifyAll has woken it too.
     */
    private boolean anotherIdleHolds(Worker w, Site site) {
        String key = site.accountKey();
        if (key.equals(w.boundSite)) {
            return false;
        }
        for (Worker other : workers) {
            if (other != w && other.waiting && !other.retiring && key.equals(other.boundSite)) {
                return true;
            }
        }
        return false;
    }

    private void bind(Worker w, Site site) {
        w.boundSite = site.accountKey();
    }
}
