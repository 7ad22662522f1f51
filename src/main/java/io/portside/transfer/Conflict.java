package io.portside.transfer;

import io.portside.files.FileEntry;

/** A question for the user: the job's target exists. {@code source} and {@code target} carry sizes and, where known, times. */
public record Conflict(long jobId, TransferJob job, FileEntry source, FileEntry target) {
}
