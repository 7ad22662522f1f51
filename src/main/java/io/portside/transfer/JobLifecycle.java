package io.portside.transfer;

import io.portside.ftp.FtpException;
import io.portside.ftp.UserMessage;
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
    private final QueueContext ctx;
    private final Object lock;

    JobLifecycle(QueueContext ctx) {
        this.ctx = ctx;
        this.lock = ctx.lock;
    }

    // --- the user's commands ----------------------------------------------------------------

    void pause(Collection<Long> ids) {
        synchronized (lock) {
            for (QueuedJob e : ctx.jobs.entries(ids)) {
                if (e.state == JobState.QUEUED) {
                    ctx.jobs.setState(e, JobState.PAUSED);
                } else if (e.state == JobState.RUNNING && e.stop != Stop.CANCEL && e.stop != Stop.REMOVE) {
                    e.stop = Stop.PAUSE;
                    e.worker.abortCurrent();
                }
            }
        }
    }

    void resume(Collection<Long> ids) {
        synchronized (lock) {
            for (QueuedJob e : ctx.jobs.entries(ids)) {
                if (e.state == JobState.PAUSED) {
                    ctx.jobs.requeue(e);
                } else if (e.state == JobState.RUNNING && e.stop == Stop.PAUSE) {
                    e.stop = Stop.RESTART;
                }
            }
        }
    }

    void cancel(Collection<Long> ids) {
        synchronized (lock) {
            for (QueuedJob e : ctx.jobs.entries(ids)) {
                stopOrFinish(e, Stop.CANCEL);
            }
        }
    }

    void retry(Collection<Long> ids) {
        synchronized (lock) {
            retry(ctx.jobs.entries(ids));
        }
    }

    void retryFailed() {
        synchronized (lock) {
            retry(ctx.jobs.matching(e -> e.state == JobState.FAILED));
        }
    }

    private void retry(List<QueuedJob> entries) {
        for (QueuedJob e : entries) {
            if (JobStateMachine.retryable(e.state)) {
                e.attempts = 0;
                e.decided = e.state == JobState.SKIPPED ? null : e.decided;
                ctx.jobs.requeue(e);
            }
        }
    }

    void remove(Collection<Long> ids) {
        synchronized (lock) {
            Set<QueuedJob> gone = new HashSet<>();
            for (QueuedJob e : ctx.jobs.entries(ids)) {
                if (e.state == JobState.RUNNING) {
                    e.stop = Stop.REMOVE;
                    e.worker.abortCurrent();
                } else if (e.state != JobState.DONE && e.partPath != null) {
                    ctx.pool.addCleanup(e);
                }
                gone.add(e);
            }
            ctx.jobs.drop(gone);
        }
    }

    void removeFinished() {
        synchronized (lock) {
            ctx.jobs.drop(new HashSet<>(ctx.jobs.matching(
                    e -> e.state == JobState.DONE || e.state == JobState.SKIPPED || e.state == JobState.CANCELLED)));
        }
    }

    private void stopOrFinish(QueuedJob e, Stop how) {
        if (e.state == JobState.RUNNING) {
            e.stop = how;
            e.worker.abortCurrent();
        } else if (JobStateMachine.cancellableAtOnce(e.state)) {
            e.message = UserMessage.of("job.cancelled");
            ctx.jobs.setState(e, JobState.CANCELLED);
            if (e.partPath != null) {
                ctx.pool.addCleanup(e);
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
            if (ctx.jobs.releaseRemoved(e)) {
                return;
            }
            if (outcome != null && !outcome.children().isEmpty() && (stop == Stop.CANCEL || stop == Stop.REMOVE)) {
                e.message = UserMessage.of("job.cancelled");
                ctx.jobs.setState(e, JobState.CANCELLED); // listed, but the user no longer wants the folder
            } else if (outcome != null) {
                e.message = outcome.message();
                if (!outcome.children().isEmpty()) {
                    // a folder paused while being listed: its contents wait too
                    ctx.jobs.insertChildren(e, outcome.children(), stop == Stop.PAUSE ? JobState.PAUSED : JobState.QUEUED);
                }
                ctx.jobs.setState(e, outcome.state());
            } else if (stop == Stop.PAUSE) {
                e.message = UserMessage.of("job.paused");
                ctx.jobs.setState(e, JobState.PAUSED);
            } else if (stop == Stop.RESTART) {
                ctx.jobs.requeue(e);
            } else if (stop == Stop.CANCEL) {
                e.message = UserMessage.of("job.cancelled");
                ctx.jobs.setState(e, JobState.CANCELLED);
            } else if (ctx.pool.isClosed()) {
                e.attempts = Math.max(0, e.attempts - 1);
                e.message = UserMessage.of("job.pausedAtClose");
                ctx.jobs.setState(e, JobState.PAUSED); // resumed by the user, from its .part, after the next start
            } else if (failure instanceof FtpException f && f.isTransient()
                    && e.attempts <= ctx.settings().retry().retries()) {
                Duration wait = ctx.settings().retry().backoff(e.attempts);
                e.message = UserMessage.of("job.retrying", f.words(), e.attempts, Math.max(1, wait.toMillis() / 1000));
                ctx.jobs.requeue(e);
                e.notBefore = System.nanoTime() + wait.toNanos();
            } else {
                e.message = describe(failure);
                e.failure = failure;
                ctx.jobs.setState(e, JobState.FAILED);
            }
        }
    }

    private static UserMessage describe(Throwable t) {
        if (t instanceof FtpException f) {
            return f.words();
        }
        if (t instanceof IOException io) {
            return LocalFailures.explain(io);
        }
        return UserMessage.of("job.internal", t);
    }
}
