package io.portside.transfer;

/**
 * The user's answer to a {@link Conflict}.
 *
 * @param policy     what to do (not {@link ConflictPolicy#ASK})
 * @param applyToAll use the same answer for every later conflict of this queue
 */
public record ConflictDecision(ConflictPolicy policy, boolean applyToAll) {
    public ConflictDecision {
        if (policy == ConflictPolicy.ASK) {
            throw new IllegalArgumentException("the answer to a conflict cannot be 'ask'");
        }
    }
}
