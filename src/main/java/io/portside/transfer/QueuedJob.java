package io.portside.transfer;

import io.portside.ftp.UserMessage;
import java.time.Duration;

/**
 * A job in the queue: the spec plus its mutable state. Kept small, since a queued tree may
 * hold 100,000 of them. Fields without a note are guarded by the queue's lock.
 */
final class QueuedJob {
    final long id;
    final long parentId;
    final TransferJob job;

    JobState state = JobState.QUEUED;
    int attempts;
    /** The last error in words, or why it was skipped or how it ended; null when none. */
    UserMessage message;
    /** What made it fail, for callers that classify failures (the command line's exit codes); null unless FAILED. */
    Throwable failure;
    /** System.nanoTime() before which a retry must wait; 0 for none. */
    long notBefore;
    Worker worker;
    /** The answer to a conflict, kept so a retry does not ask again. */
    ConflictPolicy decided;
    /** Where the file goes when RENAME picked another name, else null. */
    volatile String renamedTarget;
    /** The .part file that holds what has arrived, for resume or clean-up; null when none. */
    volatile String partPath;
    volatile Stop stop = Stop.NONE;
    /** Set from {@link TransferJob#inNewFolder()}; cleared when a run starts, as a failed run may leave a .part. */
    volatile boolean targetUnseen;

    // written by the worker, read by the progress thread
    volatile long bytesDone;
    volatile long bytesTotal = -1;
    volatile boolean dirty;
    /** Counts the runs: a new one (retry, resume from an offset) starts the rate afresh; written after bytesDone. */
    volatile int run;

    // written by the progress thread: bytes per second over the last seconds (RateMeter)
    volatile double rate;

    QueuedJob(long id, long parentId, TransferJob job) {
        this.targetUnseen = job.inNewFolder();
        this.id = id;
        this.parentId = parentId;
        this.job = job;
        this.bytesTotal = job.directory() ? -1 : job.sizeHint();
    }

    String target() {
        String r = renamedTarget;
        return r != null ? r : job.target();
    }

    /** The job as callers see it; called with the queue's lock held, for consistent fields. */
    JobProgress view() {
        double r = state == JobState.RUNNING ? rate : 0;
        long left = bytesTotal - bytesDone;
        Duration eta = state == JobState.RUNNING && r > 1 && bytesTotal >= 0
                ? Duration.ofMillis((long) (left / r * 1000)) : null;
        return new JobProgress(id, parentId, job, target(), state, bytesDone, bytesTotal, r, eta,
                attempts, message, worker == null ? null : worker.tag);
    }
}
