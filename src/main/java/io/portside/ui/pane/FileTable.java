package io.portside.ui.pane;

import io.portside.files.FileEntry;
import io.portside.ftp.event.Units;
import io.portside.ui.fx.Icons;
import io.portside.ui.fx.UiText;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The sortable file table: name with icon, size, type, modified; permissions and owner when remote.
 * It does not sort its rows itself: a header click hands the order to the view-model, which
 * sorts the listing (and every later one, on the listing worker). JavaFX's own sort would
 * compare 20,000 rows on the FX thread through each column's cell values at every listing.
 */
final class FileTable extends TableView<FileEntry> {
    /** Each column's order of whole entries, for the view-model's sort (folders go first anyway). */
    private final Map<TableColumn<FileEntry, ?>, Comparator<FileEntry>> orders = new HashMap<>();

    /**
     * The size the pane shows, -1 for none: folders have none (what a server lists for one is the
     * size of its directory record, not of what it holds).
     */
    private static long shownSize(FileEntry e) {
        return e.directory() ? -1 : e.size();
    }

    /** Minutes added to the times shown (a saved site's "adjust server time"); sorting is unchanged by it. */
    private final IntegerProperty shiftMinutes = new SimpleIntegerProperty(0);

    FileTable(UiText text, boolean remote) {
        DateTimeFormatter when = text.dateTime(FormatStyle.SHORT);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getStyleClass().add("file-table");
        setPlaceholder(new javafx.scene.control.Label(text.get(remote ? "pane.remote.empty" : "pane.empty")));

        TableColumn<FileEntry, FileEntry> name = column("name", text.get("column.name"), 190,
                Function.identity(), FileOrder.NAME);
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FileEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.name());
                setGraphic(empty || e == null ? null
                        : e.directory() ? Icons.folder() : e.link() ? Icons.link() : Icons.file());
            }
        });
        TableColumn<FileEntry, FileEntry> size = column("size", text.get("column.size"), 72,
                Function.identity(), Comparator.comparingLong(FileTable::shownSize));
        size.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FileEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null || shownSize(e) < 0 ? null : Units.size(e.size()));
            }
        });
        size.getStyleClass().add("column-right");
        column("type", text.get("column.type"), 72, e -> typeOf(text, e), Comparator.<String>naturalOrder());
        TableColumn<FileEntry, Instant> modified = column("modified", text.get("column.modified"), 150,
                FileEntry::modified, Comparator.<Instant>naturalOrder());
        modified.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : when.format(t.plus(Duration.ofMinutes(shiftMinutes.get()))));
            }
        });
        shiftMinutes.addListener((o, a, b) -> refresh());
        if (remote) {
            column("permissions", text.get("column.permissions"), 85, FileEntry::permissions, Comparator.<String>naturalOrder())
                    .getStyleClass().add("column-mono");
            column("owner", text.get("column.owner"), 60, FileEntry::owner, Comparator.<String>naturalOrder());
        }
        // a header must never be cut to "Permiss…" or "O": at least as wide as its title and sort arrow
        getColumns().forEach(c -> c.setPrefWidth(Math.max(c.getPrefWidth(), headerWidth(c.getText()))));
        getSortOrder().add(name);
    }

    /** A column showing {@code value} of each entry, ordered by {@code order} (missing values first). */
    private <T> TableColumn<FileEntry, T> column(String id, String title, double width,
                                                 Function<FileEntry, T> value, Comparator<T> order) {
        TableColumn<FileEntry, T> c = new TableColumn<>(title);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setComparator(Comparator.nullsFirst(order));
        orders.put(c, Comparator.comparing(value, Comparator.nullsFirst(order)));
        getColumns().add(c);
        return c;
    }

    /**
     * Header clicks from now on sort through {@code reorder}: it receives the order of the
     * columns clicked (name order when none is), folders first in either direction, as in
     * FileZilla.
     */
    void sortWith(Consumer<Comparator<FileEntry>> reorder) {
        setSortPolicy(table -> {
            reorder.accept(order());
            return true;
        });
    }

    private Comparator<FileEntry> order() {
        Comparator<FileEntry> all = null;
        for (TableColumn<FileEntry, ?> c : getSortOrder()) {
            Comparator<FileEntry> one = orders.get(c);
            one = c.getSortType() == TableColumn.SortType.DESCENDING ? one.reversed() : one;
            all = all == null ? one : all.thenComparing(one);
        }
        // ties (folders have no size, same times) go by name: the listing's own order is no order
        return all == null ? FileOrder.BY_NAME : FileOrder.foldersFirst(all.thenComparing(FileOrder.NAME));
    }

    private static double headerWidth(String title) {
        return new javafx.scene.text.Text(title).getLayoutBounds().getWidth() + 34;
    }

    /** The type column: "Folder", "TXT file" (the extension in capitals), or "File" with none. */
    private static String typeOf(UiText text, FileEntry e) {
        String ext = e.extension();
        return e.directory() ? text.get("type.folder") : ext.isEmpty() ? text.get("type.file")
                : text.get("type.ext", ext.toUpperCase(Locale.ROOT));
    }

    /** Shows every time {@code minutes} later than listed, following it as it changes. */
    void showTimesShiftedBy(ObservableIntegerValue minutes) {
        shiftMinutes.bind(minutes);
    }
}
