package io.portside.transfer;

import io.portside.ftp.UserMessage;
import java.util.List;

/** How a job ended when it did not throw: done, skipped, or a folder expanded into children. */
record Outcome(JobState state, UserMessage message, List<TransferJob> children) {

    static Outcome done(UserMessage message) {
        return new Outcome(JobState.DONE, message, List.of());
    }

    static Outcome skipped(UserMessage why) {
        return new Outcome(JobState.SKIPPED, why, List.of());
    }

    static Outcome expanded(List<TransferJob> children) {
        return new Outcome(JobState.DONE, UserMessage.of("job.entries", children.size()), children);
    }
}
