package io.portside.transfer;

import io.portside.ftp.Site;
import io.portside.ftp.UserMessage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The queue's jobs: in order, by id, and counted by state. Every state change goes through
 * {@link #setState}, which checks it with {@link JobStateMachine}, keeps the counts, marks the job for the next progress report and
 * wakes whoever waits on the queue's lock (idle workers, {@link TransferQueue#awaitIdle}).
 *
 * <p>Methods that do not take the queue's lock themselves are called with it held.
 */
final class JobTable {
    /** What a worker's search for work found: a job to run, or none and when to look again. */
    record Pick(QueuedJob job, long lookAgainAt) {
    }

    private final Object lock;
    private final ProgressThrottle progress;
    private final List<QueuedJob> order = new ArrayList<>();
    private final Map<Long, QueuedJob> byId = new HashMap<>();
    private final Set<QueuedJob> runningJobs = new HashSet<>();
    /** Removed while running: counted as running until the worker lets go. */
    private final Set<QueuedJob> pendingRemoval = new HashSet<>();
    private final int[] counts = new int[JobState.values().length];
    private final QueueContext ctx;
    private long nextId = 1;
    /** Every job before this index is finished, so the search for work starts here. */
    private int scanFrom;

    JobTable(QueueContext ctx) {
        this.ctx = ctx;
        this.lock = ctx.lock;
        this.progress = ctx.progress;
    }

    // --- adding -----------------------------------------------------------------------------

    /** Appends jobs; returns their ids in the same order. */
    List<Long> append(List<TransferJob> jobs) {
        List<Long> ids = new ArrayList<>(jobs.size());
        synchronized (lock) {
            for (TransferJob j : jobs) {
                QueuedJob e = newEntry(0, j, JobState.QUEUED);
                order.add(e);
                ids.add(e.id);
            }
            progress.orderChanged();
            lock.notifyAll();
        }
        return ids;
    }

    /** Puts back a saved job (see {@link QueueStore}). */
    long restore(TransferJob job, JobState state, String renamedTarget, String partPath, UserMessage message, long done,
                 long total) {
        synchronized (lock) {
            // a saved job comes back paused, failed (to be retried) or queued
            QueuedJob e = newEntry(0, job, state == JobState.PAUSED || state == JobState.FAILED ? state : JobState.QUEUED);
            e.renamedTarget = renamedTarget;
            e.partPath = partPath;
            e.message = message;
            e.bytesDone = done;
            e.bytesTotal = job.directory() ? -1 : total;
            order.add(e);
            progress.orderChanged();
            lock.notifyAll();
            return e.id;
        }
    }

    /** A listed folder's contents, right after the folder so the tree is copied in order. */
    void insertChildren(QueuedJob parent, List<TransferJob> children, JobState state) {
        int at = order.indexOf(parent);
        List<QueuedJob> added = new ArrayList<>(children.size());
        for (TransferJob j : children) {
            added.add(newEntry(parent.id, j, state));
        }
        order.addAll(at + 1, added);
        scanFrom = Math.min(scanFrom, at + 1);
        progress.orderChanged();
    }

    /** A new job; it starts QUEUED, or PAUSED (a paused folder's contents), or as it was saved. */
    private QueuedJob newEntry(long parent, TransferJob j, JobState start) {
        QueuedJob e = new QueuedJob(nextId++, parent, j);
        e.state = start;
        byId.put(e.id, e);
        counts[start.ordinal()]++;
        markDirty(e);
        return e;
    }

    // --- changing ---------------------------------------------------------------------------

    /** Changes a job's state, as {@link JobStateMachine} allows (anything else is a bug, and throws). */
    void setState(QueuedJob e, JobState s) {
        JobStateMachine.require(e.state, s);
        counts[e.state.ordinal()]--;
        counts[s.ordinal()]++;
        e.state = s;
        if (counts[JobState.QUEUED.ordinal()] == 0 && counts[JobState.RUNNING.ordinal()] == 0) {
            // the batch is through: an "apply to all" answer was for it, not for the next drop
            ctx.conflicts.forgetAnswerForAll();
        }
        if (s != JobState.FAILED) {
            e.failure = null; // retried: the old exception no longer applies
        }
        if (s == JobState.RUNNING) {
            runningJobs.add(e);
        } else {
            runningJobs.remove(e);
        }
        markDirty(e);
        progress.structureChanged();
        lock.notifyAll();
    }

    /** Back in line, to run as soon as a worker is free (even before jobs it passed already). */
    void requeue(QueuedJob e) {
        e.notBefore = 0;
        setState(e, JobState.QUEUED);
        scanFrom = 0;
        lock.notifyAll();
    }

    /** For the next progress report; any thread, no lock needed. */
    void markDirty(QueuedJob e) {
        if (!e.dirty) {
            e.dirty = true;
            progress.dirty(e);
        }
    }

    /** Moves the jobs, keeping their order, so that the first lands at {@code index} of the remaining ones. */
    void move(Collection<Long> ids, int index) {
        synchronized (lock) {
            List<QueuedJob> moving = entries(ids);
            order.removeAll(new HashSet<>(moving));
            order.addAll(Math.max(0, Math.min(index, order.size())), moving);
            scanFrom = 0;
            progress.orderChanged();
            lock.notifyAll();
        }
    }

    /** Takes jobs out of the table; a running one still counts as running until {@link #releaseRemoved}. */
    void drop(Set<QueuedJob> gone) {
        if (gone.isEmpty()) {
            return;
        }
        order.removeIf(gone::contains);
        for (QueuedJob e : gone) {
            byId.remove(e.id);
            counts[e.state.ordinal()]--;
            if (e.state == JobState.RUNNING) {
                counts[JobState.RUNNING.ordinal()]++; // still running until its worker settles it
                pendingRemoval.add(e);
            }
            progress.removed(e.id);
        }
        scanFrom = 0;
        progress.orderChanged();
        lock.notifyAll();
    }

    /** When {@code e} was removed while running, lets it go for good and returns true. */
    boolean releaseRemoved(QueuedJob e) {
        if (!pendingRemoval.remove(e)) {
            return false;
        }
        counts[JobState.RUNNING.ordinal()]--;
        runningJobs.remove(e);
        lock.notifyAll();
        return true;
    }

    // --- finding work -----------------------------------------------------------------------

    /**
     * The first queued job that may start now: its retry wait is over and {@code siteHasRoom}
     * accepts its site. Without one, says when to look again: at the earliest retry, at the
     * latest at {@code latest}.
     */
    Pick firstReady(long now, long latest, Predicate<Site> siteHasRoom) {
        long wake = latest;
        boolean finishedPrefix = true;
        for (int i = scanFrom; i < order.size(); i++) {
            QueuedJob e = order.get(i);
            if (e.state.isFinished()) {
                if (finishedPrefix) {
                    scanFrom = i + 1;
                }
                continue;
            }
            finishedPrefix = false;
            if (e.state != JobState.QUEUED) {
                continue;
            }
            if (e.notBefore > now) {
                wake = Math.min(wake, e.notBefore);
                continue;
            }
            if (siteHasRoom.test(e.job.site())) {
                return new Pick(e, now);
            }
        }
        return new Pick(null, wake);
    }

    // --- reading ----------------------------------------------------------------------------

    /** The jobs with these ids, in queue order (which {@link #move} keeps). */
    List<QueuedJob> entries(Collection<Long> ids) {
        Set<Long> wanted = ids instanceof Set<Long> s ? s : new HashSet<>(ids);
        return matching(e -> wanted.contains(e.id));
    }

    /** The jobs that match, in queue order. */
    List<QueuedJob> matching(Predicate<QueuedJob> test) {
        List<QueuedJob> out = new ArrayList<>();
        for (QueuedJob e : order) {
            if (test.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    List<JobProgress> snapshot() {
        synchronized (lock) {
            List<JobProgress> out = new ArrayList<>(order.size());
            for (QueuedJob e : order) {
                out.add(e.view());
            }
            return out;
        }
    }

    JobProgress get(long id) {
        synchronized (lock) {
            QueuedJob e = byId.get(id);
            return e == null ? null : e.view();
        }
    }

    Throwable failure(long id) {
        synchronized (lock) {
            QueuedJob e = byId.get(id);
            return e == null || e.state != JobState.FAILED ? null : e.failure;
        }
    }

    List<Long> ids() {
        synchronized (lock) {
            List<Long> out = new ArrayList<>(order.size());
            for (QueuedJob e : order) {
                out.add(e.id);
            }
            return out;
        }
    }

    QueueTotals totals() {
        synchronized (lock) {
            long done = 0;
            long total = 0;
            for (QueuedJob e : order) {
                if (!e.job.directory() && e.state != JobState.SKIPPED && e.state != JobState.CANCELLED) {
                    done += e.bytesDone;
                    total += Math.max(0, e.bytesTotal);
                }
            }
            return new QueueTotals(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6],
                    done, total, progress.rate());
        }
    }

    /** The jobs progress reports about (under the queue's lock, for consistent fields). */
    List<JobProgress> views(Collection<QueuedJob> jobs) {
        synchronized (lock) {
            List<JobProgress> out = new ArrayList<>(jobs.size());
            for (QueuedJob e : jobs) {
                if (byId.containsKey(e.id)) {
                    out.add(e.view());
                }
            }
            return out;
        }
    }

    int count(JobState state) {
        return counts[state.ordinal()];
    }

    List<QueuedJob> running() {
        synchronized (lock) {
            return new ArrayList<>(runningJobs);
        }
    }

    /** Jobs worth saving: not finished, or failed (the user may retry them after a restart). */
    List<QueuedJob> unfinished() {
        synchronized (lock) {
            return matching(e -> !e.state.isFinished() || e.state == JobState.FAILED);
        }
    }
}
