package io.portside.transfer;

import io.portside.files.FileEntry;

/**
 * Answers "the target exists, what now?" for the workers: by the job's or the queue's policy,
 * or, under {@link ConflictPolicy#ASK}, by asking the user. Questions go out one at a time, so
 * two workers never open two dialogs, and an "apply to all" answer holds for the batch under
 * way (as FileZilla's "apply to current queue only"): until no job is queued or running, or the
 * queue's policy changes.
 */
final class ConflictAsker {
    private final QueueContext ctx;
    private final Object askLock = new Object();
    private volatile ConflictResolver resolver;
    private volatile ConflictPolicy answerForAll;

    ConflictAsker(QueueContext ctx) {
        this.ctx = ctx;
    }

    void setResolver(ConflictResolver resolver) {
        this.resolver = resolver;
    }

    void forgetAnswerForAll() {
        answerForAll = null;
    }

    /** Whether this job's conflict goes to the user, so both sides' exact times are worth asking the server for. */
    boolean asksUser(QueuedJob e) {
        return policyOf(e) == ConflictPolicy.ASK && answerForAll == null && resolver != null;
    }

    private ConflictPolicy policyOf(QueuedJob e) {
        return e.job.conflict() != null ? e.job.conflict() : ctx.settings().conflict();
    }

    ConflictPolicy resolve(QueuedJob e, FileEntry source, FileEntry target) throws InterruptedException {
        ConflictPolicy p = policyOf(e);
        if (p != ConflictPolicy.ASK) {
            return p;
        }
        synchronized (askLock) {
            ConflictPolicy all = answerForAll;
            if (all != null) {
                return all;
            }
            ConflictResolver r = resolver;
            if (r == null) {
                return ConflictPolicy.SKIP;
            }
            ConflictDecision d = r.resolve(new Conflict(e.id, e.job, source, target));
            if (d.applyToAll()) {
                answerForAll = d.policy();
            }
            return d.policy();
        }
    }
}
