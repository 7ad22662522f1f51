package io.portside.ui.queue;

/** Where a job stands; the queue tab groups rows by it. */
public enum JobState {
    QUEUED, RUNNING, PAUSED, DONE, SKIPPED, FAILED, CANCELLED,
    /** Taken off the list by the user; the row disappears. */
    REMOVED;

    public boolean isFinished() {
        return this == DONE || this == SKIPPED || this == FAILED || this == CANCELLED || this == REMOVED;
    }
}
