package io.portside.transfer;

import static io.portside.transfer.JobState.CANCELLED;
import static io.portside.transfer.JobState.DONE;
import static io.portside.transfer.JobState.FAILED;
import static io.portside.transfer.JobState.PAUSED;
import static io.portside.transfer.JobState.QUEUED;
import static io.portside.transfer.JobState.RUNNING;
import static io.portside.transfer.JobState.SKIPPED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which state of a job may follow which. {@link JobTable#setState} asks here before every
 * change, so a slip in the lifecycle (a finished job set running, a done job requeued) fails
 * loudly instead of corrupting the counts; the user's commands ask here what they may do.
 *
 * <pre>
 *   QUEUED  -> RUNNING (a worker took it), PAUSED, CANCELLED
 *   RUNNING -> DONE, SKIPPED, FAILED, PAUSED, CANCELLED,
 *              QUEUED (retry after a transient failure, resumed while pausing, the queue closed)
 *   PAUSED  -> QUEUED (resume, retry), CANCELLED
 *   FAILED  -> QUEUED (retry), CANCELLED
 *   SKIPPED, CANCELLED -> QUEUED (retry)
 *   DONE    -> nothing
 * </pre>
 * A running job is never changed by a command directly: its worker settles it (see JobLifecycle).
 */
final class JobStateMachine {
    private static final Map<JobState, Set<JobState>> NEXT = new EnumMap<>(JobState.class);

    static {
        NEXT.put(QUEUED, EnumSet.of(RUNNING, PAUSED, CANCELLED));
        NEXT.put(RUNNING, EnumSet.of(DONE, SKIPPED, FAILED, PAUSED, CANCELLED, QUEUED));
        NEXT.put(PAUSED, EnumSet.of(QUEUED, CANCELLED));
        NEXT.put(FAILED, EnumSet.of(QUEUED, CANCELLED));
        NEXT.put(SKIPPED, EnumSet.of(QUEUED));
        NEXT.put(CANCELLED, EnumSet.of(QUEUED));
        NEXT.put(DONE, EnumSet.noneOf(JobState.class));
    }

    private JobStateMachine() {
    }

    static boolean allowed(JobState from, JobState to) {
        return NEXT.get(from).contains(to);
    }

    /** Throws when {@code to} may not follow {@code from}: a bug in the queue, never the user's doing. */
    static void require(JobState from, JobState to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("a " + from + " job cannot become " + to);
        }
    }

    /** The user's retry applies: a job that is not running and can be queued again. */
    static boolean retryable(JobState s) {
        return s != RUNNING && allowed(s, QUEUED);
    }

    /** The user's cancel applies at once (a running job is cancelled by its worker instead). */
    static boolean cancellableAtOnce(JobState s) {
        return s != RUNNING && allowed(s, CANCELLED);
    }
}
