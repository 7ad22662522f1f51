package io.portside.transfer;

import io.portside.ftp.UserMessage;
import java.time.Duration;

/**
 * A snapshot of one job for display.
 *
 * @param parentId     the directory job this one came from, or 0
 * @param target       where the file is written (differs from the job's when renamed on conflict)
 * @param bytesTotal   -1 when not known yet
 * @param rate         bytes per second, averaged over the last seconds (0 unless running)
 * @param eta          null when unknown
 * @param attempts     how often the job was started
 * @param words        the last error in words, or why it was skipped; null when none (see {@link #message()})
 * @param worker       the worker running it ("w1"), or null
 */
public record JobProgress(long id, long parentId, TransferJob job, String target, JobState state, long bytesDone,
                          long bytesTotal, double rate, Duration eta, int attempts, UserMessage words, String worker) {

    /** {@link #words()} in English, as the command line prints it; null when none. */
    public String message() {
        return words == null ? null : words.toString();
    }

    /** The local end: what an upload reads, or where a download writes (renamed on conflict). */
    public String localPath() {
        if (job.deletes()) {
            return job.direction() == Direction.DOWNLOAD ? target : "";
        }
        return job.direction() == Direction.UPLOAD ? job.source() : target;
    }

    /** The remote end: where an upload writes (renamed on conflict), or what a download reads. */
    public String remotePath() {
        if (job.deletes()) {
            return job.direction() == Direction.UPLOAD ? target : "";
        }
        return job.direction() == Direction.UPLOAD ? target : job.source();
    }
}
