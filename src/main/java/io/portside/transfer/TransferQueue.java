package io.portside.transfer;

import io.portside.ftp.UserMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The transfer queue: jobs in order, run by up to ten workers, each with its own connection.
 * Every method may be called from any thread (the UI's included: none of them blocks on the
 * network). Progress reaches {@link QueueListener}s, coalesced, on the queue's progress thread.
 *
 * <p>Threads: one per worker and one for progress; never one per job, so 100,000 queued
 * files cost only their small {@link QueuedJob}s.
 *
 * <p>This class is the front; the work is done by {@link JobTable} (the jobs in order and
 * their states), {@link WorkerPool} (the workers and what each is handed),
 * {@link JobLifecycle} (pause, cancel, retry... and how a run ended), {@link ConflictAsker}
 * and {@link ProgressThrottle}. They reach the settings and each other through one
 * {@link QueueContext}, and share its lock, so that a job's state, the counts and the workers'
 * site bindings always agree.
 */
public final class TransferQueue implements AutoCloseable {
    private final QueueContext ctx;
    private final Object lock;
    private final JobTable jobs;
    private final WorkerPool pool;
    private final JobLifecycle lifecycle;
    private final ProgressThrottle progress;
    /** The store this queue saves to and holds the lock of; null until {@link #restoreFrom}. Guarded by this queue's monitor. */
    private QueueStore store;

    public TransferQueue(QueueSettings settings, SessionFactory sessions) {
        this.ctx = new QueueContext(settings, sessions);
        this.lock = ctx.lock;
        this.jobs = ctx.jobs;
        this.pool = ctx.pool;
        this.lifecycle = ctx.lifecycle;
        this.progress = ctx.progress;
    }

    // --- life cycle ---------------------------------------------------------------------

    /** Starts the workers and the progress thread; jobs added before wait until then. */
    public void start() {
        if (pool.start()) {
            progress.start();
        }
    }

    /** Stops the workers (a running transfer is interrupted; its .part stays for the next start) and saves. */
    @Override
    public void close() {
        if (pool.close()) {
            progress.stop();
        }
        synchronized (this) {
            if (store != null) {
                store.unlock(); // after the last save: the next Portside may take the queue now
                store = null;
            }
        }
    }

    public boolean isClosed() {
        return pool.isClosed();
    }

    /**
     * Adds the jobs saved in {@code store} (unfinished transfers resume from their .part files)
     * and from now on keeps the queue saved there, throttled, and once more on {@link #close}.
     * Their sites come back without passwords: open sessions through {@link MissingPasswords}.
     * A damaged or newer file is set aside and the queue starts empty; the result says so.
     * One Portside at a time has the saved queue (the window, or {@code portside queue resume}),
     * until {@link #close}: while another has it, nothing is restored or saved, and the result
     * says so too (two would write the same .part files).
     */
    public synchronized QueueStore.Restored restoreFrom(QueueStore store) {
        if (pool.isClosed()) {
            return new QueueStore.Restored(0, null, null); // closed before it got here (a quick quit)
        }
        if (!store.lock()) {
            return new QueueStore.Restored(0, null, UserMessage.verbatim(QueueStore.IN_USE));
        }
        this.store = store;
        QueueStore.Restored restored = store.restoreInto(this);
        progress.attach(() -> store.save(this));
        return restored;
    }

    /**
     * Adds the jobs saved in {@code store} to look at them ({@code portside queue list}): as
     * {@link #restoreFrom}, but the queue never saves to the store, so it stays as it is
     * (but for a damaged or newer file, which is set aside all the same).
     */
    public QueueStore.Restored viewFrom(QueueStore store) {
        return store.restoreInto(this);
    }

    // --- settings -------------------------------------------------------------------------

    public QueueSettings settings() {
        return ctx.settings();
    }

    /** 1-10 concurrent transfers; fewer takes effect as running jobs finish. */
    public void setParallelism(int n) {
        synchronized (lock) {
            ctx.changeSettings(s -> s.withParallelism(n));
            pool.resize();
        }
    }

    public void setPerSiteLimit(int n) {
        synchronized (lock) {
            ctx.changeSettings(s -> s.withPerSiteLimit(n));
            lock.notifyAll();
        }
    }

    /** Bytes per second for all downloads together and for all uploads together; 0 for none. */
    public void setSpeedLimit(long bytesPerSecond) {
        setSpeedLimits(bytesPerSecond, bytesPerSecond);
    }

    /** Separate limits for downloads and uploads (the settings dialog's two fields); 0 for none. */
    public void setSpeedLimits(long download, long upload) {
        ctx.changeSettings(s -> s.withSpeedLimits(download, upload));
        ctx.speed(Direction.DOWNLOAD).set(download);
        ctx.speed(Direction.UPLOAD).set(upload);
    }

    /** For jobs without a policy of their own. Also forgets an earlier "apply to all" answer. */
    public void setConflictPolicy(ConflictPolicy policy) {
        ctx.changeSettings(s -> s.withConflict(policy));
        ctx.conflicts.forgetAnswerForAll();
    }

    public void setRetryPolicy(RetryPolicy retry) {
        ctx.changeSettings(s -> s.withRetry(retry));
    }

    public void setPreserveTimes(boolean preserve) {
        ctx.changeSettings(s -> s.withPreserveTimes(preserve));
    }

    /** Text or bytes, for transfers that start from now on. */
    public void setTransferType(TypeChoice choice) {
        ctx.changeSettings(s -> s.withTransferType(choice));
    }

    /** Who answers {@link ConflictPolicy#ASK}; without one, such conflicts are skipped. */
    public void setConflictResolver(ConflictResolver resolver) {
        ctx.conflicts.setResolver(resolver);
    }

    // --- adding and observing -------------------------------------------------------------

    public long add(TransferJob job) {
        return addAll(List.of(job)).get(0);
    }

    /** Appends jobs; returns their ids in the same order. */
    public List<Long> addAll(List<TransferJob> jobs) {
        return this.jobs.append(jobs);
    }

    /** Subscribes to progress; close the returned handle to stop. */
    public AutoCloseable addListener(QueueListener listener) {
        return progress.add(listener);
    }

    /** Every job, in queue order. */
    public List<JobProgress> snapshot() {
        return jobs.snapshot();
    }

    /** One job, or null when it is not (or no longer) in the queue. */
    public JobProgress get(long id) {
        return jobs.get(id);
    }

    /** Why a failed job failed (the exception, not just its words); null when it did not fail. */
    public Throwable failure(long id) {
        return jobs.failure(id);
    }

    public List<Long> ids() {
        return jobs.ids();
    }

    public QueueTotals totals() {
        return jobs.totals();
    }

    /** Waits until no job is queued or running (paused ones may remain); false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (jobs.count(JobState.QUEUED) > 0 || jobs.count(JobState.RUNNING) > 0 || pool.cleaningUp()) {
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
        lifecycle.pause(ids);
    }

    public void resume(Collection<Long> ids) {
        lifecycle.resume(ids);
    }

    /** Stops the jobs (ABOR when running) and deletes their .part files: nothing half-written is left. */
    public void cancel(Collection<Long> ids) {
        lifecycle.cancel(ids);
    }

    /** Runs failed, cancelled, skipped or paused jobs again (attempts start over; a .part is resumed). */
    public void retry(Collection<Long> ids) {
        lifecycle.retry(ids);
    }

    /** Takes jobs out of the queue; running ones are cancelled first. */
    public void remove(Collection<Long> ids) {
        lifecycle.remove(ids);
    }

    /** Moves the jobs, keeping their order, so that the first lands at {@code index} of the remaining ones. */
    public void move(Collection<Long> ids, int index) {
        jobs.move(ids, index);
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
        lifecycle.retryFailed();
    }

    /** Removes the jobs that are done, skipped or cancelled (failed ones stay, to be read and retried). */
    public void removeFinished() {
        lifecycle.removeFinished();
    }

    // --- package: what the store calls ----------------------------------------------------

    /** Jobs worth saving: not finished, or failed (the user may retry them after a restart). */
    List<QueuedJob> unfinished() {
        return jobs.unfinished();
    }

    /** Puts back a saved job (see {@link QueueStore}). */
    long restore(TransferJob job, JobState state, String renamedTarget, String partPath, UserMessage message, long done,
                 long total) {
        return jobs.restore(job, state, renamedTarget, partPath, message, done, total);
    }
}
