package io.portside.ui.queue;

import io.portside.ui.fx.FxBatcher;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
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
 * The queue tab's state: one row per job, split into the three lists a user looks at
 * (active, failed, done) and the totals the status bar shows. Job changes arrive on the
 * queue's thread and are applied on the FX thread through the bridge.
 */
public final class QueueViewModel {
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
    private final FxBatcher bridge;
    private final ObservableList<JobRow> rows =
            FXCollections.observableArrayList(r -> new javafx.beans.Observable[] {r.snapshotProperty()});
    private final FilteredList<JobRow> shown = new FilteredList<>(rows);
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.ACTIVE);
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper failed = new ReadOnlyIntegerWrapper();
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper();
    private java.util.function.Consumer<JobSnapshot> onDone = j -> { };

    public QueueViewModel(TransferQueue queue, FxBatcher bridge) {
        this.queue = queue;
        this.bridge = bridge;
        queue.onChange(s -> bridge.post(() -> apply(s)));
        section.addListener((o, a, b) -> refilter());
        refilter();
    }

    /** Called on the FX thread when a job completes (the window refreshes the target pane). */
    public void onDone(java.util.function.Consumer<JobSnapshot> c) {
        onDone = c;
    }

    public TransferQueue queue() {
        return queue;
    }

    private void refilter() {
        Section s = section.get();
        Predicate<JobRow> p = j -> s.contains(j.snapshot().state());
        shown.setPredicate(p);
    }

    void apply(JobSnapshot s) {
        int index = indexOf(s.id());
        if (s.state() == JobState.REMOVED) {
            if (index >= 0) {
                rows.remove(index);
            }
        } else if (index >= 0) {
            boolean finishedNow = s.state() == JobState.DONE && rows.get(index).snapshot().state() != JobState.DONE;
            rows.get(index).snapshotProperty().set(s);
            if (finishedNow) {
                onDone.accept(s);
            }
        } else {
            rows.add(new JobRow(s));
            if (s.state() == JobState.DONE) {
                onDone.accept(s); // a quick job may be first seen already done (updates are coalesced)
            }
        }
        recount();
    }

    private int indexOf(long id) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private void recount() {
        int run = 0;
        int wait = 0;
        int fail = 0;
        double r = 0;
        for (JobRow row : rows) {
            JobSnapshot j = row.snapshot();
            switch (j.state()) {
                case RUNNING -> {
                    run++;
                    r += j.bytesPerSecond();
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

    /** Seconds left for a job at its current rate, or -1 when unknown. */
    public static long etaSeconds(JobSnapshot j) {
        if (j.state() != JobState.RUNNING || j.bytesPerSecond() <= 0 || j.size() < 0) {
            return -1;
        }
        return (long) Math.ceil((j.size() - j.done()) / j.bytesPerSecond());
    }

    public void submit(TransferRequest r) {
        queue.submit(r);
    }
}
