package io.portside.transfer;

import io.portside.ftp.FtpException;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves jobs between states: on the user's commands (pause, resume, cancel, retry, remove) and
 * when a worker reports how a run ended ({@link #settle}). A running job belongs to its worker,
 * so a command does not change it directly: it leaves a {@link Stop} note and aborts the
 * transfer, and {@link #settle} acts on the note once the worker lets go.
 */
final class JobLifecycle {
    private final TransferQueue queue;
    private final Object lock;
    private final JobTable jobs;
    private final WorkerPool pool;

    JobLifecycle(TransferQueue queue, Object lock, JobTable jobs, WorkerPool pool) {
        this.queue = queue;
        this.lock = lock;
        this.jobs = jobs;
        this.pool = pool;
    }

    // --- the user's commands ----------------------------------------------------------------

    void pause(Collection<Long> ids) {
        synchronized (lock) {
            for (QueuedJob e : jobs.entries(ids)) {
                if (e.state == JobState.QUEUED) {
                    jobs.setState(e, JobState.PAUSED);
                } else if (e.state == JobState.RUNNING && e.stop != Stop.CANCEL && e.stop != Stop.REMOVE) {
                    e.stop = Stop.PAUSE;
                    e.worker.abortCurrent();
                }
            }
        }
    }

    void resume(Collection<Long> ids) {
        synchronized (lock) {
            for (QueuedJob e : jobs.entries(ids)) {
                if (e.state == JobState.PAUSED) {
                    jobs.requeue(e);
                } else if (e.state == JobState.RUNNING && e.stop == Stop.PAUSE) {
                    e.stop = Stop.RESTART;
                }
            }
        }
    }

    void cancel(Collection<Long> ids) {
        synchronized (lock) {
            for (QueuedJob e : jobs.entries(ids)) {
                stopOrFinish(e, Stop.CANCEL);
            }
        }
    }

    void retry(Collection<Long> ids) {
        synchronized (lock) {
            retry(jobs.entries(ids));
        }
    }

    void retryFailed() {
        synchronized (lock) {
            retry(jobs.matching(e -> e.state == JobState.FAILED));
        }
    }

    private void retry(List<QueuedJob> entries) {
        for (QueuedJob e : entries) {
            if (e.state == JobState.FAILED || e.state == JobState.CANCELLED || e.state == JobState.SKIPPED
                    || e.state == JobState.PAUSED) {
                e.attempts = 0;
                e.decided = e.state == JobState.SKIPPED ? null : e.decided;
                jobs.requeue(e);
            }
        }
    }

    void remove(Collection<Long> ids) {
        synchronized (lock) {
            Set<QueuedJob> gone = new HashSet<>();
            for (QueuedJob e : jobs.entries(ids)) {
                if (e.state == JobState.RUNNING) {
                    e.stop = Stop.REMOVE;
                    e.worker.abortCurrent();
                } else if (e.state != JobState.DONE && e.partPath != null) {
                    pool.addCleanup(e);
                }
                gone.add(e);
            }
            jobs.drop(gone);
        }
    }

    void removeFinished() {
        synchronized (lock) {
            jobs.drop(new HashSet<>(jobs.matching(
                    e -> e.state == JobState.DONE || e.state == JobState.SKIPPED || e.state == JobState.CANCELLED)));
        }
    }

    private void stopOrFinish(QueuedJob e, Stop how) {
        if (e.state == JobState.RUNNING) {
            e.stop = how;
            e.worker.abortCurrent();
        } else if (e.state == JobState.QUEUED || e.state == JobState.PAUSED || e.state == JobState.FAILED) {
            e.message = "cancelled";
            jobs.setState(e, JobState.CANCELLED);
            if (e.partPath != null) {
                pool.addCleanup(e);
            }
        }
    }

    // --- the worker's report ----------------------------------------------------------------

    /** Records how a job ended: done, expanded, stopped, retried later, or failed. */
    void settle(QueuedJob e, Outcome outcome, Throwable failure) {
        synchronized (lock) {
            e.worker = null;
            Stop stop = e.stop;
            e.stop = Stop.NONE;
            if (jobs.releaseRemoved(e)) {
                return;
            }
            if (outcome != null && !outcome.children().isEmpty() && (stop == Stop.CANCEL || stop == Stop.REMOVE)) {
                e.message = "cancelled";
                jobs.setState(e, JobState.CANCELLED); // listed, but the user no longer wants the folder
            } else if (outcome != null) {
                e.message = outcome.message();
                if (!outcome.children().isEmpty()) {
                    // a folder paused while being listed: its contents wait too
                    jobs.insertChildren(e, outcome.children(), stop == Stop.PAUSE ? JobState.PAUSED : JobState.QUEUED);
                }
                jobs.setState(e, outcome.state());
            } else if (stop == Stop.PAUSE) {
                e.message = "paused";
                jobs.setState(e, JobState.PAUSED);
            } else if (stop == Stop.RESTART) {
                jobs.requeue(e);
            } else if (stop == Stop.CANCEL) {
                e.message = "cancelled";
                jobs.setState(e, JobState.CANCELLED);
            } else if (pool.isClosed()) {
                e.attempts = Math.max(0, e.attempts - 1);
                e.message = "paused when the queue closed";
                jobs.setState(e, JobState.PAUSED); // resumed by the user, from its .part, after the next start
            } else if (failure instanceof FtpException f && f.isTransient()
                    && e.attempts <= queue.settings().retry().retries()) {
                Duration wait = queue.settings().retry().backoff(e.attempts);
                e.message = f.getMessage() + " (attempt " + e.attempts + "; retrying in "
                        + Math.max(1, wait.toMillis() / 1000) + " s)";
                jobs.requeue(e);
                e.notBefore = System.nanoTime() + wait.toNanos();
            } else {
                e.message = describe(failure);
                e.failure = failure;
                jobs.setState(e, JobState.FAILED);
            }
        }
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
