package io.portside.ui.queue;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A stable row of the queue table whose content changes: progress updates replace the
 * snapshot, not the row, so the user's selection survives ten updates a second.
 */
public final class JobRow {
    private final long id;
    private final ObjectProperty<JobSnapshot> snapshot;

    JobRow(JobSnapshot first) {
        this.id = first.id();
        this.snapshot = new SimpleObjectProperty<>(first);
    }

    public long id() {
        return id;
    }

    public JobSnapshot snapshot() {
        return snapshot.get();
    }

    public ObjectProperty<JobSnapshot> snapshotProperty() {
        return snapshot;
    }
}
