package io.portside.ui.pane;

import io.portside.files.FileEntry;
import io.portside.ftp.event.Units;
import io.portside.ui.fx.Icons;
import io.portside.ui.fx.UiText;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The sortable file table: name with icon, size, type, modified; permissions and owner when remote. */
final class FileTable extends TableView<FileEntry> {

    /** Folders always before files, then by the column's own order. */
    private static Comparator<FileEntry> foldersFirst(Comparator<FileEntry> then) {
        return Comparator.comparing((FileEntry e) -> !e.directory()).thenComparing(then);
    }

    /**
     * The size the pane shows, -1 for none: folders have none (what a server lists for one is the
     * size of its directory record, not of what it holds).
     */
    private static long shownSize(FileEntry e) {
        return e.directory() ? -1 : e.size();
    }

    FileTable(UiText text, boolean remote) {
        DateTimeFormatter when = text.dateTime(FormatStyle.SHORT);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getStyleClass().add("file-table");
        setPlaceholder(new javafx.scene.control.Label(text.get(remote ? "pane.remote.empty" : "pane.empty")));

        TableColumn<FileEntry, FileEntry> name = new TableColumn<>(text.get("column.name"));
        name.setId("name");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setComparator(foldersFirst(Comparator.comparing(e -> e.name().toLowerCase(Locale.ROOT))));
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FileEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.name());
                setGraphic(empty || e == null ? null
                        : e.directory() ? Icons.folder() : e.link() ? Icons.link() : Icons.file());
            }
        });
        name.setPrefWidth(190);

        TableColumn<FileEntry, FileEntry> size = new TableColumn<>(text.get("column.size"));
        size.setId("size");
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        size.setComparator(foldersFirst(Comparator.comparingLong(FileTable::shownSize)));
        size.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FileEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null || shownSize(e) < 0 ? null : Units.size(e.size()));
            }
        });
        size.getStyleClass().add("column-right");
        size.setPrefWidth(72);

        TableColumn<FileEntry, String> type = new TableColumn<>(text.get("column.type"));
        type.setId("type");
        type.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(typeOf(text, c.getValue())));
        type.setPrefWidth(72);

        TableColumn<FileEntry, Instant> modified = new TableColumn<>(text.get("column.modified"));
        modified.setId("modified");
        modified.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().modified()));
        modified.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        modified.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : when.format(t));
            }
        });
        modified.setPrefWidth(150);

        getColumns().add(name);
        getColumns().add(size);
        getColumns().add(type);
        getColumns().add(modified);
        if (remote) {
            TableColumn<FileEntry, String> perms = new TableColumn<>(text.get("column.permissions"));
            perms.setId("permissions");
            perms.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().permissions()));
            perms.setPrefWidth(85);
            perms.getStyleClass().add("column-mono");
            TableColumn<FileEntry, String> owner = new TableColumn<>(text.get("column.owner"));
            owner.setId("owner");
            owner.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().owner()));
            owner.setPrefWidth(60);
            getColumns().add(perms);
            getColumns().add(owner);
        }
        // a header must never be cut to "Permiss…" or "O": at least as wide as its title and sort arrow
        getColumns().forEach(c -> c.setPrefWidth(Math.max(c.getPrefWidth(), headerWidth(c.getText()))));
        getSortOrder().add(name);
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
}
