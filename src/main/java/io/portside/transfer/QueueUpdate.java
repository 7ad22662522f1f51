package io.portside.transfer;

import java.util.List;

/**
 * What changed since the previous update: coalesced, at most one per progress interval
 * (~10 per second), however many jobs moved.
 *
 * @param changed      jobs added or changed (each at most once)
 * @param removed      ids of jobs taken out of the queue
 * @param orderChanged jobs were inserted or moved: re-read {@link TransferQueue#snapshot()} for the order
 */
public record QueueUpdate(List<JobProgress> changed, List<Long> removed, boolean orderChanged, QueueTotals totals) {
}
