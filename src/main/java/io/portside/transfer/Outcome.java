package io.portside.transfer;

import java.util.List;

/** How a job ended when it did not throw: done, skipped, or a folder expanded into children. */
record Outcome(JobState state, String message, List<TransferJob> children) {

    static Outcome done(String message) {
        return new Outcome(JobState.DONE, message, List.of());
    }

    static Outcome skipped(String why) {
        return new Outcome(JobState.SKIPPED, why, List.of());
    }

    static Outcome expanded(List<TransferJob> children) {
        return new Outcome(JobState.DONE, children.size() + " entries", children);
    }
}
