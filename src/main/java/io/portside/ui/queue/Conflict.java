package io.portside.ui.queue;

import java.time.Instant;

/** A transfer's target exists: both sides' size and time, for the user to decide. */
public record Conflict(TransferRequest request, long sourceSize, Instant sourceTime, long targetSize,
                       Instant targetTime) {

    /** What the user chose, and whether it applies to the rest of the queue. */
    public record Decision(Choice choice, boolean applyToAll) {
    }

    public enum Choice { OVERWRITE, OVERWRITE_IF_NEWER, RESUME, RENAME, SKIP }
}
