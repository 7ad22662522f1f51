package io.portside.ui.compare;

import io.portside.ftp.UserMessage;
import io.portside.compare.ComparisonResult;
import io.portside.compare.ComparisonSettings;
import io.portside.compare.EntryFilter;
import io.portside.compare.FolderComparer;
import io.portside.compare.PlannedAction;
import io.portside.compare.SyncDirection;
import io.portside.compare.SyncJobs;
import io.portside.compare.SyncPlan;
import io.portside.compare.SyncPlanner;
import io.portside.compare.TimeRule;
import io.portside.ftp.Site;
import io.portside.transfer.ConflictPolicy;
import io.portside.transfer.TransferJob;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.pane.FilePaneViewModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Files › Synchronize…: the two panes' folders compared as a tree with the chosen direction,
 * delete option and filters, the plan shown line by line for the user to untick, and the
 * ticked lines queued as transfers and deletes. Nothing is queued, made or deleted before
 * {@link #run}, and only what the preview showed ticked.
 */
public final class SyncViewModel {
    /** One line of the preview. Conflicts cannot be ticked: they are shown, never run. */
    public static final class Line {
        private final PlannedAction action;
        private final BooleanProperty ticked;

        Line(PlannedAction action) {
            this.action = action;
            this.ticked = new SimpleBooleanProperty(tickable());
        }

        public PlannedAction action() {
            return action;
        }

        public BooleanProperty ticked() {
            return ticked;
        }

        public boolean tickable() {
            return action.kind() != PlannedAction.Kind.SKIP_CONFLICT;
        }
    }

    /** What the ticked lines do together. */
    public record Totals(int uploads, int downloads, int deletes, int conflicts, long bytes, int unchanged) {
        public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0);

        public int runnable() {
            return uploads + downloads + deletes;
        }
    }

    private final FilePaneViewModel local;
    private final FilePaneViewModel remote;
    private final Executor worker;
    private final FxBatcher bridge;
    private final Supplier<Site> site;
    private final Consumer<List<TransferJob>> queue;
    private final ObjectProperty<SyncDirection> direction = new SimpleObjectProperty<>(SyncDirection.LOCAL_TO_REMOTE);
    private final BooleanProperty delete = new SimpleBooleanProperty();
    private final BooleanProperty skipHidden = new SimpleBooleanProperty();
    private final StringProperty include = new SimpleStringProperty("");
    private final StringProperty exclude = new SimpleStringProperty("");
    private final javafx.beans.property.LongProperty minSize = new javafx.beans.property.SimpleLongProperty(-1);
    private final javafx.beans.property.LongProperty maxSize = new javafx.beans.property.SimpleLongProperty(-1);
    private final ObjectProperty<TimeRule> time;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Totals> totals = new ReadOnlyObjectWrapper<>(Totals.NONE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<UserMessage> failure = new ReadOnlyObjectWrapper<>();
    private SyncPlan plan;
    private String planLocal;
    private String planRemote;
    private long requests;

    /**
     * @param worker the remote pane's worker (comparing lists both trees, the remote one on its session)
     * @param time   the comparison's server time offset and tolerance, shared with View › Directory comparison
     * @param queue  takes the jobs (the window's transfer queue)
     */
    public SyncViewModel(FilePaneViewModel local, FilePaneViewModel remote, Executor worker, FxBatcher bridge,
                         Supplier<Site> site, ObjectProperty<TimeRule> time, Consumer<List<TransferJob>> queue) {
        this.local = local;
        this.remote = remote;
        this.worker = worker;
        this.bridge = bridge;
        this.site = site;
        this.time = time;
        this.queue = queue;
        // a plan made with other options is not the one the user would run
        direction.addListener((o, a, b) -> stale());
        delete.addListener((o, a, b) -> stale());
        skipHidden.addListener((o, a, b) -> stale());
        include.addListener((o, a, b) -> stale());
        exclude.addListener((o, a, b) -> stale());
        minSize.addListener((o, a, b) -> stale());
        maxSize.addListener((o, a, b) -> stale());
        time.addListener((o, a, b) -> stale());
    }

    public ObjectProperty<SyncDirection> direction() {
        return direction;
    }

    /** Delete what the other side lacks (never both ways). */
    public BooleanProperty delete() {
        return delete;
    }

    public BooleanProperty skipHidden() {
        return skipHidden;
    }

    /** Name patterns, separated by spaces or commas ("*.html, *.css"). */
    public StringProperty include() {
        return include;
    }

    public StringProperty exclude() {
        return exclude;
    }

    /** Smallest file size looked at, in bytes; -1: no limit. A file outside the limits on either side is left out. */
    public javafx.beans.property.LongProperty minSize() {
        return minSize;
    }

    /** Largest file size looked at, in bytes; -1: no limit. */
    public javafx.beans.property.LongProperty maxSize() {
        return maxSize;
    }

    public ObjectProperty<TimeRule> time() {
        return time;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public ReadOnlyObjectProperty<Totals> totals() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last comparison or run failed, in words; null when it did not. */
    public ReadOnlyObjectProperty<UserMessage> failure() {
        return failure.getReadOnlyProperty();
    }

    public String localFolder() {
        return local.folder().get();
    }

    public String remoteFolder() {
        return remote.folder().get();
    }

    /** Compares the two panes' folders, recursively, and shows the plan (on the worker). */
    public void preview() {
        long ticket = ++requests;
        String l = local.folder().get();
        String r = remote.folder().get();
        SyncDirection d = direction.get();
        boolean deletes = delete.get() && d != SyncDirection.BOTH;
        ComparisonSettings settings = new ComparisonSettings(true,
                new EntryFilter(patterns(include.get()), patterns(exclude.get()), skipHidden.get(), minSize.get(),
                        maxSize.get()), time.get());
        lines.clear();
        totals.set(Totals.NONE);
        failure.set(null);
        busy.set(true);
        worker.execute(() -> {
            try {
                ComparisonResult c = new FolderComparer(local.browser().files(l), remote.browser().files(r), settings)
                        .compare(l, r);
                SyncPlan p = SyncPlanner.plan(c, d, ConflictPolicy.OVERWRITE, deletes);
                bridge.post(() -> {
                    if (ticket == requests) {
                        shown(p, l, r);
                    }
                });
            } catch (Exception e) {
                failed(ticket, e);
            }
        });
    }

    private void shown(SyncPlan p, String l, String r) {
        plan = p;
        planLocal = l;
        planRemote = r;
        busy.set(false);
        for (PlannedAction a : p.actions()) {
            Line line = new Line(a);
            line.ticked().addListener((o, was, now) -> count());
            lines.add(line);
        }
        count();
    }

    /**
     * Queues the ticked lines: the target's missing folders are made first (on the worker), then
     * each file transfer and each delete goes into the transfer queue.
     *
     * @param done told, on the FX thread, how many jobs went into the queue
     */
    public void run(Consumer<Integer> done) {
        if (plan == null) {
            return;
        }
        Set<PlannedAction> ticked = new HashSet<>();
        for (Line line : lines) {
            if (line.tickable() && line.ticked().get()) {
                ticked.add(line.action());
            }
        }
        SyncPlan full = plan;
        SyncPlan chosen = full.only(ticked::contains);
        SyncJobs sync = new SyncJobs(site.get(), Path.of(planLocal), planRemote);
        String l = planLocal;
        String r = planRemote;
        long ticket = ++requests;
        busy.set(true);
        worker.execute(() -> {
            try {
                sync.makeFolders(chosen, full, local.browser().files(l), remote.browser().files(r));
                List<TransferJob> jobs = sync.jobs(chosen);
                queue.accept(jobs);
                bridge.post(() -> {
                    busy.set(false);
                    stale();
                    done.accept(jobs.size());
                });
            } catch (Exception e) {
                failed(ticket, e);
            }
        });
    }

    private void failed(long ticket, Exception e) {
        UserMessage why = UserMessage.of(e);
        bridge.post(() -> {
            if (ticket == requests) {
                busy.set(false);
                failure.set(why);
            }
        });
    }

    private void stale() {
        requests++;
        plan = null;
        lines.clear();
        totals.set(Totals.NONE);
        busy.set(false);
    }

    private void count() {
        int up = 0;
        int down = 0;
        int del = 0;
        int conflicts = 0;
        long bytes = 0;
        for (Line line : lines) {
            PlannedAction a = line.action();
            if (!line.tickable()) {
                conflicts++;
                continue;
            }
            if (!line.ticked().get() || a.folder() && a.kind().transfer()) {
                continue;
            }
            switch (a.kind()) {
                case UPLOAD -> up++;
                case DOWNLOAD -> down++;
                default -> del++;
            }
            bytes += a.bytes();
        }
        totals.set(new Totals(up, down, del, conflicts, bytes, plan == null ? 0 : plan.unchanged()));
    }

    static List<String> patterns(String typed) {
        return Arrays.stream(typed.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
