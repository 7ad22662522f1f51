package io.portside.ui.compare;

import io.portside.compare.ComparisonResult;
import io.portside.compare.ComparisonSettings;
import io.portside.compare.EntryFilter;
import io.portside.compare.FolderComparer;
import io.portside.compare.TimeRule;
import io.portside.files.FileEntry;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.pane.FilePaneViewModel;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * View › Directory comparison: while on, the two panes' listings are compared whenever either
 * changes (on the browse worker: a same-sized pair whose listed time is too coarse costs one
 * MDTM there), and {@link #marks()} tells both panes how to colour their rows. The listings
 * compared are the ones shown, so the colours never describe another folder than the rows.
 */
public final class ComparisonViewModel {
    private final FilePaneViewModel local;
    private final FilePaneViewModel remote;
    private final Executor worker;
    private final FxBatcher bridge;
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final BooleanProperty onlyDifferences = new SimpleBooleanProperty();
    private final ObjectProperty<CompareBy> by = new SimpleObjectProperty<>(CompareBy.SIZE_AND_TIME);
    private final ObjectProperty<TimeRule> time = new SimpleObjectProperty<>(TimeRule.DEFAULT);
    private final ReadOnlyObjectWrapper<PaneMarks> marks = new ReadOnlyObjectWrapper<>(PaneMarks.NONE);
    private ComparisonResult last;
    private long requests;

    /** @param worker the remote pane's worker (its session may be asked for a time) */
    public ComparisonViewModel(FilePaneViewModel local, FilePaneViewModel remote, Executor worker, FxBatcher bridge) {
        this.local = local;
        this.remote = remote;
        this.worker = worker;
        this.bridge = bridge;
        local.listing().addListener((o, a, b) -> compare());
        remote.listing().addListener((o, a, b) -> compare());
        enabled.addListener((o, a, b) -> compare());
        time.addListener((o, a, b) -> compare());
        by.addListener((o, a, b) -> {
            if (enabled.get() && last != null) {
                marks.set(PaneMarks.of(last, b));
            }
        });
    }

    public BooleanProperty enabled() {
        return enabled;
    }

    /** Panes list only the files that differ (folders stay, to move through the tree). */
    public BooleanProperty onlyDifferences() {
        return onlyDifferences;
    }

    public ObjectProperty<CompareBy> by() {
        return by;
    }

    /** Server time offset and tolerance (the Synchronize… dialog sets them too). */
    public ObjectProperty<TimeRule> time() {
        return time;
    }

    /** The rows' marks; {@link PaneMarks#NONE} while off, disconnected, or not compared yet. */
    public ReadOnlyObjectProperty<PaneMarks> marks() {
        return marks.getReadOnlyProperty();
    }

    /** Whether the pane should list {@code e} now. */
    public boolean shows(FileEntry e) {
        return !enabled.get() || !onlyDifferences.get() || e.directory() || marks.get().differing().contains(e.name());
    }

    private void compare() {
        long ticket = ++requests;
        String localDir = local.folder().get();
        String remoteDir = remote.folder().get();
        if (!enabled.get() || localDir.isEmpty() || remoteDir.isEmpty()) {
            last = null;
            marks.set(PaneMarks.NONE);
            return;
        }
        List<FileEntry> mine = local.items();
        List<FileEntry> theirs = remote.items();
        ComparisonSettings settings = new ComparisonSettings(false, EntryFilter.ALL, time.get());
        worker.execute(() -> {
            try {
                ComparisonResult r = new FolderComparer(local.browser().files(localDir),
                        remote.browser().files(remoteDir), settings).compareListed(localDir, mine, theirs);
                bridge.post(() -> {
                    if (ticket == requests) {
                        last = r;
                        marks.set(PaneMarks.of(r, by.get()));
                    }
                });
            } catch (IOException | RuntimeException e) {
                // the connection went: the pane says so itself; the colours go until the next listing
                bridge.post(() -> {
                    if (ticket == requests) {
                        last = null;
                        marks.set(PaneMarks.NONE);
                    }
                });
            }
        });
    }
}
