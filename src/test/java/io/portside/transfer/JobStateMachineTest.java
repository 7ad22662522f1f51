package io.portside.transfer;

import static io.portside.transfer.JobState.CANCELLED;
import static io.portside.transfer.JobState.DONE;
import static io.portside.transfer.JobState.FAILED;
import static io.portside.transfer.JobState.PAUSED;
import static io.portside.transfer.JobState.QUEUED;
import static io.portside.transfer.JobState.RUNNING;
import static io.portside.transfer.JobState.SKIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The job state machine on its own: every allowed change, and that everything else is refused. */
class JobStateMachineTest {

    private static Set<JobState> next(JobState from) {
        Set<JobState> out = EnumSet.noneOf(JobState.class);
        for (JobState to : JobState.values()) {
            if (JobStateMachine.allowed(from, to)) {
                out.add(to);
            }
        }
        return out;
    }

    @Test
    void eachStateHasExactlyItsSuccessors() {
        assertEquals(EnumSet.of(RUNNING, PAUSED, CANCELLED), next(QUEUED));
        assertEquals(EnumSet.of(DONE, SKIPPED, FAILED, PAUSED, CANCELLED, QUEUED), next(RUNNING));
        assertEquals(EnumSet.of(QUEUED, CANCELLED), next(PAUSED));
        assertEquals(EnumSet.of(QUEUED, CANCELLED), next(FAILED));
        assertEquals(EnumSet.of(QUEUED), next(SKIPPED));
        assertEquals(EnumSet.of(QUEUED), next(CANCELLED));
        assertEquals(EnumSet.noneOf(JobState.class), next(DONE), "a done job stays done");
    }

    @Test
    void onlyAWorkerFinishesAJob() {
        for (JobState from : JobState.values()) {
            for (JobState to : EnumSet.of(DONE, SKIPPED, FAILED)) {
                assertEquals(from == RUNNING, JobStateMachine.allowed(from, to), from + " -> " + to);
            }
            assertEquals(from == QUEUED, JobStateMachine.allowed(from, RUNNING), from + " -> RUNNING");
        }
    }

    @Test
    void aForbiddenChangeThrowsWithBothStates() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> JobStateMachine.require(DONE, QUEUED));
        assertEquals("a DONE job cannot become QUEUED", e.getMessage());
        assertThrows(IllegalStateException.class, () -> JobStateMachine.require(PAUSED, RUNNING),
                "a paused job must be resumed (queued) before a worker takes it");
        assertThrows(IllegalStateException.class, () -> JobStateMachine.require(QUEUED, QUEUED));
        JobStateMachine.require(RUNNING, QUEUED); // a transient failure's retry
    }

    @Test
    void theUsersCommandsFollowFromTheTable() {
        assertEquals(EnumSet.of(PAUSED, FAILED, SKIPPED, CANCELLED), states(JobStateMachine::retryable));
        assertEquals(EnumSet.of(QUEUED, PAUSED, FAILED), states(JobStateMachine::cancellableAtOnce));
        assertFalse(JobStateMachine.retryable(DONE));
        assertFalse(JobStateMachine.cancellableAtOnce(RUNNING), "a running job is cancelled through its worker");
        assertTrue(JobStateMachine.retryable(CANCELLED));
    }

    private static Set<JobState> states(java.util.function.Predicate<JobState> p) {
        Set<JobState> out = EnumSet.noneOf(JobState.class);
        for (JobState s : JobState.values()) {
            if (p.test(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
