package io.portside.ui.pane;

import io.portside.files.FileEntry;
import java.io.File;
import java.util.List;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Drag and drop for one pane: rows start drags (the whole selection), the table accepts drops
 * from the other pane or, on the remote side, files from the system's file manager. Dropping
 * on a folder row targets that folder, elsewhere the pane's current folder; the target is
 * highlighted (style class {@code drop-target}) while hovered.
 */
final class PaneDragAndDrop {
    /** Marks a drag that started in one of our panes. */
    static final DataFormat PORTSIDE_FILES = new DataFormat("application/x-portside-files");
    private static final String HIGHLIGHT = "drop-target";

    private final FilePane pane;
    private final TableView<FileEntry> table;
    private final DragSession session;
    private final PaneHost host;

    PaneDragAndDrop(FilePane pane, TableView<FileEntry> table, DragSession session, PaneHost host) {
        this.pane = pane;
        this.table = table;
        this.session = session;
        this.host = host;
    }

    private boolean remote() {
        return pane.model().browser().isRemote();
    }

    void installOnTable() {
        table.setOnDragOver(e -> {
            if (acceptable(e)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        table.setOnDragEntered(e -> {
            if (acceptable(e) && !pane.getStyleClass().contains(HIGHLIGHT)) {
                pane.getStyleClass().add(HIGHLIGHT);
            }
        });
        table.setOnDragExited(e -> pane.getStyleClass().removeAll(HIGHLIGHT));
        table.setOnDragDropped(e -> {
            pane.getStyleClass().removeAll(HIGHLIGHT);
            e.setDropCompleted(drop(e, pane.model().folder().get()));
            e.consume();
        });
    }

    void installOnRow(TableRow<FileEntry> row) {
        row.setOnDragDetected(e -> {
            if (row.isEmpty()) {
                return;
            }
            if (!table.getSelectionModel().getSelectedItems().contains(row.getItem())) {
                table.getSelectionModel().clearAndSelect(row.getIndex());
            }
            start(row);
            e.consume();
        });
        row.setOnDragOver(e -> {
            if (!row.isEmpty() && row.getItem().directory() && acceptable(e)) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!row.getStyleClass().contains(HIGHLIGHT)) {
                    row.getStyleClass().add(HIGHLIGHT);
                }
                e.consume();
            }
        });
        row.setOnDragExited(e -> row.getStyleClass().removeAll(HIGHLIGHT));
        row.setOnDragDropped(e -> {
            if (!row.isEmpty() && row.getItem().directory()) {
                row.getStyleClass().removeAll(HIGHLIGHT);
                e.setDropCompleted(drop(e, row.getItem().path()));
                e.consume();
            }
        });
    }

    private void start(TableRow<FileEntry> row) {
        List<FileEntry> entries = pane.selection();
        var db = row.startDragAndDrop(TransferMode.COPY);
        ClipboardContent c = new ClipboardContent();
        c.put(PORTSIDE_FILES, remote() ? "remote" : "local");
        c.putString(String.join("\n", entries.stream().map(FileEntry::path).toList()));
        if (!remote()) {
            // so local files can also be dropped into other applications
            c.putFiles(entries.stream().map(en -> new File(en.path())).toList());
        }
        db.setContent(c);
        db.setDragView(row.snapshot(null, null));
        session.start(pane, entries);
    }

    private boolean acceptable(DragEvent e) {
        var db = e.getDragboard();
        if (db.hasContent(PORTSIDE_FILES)) {
            return session.source != null && session.source != pane;
        }
        return db.hasFiles() && remote();
    }

    private boolean drop(DragEvent e, String folder) {
        var db = e.getDragboard();
        if (db.hasContent(PORTSIDE_FILES) && session.source != null && session.source != pane) {
            host.dropped(session.source, session.entries, pane, folder);
            session.clear();
            return true;
        }
        if (db.hasFiles() && remote()) {
            host.droppedFromDesktop(db.getFiles(), pane, folder);
            return true;
        }
        return false;
    }
}
