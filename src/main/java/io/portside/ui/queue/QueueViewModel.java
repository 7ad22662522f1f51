package io.portside.ui.queue;

import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import io.portside.transfer.QueueUpdate;
import io.portside.transfer.TransferQueue;
import io.portside.ui.fx.FxBatcher;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The queue tab's state: one row per job of the transfer queue, split into the three lists a
 * user looks at (active, failed, done) and the totals the status bar shows. The queue's
 * updates arrive on its progress thread and are applied on the FX thread through the bridge.
 */
public final class QueueViewModel implements AutoCloseable {
    /** The three lists of the queue tab. */
    public enum Section {
        ACTIVE(EnumSet.of(JobState.QUEUED, JobState.RUNNING, JobState.PAUSED)),
        FAILED(EnumSet.of(JobState.FAILED, JobState.CANCELLED)),
        DONE(EnumSet.of(JobState.DONE, JobState.SKIPPED));

        private final Set<JobState> states;

        Section(Set<JobState> states) {
            this.states = states;
        }

        public boolean contains(JobState s) {
            return states.contains(s);
        }
    }

    private final TransferQueue queue;
    private final AutoCloseable subscription;
    private final ObservableList<JobRow> rows =
            FXCollections.observableArrayList(r -> new Observable[] {r.progressProperty()});
    private final Map<Long, JobRow> byId = new HashMap<>();
    private final FilteredList<JobRow> shown = new FilteredList<>(rows);
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.ACTIVE);
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper();
    private final java.util.List<Consumer<JobProgress>> onDone = new java.util.ArrayList<>();

    /** Shows the jobs {@code queue} reports from now on, until {@link #close()}. */
    public QueueViewModel(TransferQueue queue, FxBatcher bridge) {
        this.queue = queue;
        this.subscription = queue.addListener(update -> bridge.post(() -> apply(update)));
        section.addListener((o, a, b) -> refilter());
        refilter();
    }

    /** Adds {@code c}, called on the FX thread when a job completes (the window refreshes the target pane). */
    public void onDone(Consumer<JobProgress> c) {
        onDone.add(c);
    }

    /** The queue the tab's actions (pause, cancel, retry...) go to. */
    public TransferQueue queue() {
        return queue;
    }

    private void refilter() {
        Section s = section.get();
        shown.setPredicate(j -> s.contains(j.progress().state()));
    }

    private void apply(QueueUpdate update) {
        update.changed().forEach(this::show);
        Set<JobRow> gone = new HashSet<>();
        for (long id : update.removed()) {
            JobRow row = byId.remove(id);
            if (row != null) {
                gone.add(row);
            }
        }
        rows.removeAll(gone); // one pass, however many were removed ("remove finished" may take thousands)
        recount();
    }

    private void show(JobProgress p) {
        JobRow row = byId.get(p.id());
        if (row == null) {
            row = new JobRow(p);
            byId.put(p.id(), row);
            rows.add(row);
            if (p.state() == JobState.DONE) {
                onDone.forEach(c -> c.accept(p)); // a quick job may be first seen already done (updates are coalesced)
            }
            return;
        }
        boolean finishedNow = p.state() == JobState.DONE && row.progress().state() != JobState.DONE;
        row.progressProperty().set(p);
        if (finishedNow) {
            onDone.forEach(c -> c.accept(p));
        }
    }

    private void recount() {
        int run = 0;
        int wait = 0;
        int fail = 0;
        double r = 0;
        for (JobRow row : rows) {
            JobProgress j = row.progress();
            switch (j.state()) {
                case RUNNING -> {
                    run++;
                    r += j.rate();
                }
                case QUEUED, PAUSED -> wait++;
                case FAILED -> fail++;
                default -> { }
            }
        }
        running.set(run);
        waiting.set(wait);
        failed.set(fail);
        rate.set(r);
    }

    /** All rows of every section (for tests and totals). */
    public ObservableList<JobRow> rows() {
        return rows;
    }

    /** The rows of the chosen section. */
    public ObservableList<JobRow> shown() {
        return shown;
    }

    public ObjectProperty<Section> section() {
        return section;
    }

    public ReadOnlyIntegerProperty running() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty waiting() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty failedCount() {
        return failed.getReadOnlyProperty();
    }

    /** Bytes per second over all running jobs. */
    public ReadOnlyDoubleProperty totalRate() {
        return rate.getReadOnlyProperty();
    }

    /** Stops listening to the queue (the window closes). */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException("the queue's listener handle failed to close", e);
        }
    }
}
