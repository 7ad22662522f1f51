package io.portside.transfer;

/**
 * Told about the queue's progress, on the queue's own progress thread (the UI hands it on
 * with {@code Platform.runLater}). Keep it quick: the next update waits for it.
 */
@FunctionalInterface
public interface QueueListener {
    void queueChanged(QueueUpdate update);
}
