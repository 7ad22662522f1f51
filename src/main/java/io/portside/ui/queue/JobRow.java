package io.portside.ui.queue;

import io.portside.transfer.JobProgress;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A stable row of the queue table whose content changes: progress updates replace the
 * job's progress, not the row, so the user's selection survives ten updates a second.
 */
public final class JobRow {
    private final long id;
    private final ObjectProperty<JobProgress> progress;

    JobRow(JobProgress first) {
        this.id = first.id();
        this.progress = new SimpleObjectProperty<>(first);
    }

    public long id() {
        return id;
    }

    public JobProgress progress() {
        return progress.get();
    }

    public ObjectProperty<JobProgress> progressProperty() {
        return progress;
    }
}
