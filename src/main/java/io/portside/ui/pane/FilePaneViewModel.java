package io.portside.ui.pane;

import io.portside.files.FileEntry;
import io.portside.ui.fx.FxBatcher;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One side of the window: the folder shown, its entries, and the back/forward history.
 * Listing and file operations run on {@code worker}; results reach the FX thread through the
 * bridge as a new list, counted and presorted on the worker: the table takes it in one swap,
 * where replacing the contents of one list would make the table's selection, focus and sort
 * process a change of 20,000 elements on the FX thread.
 */
public final class FilePaneViewModel {
    private final FileBrowser browser;
    private final Executor worker;
    private final FxBatcher bridge;
    private final Consumer<Throwable> onError;
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ObservableList<FileEntry>> listing =
            new ReadOnlyObjectWrapper<>(FXCollections.emptyObservableList());
    private final ReadOnlyObjectWrapper<PaneStatus.Totals> totals = new ReadOnlyObjectWrapper<>(PaneStatus.Totals.NONE);
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    /** Read by the listing worker. */
    private volatile boolean showHidden = true;
    /** The table's order (a header clicked); read by the listing worker, which sorts each listing. */
    private volatile Comparator<FileEntry> order = FileOrder.BY_NAME;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<RefusedFolder.Refusal> refusal = new ReadOnlyObjectWrapper<>();
    private final Deque<String> back = new ArrayDeque<>();
    private final Deque<String> forward = new ArrayDeque<>();
    /*
     * Navigation is "latest request wins" (FX thread only): each listing carries the number of
     * the request that asked for it, and one that arrives after a newer request is dropped, so
     * a slow listing never replaces the folder the user has since moved to.
     */
    private long requests;
    private String pending;
    private boolean held;
    private Runnable heldShow;

    public FilePaneViewModel(FileBrowser browser, Executor worker, FxBatcher bridge, Consumer<Throwable> onError) {
        this.browser = browser;
        this.worker = worker;
        this.bridge = bridge;
        this.onError = onError;
    }

    public FileBrowser browser() {
        return browser;
    }

    public ReadOnlyStringProperty folder() {
        return folder.getReadOnlyProperty();
    }

    /** The listed folder's entries, folders first, then by name; a new list for each listing. */
    public ReadOnlyObjectProperty<ObservableList<FileEntry>> listing() {
        return listing.getReadOnlyProperty();
    }

    /** The entries listed now. */
    public List<FileEntry> items() {
        return listing.get();
    }

    /** What the listed folder holds (files, folders, bytes), counted on the worker. */
    ReadOnlyObjectProperty<PaneStatus.Totals> totals() {
        return totals.getReadOnlyProperty();
    }

    /** Folders visited, newest first (the path bar's drop-down). */
    public ObservableList<String> recent() {
        return recent;
    }

    public BooleanProperty busy() {
        return busy;
    }

    /** Why the last folder asked for was not opened, in words; null after a listing. */
    public ReadOnlyObjectProperty<RefusedFolder.Refusal> refusal() {
        return refusal.getReadOnlyProperty();
    }

    /**
     * While held (a mouse button is down on the table) a listing waits, so rows never move under
     * a press; releasing shows the newest one.
     */
    public void hold(boolean hold) {
        held = hold;
        if (!hold && heldShow != null) {
            Runnable r = heldShow;
            heldShow = null;
            r.run();
        }
    }

    /** Lists the browser's start folder. */
    public void openHome() {
        long ticket = request("");
        busy.set(true);
        worker.execute(() -> {
            String home = null;
            try {
                home = browser.home();
                Listed listed = Listed.of(home, visible(browser.list(home)), order);
                bridge.post(() -> show(ticket, listed, true));
            } catch (IOException | RuntimeException e) {
                fail(ticket, home, e); // "Cannot open /srv/x: ...", not "Cannot open : ..."
            }
        });
    }

    /** Lists {@code path} and shows it, remembering the current folder for "back". */
    public void open(String path) {
        load(path, true);
    }

    /** Opens what the user typed in the path bar (relative to the current folder). */
    public void openTyped(String typed) {
        if (typed != null && !typed.isBlank()) {
            open(browser.resolve(folder.get(), typed));
        }
    }

    public void enter(FileEntry entry) {
        if (entry.directory() || entry.link() && browser.isRemote()) { // a remote link may lead to a folder: the server follows it
            open(entry.path());
        }
    }

    public void up() {
        String parent = browser.parent(folder.get());
        if (parent != null) {
            open(parent);
        }
    }

    public void back() {
        if (!back.isEmpty()) {
            forward.push(folder.get());
            load(back.pop(), false);
        }
    }

    public void forward() {
        if (!forward.isEmpty()) {
            back.push(folder.get());
            load(forward.pop(), false);
        }
    }

    public boolean canGoBack() {
        return !back.isEmpty();
    }

    /** Whether names starting with a dot are listed (Edit › Settings…); the folder is listed again. */
    public void setShowHidden(boolean show) {
        if (showHidden != show) {
            showHidden = show;
            refresh();
        }
    }

    private List<FileEntry> visible(List<FileEntry> entries) {
        return showHidden ? entries : entries.stream().filter(e -> !e.name().startsWith(".")).toList();
    }

    /** Lists the folder shown again, or the one on its way (a refresh never cancels a navigation). */
    public void refresh() {
        String target = pending != null ? pending : folder.get();
        if (!target.isEmpty()) {
            load(target, pending != null);
        }
    }

    /** Empties the pane (disconnected). */
    public void clear() {
        request("");
        pending = null;
        heldShow = null;
        listing.set(FXCollections.emptyObservableList());
        totals.set(PaneStatus.Totals.NONE);
        folder.set("");
        back.clear();
        forward.clear();
    }

    private long request(String path) {
        pending = path;
        return ++requests;
    }

    private void load(String path, boolean remember) {
        long ticket = request(path);
        busy.set(true);
        worker.execute(() -> {
            try {
                Listed listed = Listed.of(path, visible(browser.list(path)), order);
                bridge.post(() -> show(ticket, listed, remember));
            } catch (IOException | RuntimeException e) {
                fail(ticket, path, e);
            }
        });
    }

    /** A folder's listing as the worker prepared it: sorted (in {@code sortedBy}) and counted. */
    private record Listed(String path, List<FileEntry> entries, PaneStatus.Totals totals, Comparator<FileEntry> sortedBy) {
        static Listed of(String path, List<FileEntry> entries, Comparator<FileEntry> order) {
            return new Listed(path, sorted(entries, order), PaneStatus.Totals.of(entries), order);
        }
    }

    /** A sorted copy: a listing shown is never changed. */
    private static List<FileEntry> sorted(List<FileEntry> entries, Comparator<FileEntry> order) {
        List<FileEntry> copy = new java.util.ArrayList<>(entries);
        copy.sort(order);
        return copy;
    }

    /**
     * Shows the listing in {@code newOrder} (a column header clicked) and lists in it from now on.
     * One sort on the FX thread, at a click; a listing on its way is sorted again when it lands.
     */
    public void reorder(Comparator<FileEntry> newOrder) {
        order = newOrder;
        if (items().size() > 1) {
            listing.set(wrap(sorted(items(), newOrder)));
        }
    }

    private static ObservableList<FileEntry> wrap(List<FileEntry> entries) {
        return FXCollections.unmodifiableObservableList(FXCollections.observableList(entries));
    }

    private void show(long ticket, Listed listed, boolean remember) {
        if (ticket != requests) {
            return;
        }
        if (held) {
            heldShow = () -> show(ticket, listed, remember);
            return;
        }
        String path = listed.path();
        pending = null;
        String previous = folder.get();
        if (remember && !previous.isEmpty() && !previous.equals(path)) {
            back.push(previous);
            forward.clear();
        }
        // the history first: the path field shows the folder last, after its drop-down changed.
        // A folder listed again is at the top already: moving it there would drop the field's
        // value out of the drop-down (emptying the field), and no folder change would restore it.
        if (recent.isEmpty() || !recent.get(0).equals(path)) {
            recent.remove(path);
            recent.add(0, path);
            if (recent.size() > 15) {
                recent.remove(15, recent.size());
            }
        }
        refusal.set(null);
        totals.set(listed.totals());
        folder.set(path); // before the entries: whoever sees them knows which folder they are
        listing.set(wrap(listed.sortedBy() == order ? listed.entries() : sorted(listed.entries(), order)));
        busy.set(false);
    }

    /** A listing that failed: the pane keeps what it shows and says why (a stale failure says nothing). */
    private void fail(long ticket, String path, Throwable e) {
        bridge.post(() -> {
            if (ticket != requests) {
                return;
            }
            pending = null;
            busy.set(false);
            refusal.set(null);
            refusal.set(RefusedFolder.describe(path, e));
            if (folder.get().isEmpty()) {
                onError.accept(e);
            }
        });
    }

    private void fail(Throwable e) {
        bridge.post(() -> {
            busy.set(false);
            onError.accept(e);
        });
    }

    public void mkdir(String name) {
        String path = browser.child(folder.get(), name);
        perform(() -> browser.mkdir(path));
    }

    public void rename(FileEntry entry, String newName) {
        String to = browser.child(folder.get(), newName);
        perform(() -> browser.rename(entry.path(), to));
    }

    public void delete(List<FileEntry> entries) {
        List<FileEntry> copy = List.copyOf(entries);
        perform(() -> {
            for (FileEntry e : copy) {
                browser.delete(e);
            }
        });
    }

    /** Runs a change on the worker, then lists the folder again (also after a failure). */
    public void perform(IoAction action) {
        long ticket = requests;
        busy.set(true);
        worker.execute(() -> {
            try {
                action.run();
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
            // lists again only if the user is still where the change was made
            bridge.post(() -> {
                if (ticket == requests) {
                    refresh();
                } else {
                    busy.set(false);
                }
            });
        });
    }

    /** A file operation that may fail. */
    public interface IoAction {
        void run() throws IOException;
    }
}
