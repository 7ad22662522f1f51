package io.portside.transfer;

/**
 * The whole queue at a glance (directory jobs count as jobs too, until expanded).
 *
 * @param bytesTotal the sum of the known sizes of the file jobs still in the queue
 * @param rate       bytes per second over all running jobs
 */
public record QueueTotals(int queued, int running, int paused, int done, int failed, int skipped, int cancelled,
                          long bytesDone, long bytesTotal, double rate) {

    public int total() {
        return queued + running + paused + done + failed + skipped + cancelled;
    }

    /** No job is waiting or running (paused ones may remain). */
    public boolean idle() {
        return queued == 0 && running == 0;
    }
}
