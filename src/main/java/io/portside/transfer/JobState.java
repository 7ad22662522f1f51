package io.portside.transfer;

/** Where a job stands. */
public enum JobState {
    QUEUED, RUNNING, PAUSED, DONE, FAILED, SKIPPED, CANCELLED;

    /** Nothing more will happen to the job unless the user retries it. */
    public boolean isFinished() {
        return this == DONE || this == FAILED || this == SKIPPED || this == CANCELLED;
    }

    /** The user's Retry applies (see {@link JobStateMachine}): paused, failed, skipped or cancelled. */
    public boolean canRetry() {
        return JobStateMachine.retryable(this);
    }
}
