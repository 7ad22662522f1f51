package io.portside.ui.queue;

/**
 * A job as it is right now.
 *
 * @param size          total bytes, -1 while unknown
 * @param done          bytes copied so far
 * @param bytesPerSecond recent rate while running, else 0
 * @param error         a sentence for the user when failed, else null
 */
public record JobSnapshot(long id, TransferRequest request, long size, long done, double bytesPerSecond,
                          JobState state, String error) {
}
