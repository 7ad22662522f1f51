package io.portside.transfer;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * What the queue's parts share: the settings, the one lock, the speed limit and byte count,
 * and each other. Every part ({@link JobTable}, {@link WorkerPool}, {@link JobLifecycle},
 * {@link ConflictAsker}, {@link ProgressThrottle}, {@link Worker}, {@link JobRunner}) holds
 * this instead of the {@link TransferQueue}, which is only the public front.
 *
 * <p>The parts are made here, in an order in which none calls a sibling while being made; they
 * reach their siblings through these fields later.
 */
final class QueueContext {
    /** Guards the jobs' states, the counts and the workers' site bindings, so they always agree. */
    final Object lock = new Object();
    private final SpeedLimit downloads;
    private final SpeedLimit uploads;
    private final LongAdder moved = new LongAdder();
    private volatile QueueSettings settings;

    final ProgressThrottle progress;
    final JobTable jobs;
    final WorkerPool pool;
    final JobLifecycle lifecycle;
    final ConflictAsker conflicts;

    QueueContext(QueueSettings settings, SessionFactory sessions) {
        this.settings = settings;
        this.downloads = new SpeedLimit(settings.downloadLimit());
        this.uploads = new SpeedLimit(settings.uploadLimit());
        this.progress = new ProgressThrottle(this, settings.progressInterval());
        this.jobs = new JobTable(this);
        this.pool = new WorkerPool(this, sessions);
        this.lifecycle = new JobLifecycle(this);
        this.conflicts = new ConflictAsker(this);
    }

    /** The limit all transfers of one direction share. */
    SpeedLimit speed(Direction d) {
        return d == Direction.UPLOAD ? uploads : downloads;
    }

    /** The settings of the moment: an immutable record, replaced as a whole, so any thread may read it. */
    QueueSettings settings() {
        return settings;
    }

    /** Replaces the settings; callers that must agree with the workers' state hold the lock. */
    void changeSettings(UnaryOperator<QueueSettings> change) {
        synchronized (this) {
            settings = change.apply(settings);
        }
    }

    /** Bytes a worker moved, for the queue's overall rate; any thread. */
    void moved(long bytes) {
        moved.add(bytes);
    }

    long movedTotal() {
        return moved.sum();
    }
}
