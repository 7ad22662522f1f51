package io.portside.ui.pane;

import io.portside.files.FileEntry;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;

/**
 * Drag and drop for one pane: rows start drags (the whole selection), the table accepts drops
 * from the other pane or, on the remote side, files from the system's file manager. Dropping
 * on a folder row targets that folder, elsewhere the pane's current folder; the target is
 * highlighted (style class {@code drop-target}) while hovered.
 *
 * <p>Between the two panes the drag is JavaFX's own press-drag-release gesture, not the
 * platform's drag and drop: on Linux (GTK, JavaFX 21) a platform drag leaves the pointer
 * grabbed by the window, so the dialog a drop can open (a conflict, a password) never gets a
 * click (JDK-8346932; found walking journey 4). Drops from the file manager are platform
 * drags by nature, and only arrive here.
 */
final class PaneDragAndDrop {
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
        // from the other pane
        table.addEventHandler(MouseDragEvent.MOUSE_DRAG_ENTERED, e -> highlight(fromOtherPane()));
        table.addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED, e -> highlight(false));
        table.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> {
            highlight(false);
            if (fromOtherPane()) {
                dropHere(pane.model().folder().get());
                e.consume();
            }
        });
        // the drag ends wherever the button is released: a drop elsewhere is no drop
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(() -> {
            if (session.source == pane) { // after the target's MOUSE_DRAG_RELEASED, whichever comes first
                session.clear();
            }
        }));
        // from the file manager
        table.setOnDragOver(e -> {
            if (fromDesktop(e)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        table.setOnDragEntered(e -> highlight(fromDesktop(e)));
        table.setOnDragExited(e -> highlight(false));
        table.setOnDragDropped(e -> {
            highlight(false);
            if (fromDesktop(e)) {
                host.droppedFromDesktop(e.getDragboard().getFiles(), pane, pane.model().folder().get());
                e.setDropCompleted(true);
            }
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
            session.start(pane, pane.selection());
            row.startFullDrag();
            e.consume();
        });
        row.addEventHandler(MouseDragEvent.MOUSE_DRAG_ENTERED, e -> highlight(row, isFolder(row) && fromOtherPane()));
        row.addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED, e -> highlight(row, false));
        row.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, e -> {
            highlight(row, false);
            if (isFolder(row) && fromOtherPane()) {
                highlight(false);
                dropHere(row.getItem().path());
                e.consume();
            }
        });
        row.setOnDragOver(e -> {
            if (isFolder(row) && fromDesktop(e)) {
                e.acceptTransferModes(TransferMode.COPY);
                highlight(row, true);
                e.consume();
            }
        });
        row.setOnDragExited(e -> highlight(row, false));
        row.setOnDragDropped(e -> {
            if (isFolder(row) && fromDesktop(e)) {
                highlight(row, false);
                host.droppedFromDesktop(e.getDragboard().getFiles(), pane, row.getItem().path());
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }

    private static boolean isFolder(TableRow<FileEntry> row) {
        return !row.isEmpty() && row.getItem().directory();
    }

    /** A drag that started in the other pane is under way. */
    private boolean fromOtherPane() {
        return session.source != null && session.source != pane;
    }

    /** Files from the system's file manager; they can only go up, to the server. */
    private boolean fromDesktop(DragEvent e) {
        return e.getDragboard().hasFiles() && remote();
    }

    private void dropHere(String folder) {
        FilePane from = session.source;
        var entries = session.entries;
        session.clear();
        host.dropped(from, entries, pane, folder);
    }

    private void highlight(boolean on) {
        highlight(pane, on);
    }

    /** Marks {@code target} (the pane, or a folder row) as where a drop would go, or unmarks it. */
    private static void highlight(Node target, boolean on) {
        target.getStyleClass().removeAll(HIGHLIGHT);
        if (on) {
            target.getStyleClass().add(HIGHLIGHT);
        }
    }
}
