package io.portside.transfer;

import io.portside.files.FileEntry;
import io.portside.ftp.FtpException;
import io.portside.ftp.Site;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * The transfer queue: jobs in order, run by up to ten workers, each with its own connection.
 * Every method may be called from any thread (the UI's included: none of them blocks on the
 * network). Progress reaches {@link QueueListener}s, coalesced, on the queue's progress thread.
 *
 * <p>Threads: one per worker and one for progress; never one per job, so 100,000 queued
 * files cost only their small {@link QueuedJob}s.
 */
public final class TransferQueue implements AutoCloseable {
    /** What a worker is handed: a job to run, a cancelled job's .part to delete, or (job null) "close your idle connection". */
    record Task(QueuedJob job, boolean cleanup) {
    }

    private final Object lock = new Object();
    private final List<QueuedJob> order = new ArrayList<>();
    private final Map<Long, QueuedJob> byId = new HashMap<>();
    private final ArrayDeque<QueuedJob> cleanups = new ArrayDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private final Set<QueuedJob> runningJobs = new HashSet<>();
    /** Removed while running: counted as running until the worker lets go. */
    private final Set<QueuedJob> pendingRemoval = new HashSet<>();
    private final int[] counts = new int[JobState.values().length];
    private final SessionFactory sessions;
    private final SpeedLimit speed;
    private final ProgressThrottle progress;
    private final LongAdder moved = new LongAdder();
    private final ConflictAsker conflicts = new ConflictAsker(this);
    private volatile QueueSettings settings;
    private long nextId = 1;
    /** Clean-ups handed to workers and not done yet. */
    private int cleaningUp;
    /** Every job before this index is finished, so the search for work starts here. */
    private int scanFrom;
    private boolean started;
    private volatile boolean closed;

    public TransferQueue(QueueSettings settings, SessionFactory sessions) {
        this.settings = settings;
        this.sessions = sessions;
        this.speed = new SpeedLimit(settings.speedLimit());
        this.progress = new ProgressThrottle(this, settings.progressInterval());
    }

    // --- life cycle ---------------------------------------------------------------------

    /** Starts the workers and the progress thread; jobs added before wait until then. */
    public void start() {
        synchronized (lock) {
            if (started || closed) {
                return;
            }
            started = true;
            adjustWorkers();
        }
        progress.start();
    }

    /** Stops the workers (a running transfer is interrupted; its .part stays for the next start) and saves. */
    @Override
    public void close() {
        List<Worker> stopping;
        synchronized (lock) {
            if (closed) {
                return;
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
        progress.stop();
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Adds the jobs saved in {@code store} (unfinished downloads resume from their .part files)
     * and from now on keeps the queue saved there. Returns how many jobs came back.
     *
     * @param passwords looks up the password of a restored site (stored without one); may return null
     */
    public int restoreFrom(QueueStore store, java.util.function.Function<Site, String> passwords) throws IOException {
        int n = store.restoreInto(this, passwords);
        progress.attach(store);
        return n;
    }

    // --- settings -------------------------------------------------------------------------

    public QueueSettings settings() {
        return settings;
    }

    /** 1-10 concurrent transfers; fewer takes effect as running jobs finish. */
    public void setParallelism(int n) {
        synchronized (lock) {
            settings = settings.withParallelism(n);
            adjustWorkers();
        }
    }

    public void setPerSiteLimit(int n) {
        synchronized (lock) {
            settings = settings.withPerSiteLimit(n);
            lock.notifyAll();
        }
    }

    /** Bytes per second for all transfers together; 0 for none. */
    public void setSpeedLimit(long bytesPerSecond) {
        settings = settings.withSpeedLimit(bytesPerSecond);
        speed.set(bytesPerSecond);
    }

    /** For jobs without a policy of their own. Also forgets an earlier "apply to all" answer. */
    public void setConflictPolicy(ConflictPolicy policy) {
        settings = settings.withConflict(policy);
        conflicts.forgetAnswerForAll();
    }

    public void setRetryPolicy(RetryPolicy retry) {
        settings = settings.withRetry(retry);
    }

    public void setPreserveTimes(boolean preserve) {
        settings = settings.withPreserveTimes(preserve);
    }

    /** Who answers {@link ConflictPolicy#ASK}; without one, such conflicts are skipped. */
    public void setConflictResolver(ConflictResolver resolver) {
        conflicts.setResolver(resolver);
    }

    // --- adding and observing -------------------------------------------------------------

    public long add(TransferJob job) {
        return addAll(List.of(job)).get(0);
    }

    /** Appends jobs; returns their ids in the same order. */
    public List<Long> addAll(List<TransferJob> jobs) {
        List<Long> ids = new ArrayList<>(jobs.size());
        synchronized (lock) {
            for (TransferJob j : jobs) {
                QueuedJob e = newEntry(0, j);
                order.add(e);
                ids.add(e.id);
            }
            progress.orderChanged();
            lock.notifyAll();
        }
        return ids;
    }

    /** Subscribes to progress; close the returned handle to stop. */
    public AutoCloseable addListener(QueueListener listener) {
        return progress.add(listener);
    }

    /** Every job, in queue order. */
    public List<JobProgress> snapshot() {
        synchronized (lock) {
            List<JobProgress> out = new ArrayList<>(order.size());
            for (QueuedJob e : order) {
                out.add(view(e));
            }
            return out;
        }
    }

    /** One job, or null when it is not (or no longer) in the queue. */
    public JobProgress get(long id) {
        synchronized (lock) {
            QueuedJob e = byId.get(id);
            return e == null ? null : view(e);
        }
    }

    /** Why a failed job failed (the exception, not just its words); null when it did not fail. */
    public Throwable failure(long id) {
        synchronized (lock) {
            QueuedJob e = byId.get(id);
            return e == null || e.state != JobState.FAILED ? null : e.failure;
        }
    }

    public List<Long> ids() {
        synchronized (lock) {
            List<Long> out = new ArrayList<>(order.size());
            for (QueuedJob e : order) {
                out.add(e.id);
            }
            return out;
        }
    }

    public QueueTotals totals() {
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

    /** Waits until no job is queued or running (paused ones may remain); false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (counts[JobState.QUEUED.ordinal()] > 0 || counts[JobState.RUNNING.ordinal()] > 0 || !cleanups.isEmpty() || cleaningUp > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    // --- control: ids, selections and the whole queue -------------------------------------

    /** Queued jobs wait; running ones stop and keep their .part for resume. */
    public void pause(Collection<Long> ids) {
        synchronized (lock) {
            for (QueuedJob e : entries(ids)) {
                if (e.state == JobState.QUEUED) {
                    setState(e, JobState.PAUSED);
                } else if (e.state == JobState.RUNNING && e.stop != Stop.CANCEL && e.stop != Stop.REMOVE) {
                    e.stop = Stop.PAUSE;
                    e.worker.abortCurrent();
                }
            }
        }
    }

    public void resume(Collection<Long> ids) {
        synchronized (lock) {
            for (QueuedJob e : entries(ids)) {
                if (e.state == JobState.PAUSED) {
                    requeue(e);
                } else if (e.state == JobState.RUNNING && e.stop == Stop.PAUSE) {
                    e.stop = Stop.RESTART;
                }
            }
        }
    }

    /** Stops the jobs (ABOR when running) and deletes their .part files: nothing half-written is left. */
    public void cancel(Collection<Long> ids) {
        synchronized (lock) {
            for (QueuedJob e : entries(ids)) {
                stopOrFinish(e, Stop.CANCEL);
            }
        }
    }

    /** Runs failed, cancelled, skipped or paused jobs again (attempts start over; a .part is resumed). */
    public void retry(Collection<Long> ids) {
        synchronized (lock) {
            for (QueuedJob e : entries(ids)) {
                if (e.state == JobState.FAILED || e.state == JobState.CANCELLED || e.state == JobState.SKIPPED
                        || e.state == JobState.PAUSED) {
                    e.attempts = 0;
                    e.decided = e.state == JobState.SKIPPED ? null : e.decided;
                    requeue(e);
                }
            }
        }
    }

    /** Takes jobs out of the queue; running ones are cancelled first. */
    public void remove(Collection<Long> ids) {
        synchronized (lock) {
            Set<QueuedJob> gone = new HashSet<>();
            for (QueuedJob e : entries(ids)) {
                if (e.state == JobState.RUNNING) {
                    e.stop = Stop.REMOVE;
                    e.worker.abortCurrent();
                } else if (e.state != JobState.DONE && e.partPath != null) {
                    cleanups.add(e);
                }
                gone.add(e);
            }
            drop(gone);
        }
    }

    /** Moves the jobs, keeping their order, so that the first lands at {@code index} of the remaining ones. */
    public void move(Collection<Long> ids, int index) {
        synchronized (lock) {
            List<QueuedJob> moving = entries(ids);
            order.removeAll(new HashSet<>(moving));
            order.addAll(Math.max(0, Math.min(index, order.size())), moving);
            scanFrom = 0;
            progress.orderChanged();
            lock.notifyAll();
        }
    }

    public void moveToFront(Collection<Long> ids) {
        move(ids, 0);
    }

    public void moveToBack(Collection<Long> ids) {
        move(ids, Integer.MAX_VALUE);
    }

    public void pauseAll() {
        pause(ids());
    }

    public void resumeAll() {
        resume(ids());
    }

    public void cancelAll() {
        cancel(ids());
    }

    public void retryFailed() {
        synchronized (lock) {
            List<Long> failed = new ArrayList<>();
            for (QueuedJob e : order) {
                if (e.state == JobState.FAILED) {
                    failed.add(e.id);
                }
            }
            retry(failed);
        }
    }

    /** Removes the jobs that are done, skipped or cancelled (failed ones stay, to be read and retried). */
    public void removeFinished() {
        synchronized (lock) {
            Set<QueuedJob> gone = new HashSet<>();
            for (QueuedJob e : order) {
                if (e.state == JobState.DONE || e.state == JobState.SKIPPED || e.state == JobState.CANCELLED) {
                    gone.add(e);
                }
            }
            drop(gone);
        }
    }

    // --- package: workers, runner, progress and store ------------------------------------

    SpeedLimit speedLimit() {
        return speed;
    }

    void moved(long bytes) {
        moved.add(bytes);
    }

    long movedTotal() {
        return moved.sum();
    }

    void markDirty(QueuedJob e) {
        if (!e.dirty) {
            e.dirty = true;
            progress.dirty(e);
        }
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
                if (c != null && siteAllows(w, c.job.site())) {
                    cleanups.poll();
                    cleaningUp++;
                    bind(w, c.job.site());
                    return new Task(c, true);
                }
                long now = System.nanoTime();
                long wake = now + settings.idleDisconnect().toNanos();
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
                    if (siteAllows(w, e.job.site())) {
                        e.worker = w;
                        e.stop = Stop.NONE;
                        e.attempts++;
                        setState(e, JobState.RUNNING);
                        bind(w, e.job.site());
                        return new Task(e, false);
                    }
                }
                if (w.boundSite != null && now - idleSince >= settings.idleDisconnect().toNanos()) {
                    w.boundSite = null;
                    return new Task(null, false);
                }
                lock.wait(Math.max(1, (wake - now) / 1_000_000));
            }
        }
    }

    /** Records how a job ended: done, expanded, stopped, retried later, or failed. */
    void settle(QueuedJob e, Outcome outcome, Throwable failure) {
        synchronized (lock) {
            e.worker = null;
            Stop stop = e.stop;
            e.stop = Stop.NONE;
            if (pendingRemoval.remove(e)) {
                counts[JobState.RUNNING.ordinal()]--;
                runningJobs.remove(e);
                lock.notifyAll();
                return;
            }
            if (outcome != null && !outcome.children().isEmpty() && (stop == Stop.CANCEL || stop == Stop.REMOVE)) {
                e.message = "cancelled";
                setState(e, JobState.CANCELLED); // listed, but the user no longer wants the folder
            } else if (outcome != null) {
                e.message = outcome.message();
                if (!outcome.children().isEmpty()) {
                    // a folder paused while being listed: its contents wait too
                    insertChildren(e, outcome.children(), stop == Stop.PAUSE ? JobState.PAUSED : JobState.QUEUED);
                }
                setState(e, outcome.state());
            } else if (stop == Stop.PAUSE) {
                e.message = "paused";
                setState(e, JobState.PAUSED);
            } else if (stop == Stop.RESTART) {
                requeue(e);
            } else if (stop == Stop.CANCEL) {
                e.message = "cancelled";
                setState(e, JobState.CANCELLED);
            } else if (closed) {
                e.attempts = Math.max(0, e.attempts - 1);
                setState(e, JobState.QUEUED); // resumes from its .part at the next start
            } else if (failure instanceof FtpException f && f.isTransient()
                    && e.attempts <= settings.retry().retries()) {
                Duration wait = settings.retry().backoff(e.attempts);
                e.message = f.getMessage() + " (attempt " + e.attempts + "; retrying in "
                        + Math.max(1, wait.toMillis() / 1000) + " s)";
                requeue(e);
                e.notBefore = System.nanoTime() + wait.toNanos();
            } else {
                e.message = describe(failure);
                e.failure = failure;
                setState(e, JobState.FAILED);
            }
        }
    }

    void cleanedUp(QueuedJob e) {
        synchronized (lock) {
            cleaningUp--;
            lock.notifyAll();
        }
    }

    void workerExited(Worker w) {
        synchronized (lock) {
            workers.remove(w);
            lock.notifyAll();
        }
    }

    /** The answer for a conflict: the job's or queue's policy, or the user's (asked one at a time). */
    ConflictPolicy resolveConflict(QueuedJob e, FileEntry source, FileEntry target) throws InterruptedException {
        return conflicts.resolve(e, source, target);
    }

    /** The jobs progress reports about (under the queue's lock, for consistent fields). */
    List<JobProgress> views(Collection<QueuedJob> jobs) {
        synchronized (lock) {
            List<JobProgress> out = new ArrayList<>(jobs.size());
            for (QueuedJob e : jobs) {
                if (byId.containsKey(e.id)) {
                    out.add(view(e));
                }
            }
            return out;
        }
    }

    List<QueuedJob> running() {
        synchronized (lock) {
            return new ArrayList<>(runningJobs);
        }
    }

    /** Jobs worth saving: not finished, or failed (the user may retry them after a restart). */
    List<QueuedJob> unfinished() {
        synchronized (lock) {
            List<QueuedJob> out = new ArrayList<>();
            for (QueuedJob e : order) {
                if (!e.state.isFinished() || e.state == JobState.FAILED) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    /** Puts back a saved job (see {@link QueueStore}). */
    long restore(TransferJob job, JobState state, String renamedTarget, String partPath, String message) {
        synchronized (lock) {
            QueuedJob e = newEntry(0, job);
            e.renamedTarget = renamedTarget;
            e.partPath = partPath;
            e.message = message;
            order.add(e);
            if (state == JobState.PAUSED || state == JobState.FAILED) {
                setState(e, state);
            }
            progress.orderChanged();
            lock.notifyAll();
            return e.id;
        }
    }

    static String siteKey(Site site) {
        return site.toString(); // scheme, user, host and port; never the password
    }

    // --- internals ----------------------------------------------------------------------

    private QueuedJob newEntry(long parent, TransferJob j) {
        QueuedJob e = new QueuedJob(nextId++, parent, j);
        byId.put(e.id, e);
        counts[JobState.QUEUED.ordinal()]++;
        markDirty(e);
        return e;
    }

    private void insertChildren(QueuedJob parent, List<TransferJob> children, JobState state) {
        int at = order.indexOf(parent);
        List<QueuedJob> added = new ArrayList<>(children.size());
        for (TransferJob j : children) {
            QueuedJob e = newEntry(parent.id, j);
            if (state != JobState.QUEUED) {
                setState(e, state);
            }
            added.add(e);
        }
        order.addAll(at + 1, added);
        scanFrom = Math.min(scanFrom, at + 1);
        progress.orderChanged();
    }

    private void stopOrFinish(QueuedJob e, Stop how) {
        if (e.state == JobState.RUNNING) {
            e.stop = how;
            e.worker.abortCurrent();
        } else if (e.state == JobState.QUEUED || e.state == JobState.PAUSED || e.state == JobState.FAILED) {
            e.message = "cancelled";
            setState(e, JobState.CANCELLED);
            if (e.partPath != null) {
                cleanups.add(e);
                lock.notifyAll();
            }
        }
    }

    private void requeue(QueuedJob e) {
        e.notBefore = 0;
        setState(e, JobState.QUEUED);
        scanFrom = 0;
        lock.notifyAll();
    }

    private void setState(QueuedJob e, JobState s) {
        counts[e.state.ordinal()]--;
        counts[s.ordinal()]++;
        e.state = s;
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

    private void drop(Set<QueuedJob> gone) {
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

    /** The jobs with these ids, in queue order (which {@link #move} keeps). */
    private List<QueuedJob> entries(Collection<Long> ids) {
        Set<Long> wanted = ids instanceof Set<Long> s ? s : new HashSet<>(ids);
        List<QueuedJob> out = new ArrayList<>(wanted.size());
        for (QueuedJob e : order) {
            if (wanted.contains(e.id)) {
                out.add(e);
            }
        }
        return out;
    }

    private boolean siteAllows(Worker w, Site site) {
        String key = siteKey(site);
        if (key.equals(w.boundSite)) {
            return true;
        }
        int holding = 0;
        for (Worker other : workers) {
            if (other != w && key.equals(other.boundSite)) {
                holding++;
            }
        }
        return holding < settings.perSiteLimit();
    }

    private void bind(Worker w, Site site) {
        w.boundSite = siteKey(site);
    }

    private void adjustWorkers() {
        if (!started || closed) {
            return;
        }
        int want = settings.parallelism();
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
                Worker w = new Worker(tag, this, sessions);
                workers.add(w);
                w.thread.start();
                active++;
            }
        }
        lock.notifyAll();
    }

    private JobProgress view(QueuedJob e) {
        double rate = e.state == JobState.RUNNING ? e.rate : 0;
        long left = e.bytesTotal - e.bytesDone;
        Duration eta = e.state == JobState.RUNNING && rate > 1 && e.bytesTotal >= 0
                ? Duration.ofMillis((long) (left / rate * 1000)) : null;
        return new JobProgress(e.id, e.parentId, e.job, e.target(), e.state, e.bytesDone, e.bytesTotal, rate, eta,
                e.attempts, e.message, e.worker == null ? null : e.worker.tag);
    }

    private static String describe(Throwable t) {
        if (t instanceof FtpException f) {
            return f.getMessage();
        }
        if (t instanceof IOException io) {
            return LocalFailures.explain(io);
        }
        return "internal error: " + t;
    }
}
