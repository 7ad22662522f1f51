package io.portside.ui.pane;

import io.portside.files.FileEntry;
import io.portside.ui.fx.FxBatcher;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One side of the window: the folder shown, its entries, and the back/forward history.
 * Listing and file operations run on {@code worker}; results reach the FX thread through the
 * bridge and replace the items in one step (one change event for 20,000 entries).
 */
public final class FilePaneViewModel {
    private final FileBrowser browser;
    private final Executor worker;
    private final FxBatcher bridge;
    private final Consumer<Throwable> onError;
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper("");
    private final ObservableList<FileEntry> items = FXCollections.observableArrayList();
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Deque<String> back = new ArrayDeque<>();
    private final Deque<String> forward = new ArrayDeque<>();

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

    public ObservableList<FileEntry> items() {
        return items;
    }

    /** Folders visited, newest first (the path bar's drop-down). */
    public ObservableList<String> recent() {
        return recent;
    }

    public BooleanProperty busy() {
        return busy;
    }

    /** Lists the browser's start folder. */
    public void openHome() {
        busy.set(true);
        worker.execute(() -> {
            try {
                String home = browser.home();
                List<FileEntry> entries = presorted(browser.list(home));
                bridge.post(() -> show(home, entries, true));
            } catch (IOException | RuntimeException e) {
                fail(e);
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

    public void refresh() {
        if (!folder.get().isEmpty()) {
            load(folder.get(), false);
        }
    }

    /** Empties the pane (disconnected). */
    public void clear() {
        items.clear();
        folder.set("");
        back.clear();
        forward.clear();
    }

    private void load(String path, boolean remember) {
        busy.set(true);
        worker.execute(() -> {
            try {
                List<FileEntry> entries = presorted(browser.list(path));
                bridge.post(() -> show(path, entries, remember));
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        });
    }

    /**
     * Folders first, then by name: the table's default order, applied on the worker so that the
     * table's own sort on the FX thread meets already-sorted input (linear, not n log n).
     */
    static List<FileEntry> presorted(List<FileEntry> entries) {
        List<FileEntry> copy = new java.util.ArrayList<>(entries);
        copy.sort(java.util.Comparator.comparing((FileEntry e) -> !e.directory())
                .thenComparing(e -> e.name().toLowerCase(java.util.Locale.ROOT)));
        return copy;
    }

    private void show(String path, List<FileEntry> entries, boolean remember) {
        String previous = folder.get();
        if (remember && !previous.isEmpty() && !previous.equals(path)) {
            back.push(previous);
            forward.clear();
        }
        folder.set(path);
        items.setAll(entries);
        recent.remove(path);
        recent.add(0, path);
        if (recent.size() > 15) {
            recent.remove(15, recent.size());
        }
        busy.set(false);
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
        String here = folder.get();
        busy.set(true);
        worker.execute(() -> {
            try {
                action.run();
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
            load(here, false);
        });
    }

    /** A file operation that may fail. */
    public interface IoAction {
        void run() throws IOException;
    }
}
