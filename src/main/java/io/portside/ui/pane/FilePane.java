package io.portside.ui.pane;

import io.portside.files.FileEntry;
import io.portside.ui.fx.ContextMenuSelection;
import io.portside.ui.fx.UiText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.css.PseudoClass;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One side of the window: path bar with history and breadcrumbs, the file table, and a status
 * line. Keyboard: Enter opens a folder (or transfers files to the other side), Backspace goes
 * up, F5 refreshes, F2 renames, Delete deletes, F7 makes a folder, letters find by name.
 */
public final class FilePane extends VBox {
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private final FilePaneViewModel model;
    private final UiText text;
    private final PaneHost host;
    private final FileTable table;
    /** The comparison's marks by name (FX thread only). */
    private Map<String, String> marks = Map.of();
    private final javafx.beans.property.ObjectProperty<Predicate<FileEntry>> shown =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final ComboBox<String> path = new ComboBox<>();
    private final Label title = new Label();
    private final Label status = new Label();
    /** Above the listing: what holds for the whole pane (the connection was lost), or hidden. */
    private final Label notice = new Label();
    private final PaneDragAndDrop dragAndDrop;

    /** @param drags the window's one drag session, shared with the other pane */
    public FilePane(String id, FilePaneViewModel model, UiText text, PaneHost host, DragSession drags) {
        this.model = model;
        this.text = text;
        this.host = host;
        boolean remote = model.browser().isRemote();
        this.table = new FileTable(text, remote);
        this.dragAndDrop = new PaneDragAndDrop(this, table, drags, host);
        setId(id);
        table.setId(id + "Table");
        path.setId(id + "Path");
        status.setId(id + "Status");
        notice.setId(id + "Notice");
        notice.getStyleClass().add("pane-notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setVisible(false);
        getStyleClass().addAll("file-pane", remote ? "remote-pane" : "local-pane");
        title.getStyleClass().add("pane-title");
        title.setText(text.get(remote ? "pane.remote" : "pane.local"));

        ListingSelection.install(table, model);
        // the listing comes sorted by the view-model; the SortedList without a comparator only
        // keeps the table's sort arrows: TableView clears its sort order for any other list (RT-35763)
        table.itemsProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(() -> {
            javafx.collections.ObservableList<FileEntry> listed = model.listing().get();
            Predicate<FileEntry> only = shown.get();
            return new javafx.collections.transformation.SortedList<>(
                    only == null ? listed : new javafx.collections.transformation.FilteredList<>(listed, only));
        }, model.listing(), shown));
        table.sortWith(model::reorder);

        Breadcrumbs crumbs = new Breadcrumbs(p -> model.browser().parent(p), model::open);
        crumbs.setId(id + "Crumbs");
        model.folder().addListener((o, a, now) -> crumbs.show(now));
        if (remote && table.getPlaceholder() instanceof Label placeholder) {
            // connected, an empty folder is just empty; "not connected" only while no folder is listed
            model.folder().addListener((o, a, now) ->
                    placeholder.setText(text.get(now.isEmpty() ? "pane.remote.empty" : "pane.empty")));
        }
        new PathField(path, model);
        path.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(path, Priority.ALWAYS);
        Button transfer = tool(remote ? "⇦" : "⇨", remote ? "pane.download" : "pane.upload", this::transferSelection);
        transfer.setId(id + "Transfer");
        transfer.getStyleClass().add("transfer-button");
        HBox bar = new HBox(3, tool("◀", "pane.back", model::back), tool("▶", "pane.forward", model::forward),
                tool("▲", "pane.up", model::up), tool("⟳", "pane.refresh", model::refresh), path, transfer);
        bar.getStyleClass().add("path-bar");

        status.getStyleClass().add("pane-status");
        InvalidationListener updateStatus = o -> {
            RefusedFolder.Refusal refused = model.refusal().get();
            status.pseudoClassStateChanged(REFUSED, refused != null);
            status.setText(refused != null ? refused.render(text)
                    : PaneStatus.describe(text, model.totals().get(), table.getSelectionModel().getSelectedItems()));
        };
        model.totals().addListener(updateStatus);
        model.refusal().addListener(updateStatus);
        table.getSelectionModel().getSelectedItems().addListener(updateStatus);
        updateStatus.invalidated(null);

        new TypeAhead().install(table);
        installKeys();
        installMouse();
        dragAndDrop.installOnTable();
        table.setContextMenu(contextMenu(remote));
        ContextMenuSelection.install(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, bar, crumbs, notice, table, status);
    }

    private Button tool(String glyph, String key, Runnable action) {
        Button b = new Button(glyph);
        b.getStyleClass().add("tool-button");
        b.setTooltip(new Tooltip(text.get(key)));
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE); // never "..." for its glyph, even while the window is narrow
        b.setOnAction(e -> action.run());
        return b;
    }

    public FilePaneViewModel model() {
        return model;
    }

    /**
     * Shows the listing's times {@code minutes} later, as FileZilla's "adjust server time" does on
     * the remote side; what is compared and transferred keeps the server's own times.
     */
    public void showTimesShiftedBy(javafx.beans.value.ObservableIntegerValue minutes) {
        table.showTimesShiftedBy(minutes);
    }

    public TableView<FileEntry> table() {
        return table;
    }

    public void setTitle(String t) {
        title.setText(t);
    }

    /** Shows {@code text} above the listing; null hides it. */
    public void setNotice(String text) {
        notice.setText(text == null ? "" : text);
        notice.setVisible(text != null);
    }

    public List<FileEntry> selection() {
        return new ArrayList<>(table.getSelectionModel().getSelectedItems());
    }

    /** Enter: a single folder opens; files (or several entries) go to the other side. */
    private void activate() {
        List<FileEntry> sel = selection();
        if (sel.size() == 1 && sel.get(0).directory()) {
            model.enter(sel.get(0));
        } else if (!sel.isEmpty()) {
            host.transfer(this, sel);
        }
    }

    private void installKeys() {
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            boolean handled = true;
            switch (e.getCode()) {
                case ENTER -> activate();
                case BACK_SPACE -> model.up();
                case F5 -> model.refresh();
                case F2 -> rename();
                case DELETE -> delete();
                case F7 -> newFolder();
                default -> handled = false;
            }
            if (handled) {
                e.consume();
            }
        });
    }

    private void installMouse() {
        // rows never move under a press: a listing that arrives meanwhile waits for the release
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> model.hold(true));
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> model.hold(false));
        table.setRowFactory(t -> {
            TableRow<FileEntry> row = new MarkedRow();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    if (row.getItem().directory()) {
                        model.enter(row.getItem());
                    } else {
                        host.transfer(this, List.of(row.getItem()));
                    }
                }
            });
            dragAndDrop.installOnRow(row);
            return row;
        });
    }

    /**
     * Colours rows (View › Directory comparison): each name in {@code byName} gets its CSS
     * pseudo-class (e.g. "cmp-newer"); an empty map clears them.
     */
    public void showMarks(Map<String, String> byName) {
        marks = Map.copyOf(byName);
        table.refresh();
    }

    /** Lists only the entries {@code only} accepts ("show only differences"); null shows all. */
    public void showOnly(Predicate<FileEntry> only) {
        shown.set(only);
    }

    /** A row that wears its entry's comparison mark. */
    private final class MarkedRow extends TableRow<FileEntry> {
        private PseudoClass worn;

        @Override
        protected void updateItem(FileEntry e, boolean empty) {
            super.updateItem(e, empty);
            String mark = empty || e == null ? null : marks.get(e.name());
            PseudoClass now = mark == null ? null : PseudoClass.getPseudoClass(mark);
            if (now != worn) {
                if (worn != null) {
                    pseudoClassStateChanged(worn, false);
                }
                if (now != null) {
                    pseudoClassStateChanged(now, true);
                }
                worn = now;
            }
        }
    }

    private ContextMenu contextMenu(boolean remote) {
        MenuItem transfer = item(remote ? "action.download" : "action.upload", this::transferSelection);
        MenuItem open = item("action.open", this::activate);
        MenuItem rename = item("action.rename", this::rename);
        MenuItem delete = item("action.delete", this::delete);
        MenuItem mkdir = item("action.newFolder", this::newFolder);
        MenuItem copyPath = item("action.copyPath", this::copyPath);
        MenuItem refresh = item("action.refresh", model::refresh);
        MenuItem props = item(remote ? "action.chmod" : "action.properties", () -> {
            List<FileEntry> sel = selection();
            if (sel.size() == 1) {
                host.properties(this, sel.get(0));
            }
        });
        return new ContextMenu(transfer, open, new SeparatorMenuItem(), rename, delete, mkdir,
                new SeparatorMenuItem(), copyPath, refresh, props);
    }

    private MenuItem item(String key, Runnable action) {
        MenuItem m = new MenuItem(text.get(key));
        m.setOnAction(e -> action.run());
        return m;
    }

    /** The toolbar's and menu's "upload/download selection" for keyboard users. */
    public void transferSelection() {
        List<FileEntry> sel = selection();
        if (!sel.isEmpty()) {
            host.transfer(this, sel);
        }
    }

    public void rename() {
        List<FileEntry> sel = selection();
        if (sel.size() != 1) {
            return;
        }
        String name = host.askName(text.get("dialog.rename.title"), sel.get(0).name());
        if (name != null && !name.isBlank() && !name.equals(sel.get(0).name())) {
            model.rename(sel.get(0), name.strip());
        }
    }

    public void delete() {
        List<FileEntry> sel = selection();
        if (!sel.isEmpty() && host.confirmDelete(sel)) {
            model.delete(sel);
        }
    }

    public void newFolder() {
        String name = host.askName(text.get("dialog.newFolder.title"), "");
        if (name != null && !name.isBlank()) {
            model.mkdir(name.strip());
        }
    }

    private void copyPath() {
        List<FileEntry> sel = selection();
        String s = sel.isEmpty() ? model.folder().get()
                : String.join("\n", sel.stream().map(FileEntry::path).toList());
        ClipboardContent c = new ClipboardContent();
        c.putString(s);
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** Used by the Tab key handling: focus this pane's table. */
    public void focusTable() {
        table.requestFocus();
        if (table.getFocusModel().getFocusedIndex() < 0 && !table.getItems().isEmpty()) {
            table.getFocusModel().focus(0);
        }
    }
}
