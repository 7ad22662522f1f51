package io.portside.transfer;

/**
 * Answers conflicts for jobs whose policy is {@link ConflictPolicy#ASK}. Called on a worker
 * thread, one conflict at a time; it may block until the user answers (the UI shows its
 * dialog with {@code Platform.runLater} and waits on a future). The worker waits meanwhile.
 */
@FunctionalInterface
public interface ConflictResolver {
    ConflictDecision resolve(Conflict conflict) throws InterruptedException;
}
