package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * Files and folders dragged in from the system's file manager upload to the folder they are
 * dropped on. The "file manager" is a label whose drag carries a plain file list
 * (DataFormat.FILES), which is all a desktop's file manager puts on the dragboard; the drag,
 * the highlight, the drop on the remote pane and the upload are real.
 */
class DesktopDropTest extends WindowFixture {
    private Path outside;

    @Override
    void prepare() throws Exception {
        outside = Files.createDirectories(tmp.resolve("desktop"));
        Files.writeString(outside.resolve("loose.txt"), "dropped from the desktop\n");
        Path album = Files.createDirectories(outside.resolve("album/2026"));
        Files.write(album.resolve("photo.jpg"), new byte[70_000]);
        Files.createDirectories(serverRoot.resolve("incoming"));
    }

    @Test
    void filesAndFoldersFromTheFileManagerUploadToTheFolderDroppedOn() throws Exception {
        connectAndWaitForListing();
        fileManagerOffering(List.of(outside.resolve("loose.txt").toFile(), outside.resolve("album").toFile()));

        drag("#fileManagerSelection", MouseButton.PRIMARY).moveTo(rowShowing("#remoteTable", "incoming"));
        assertTrue(call(() -> rowShowing("#remoteTable", "incoming").getStyleClass().contains("drop-target")),
                "the folder row under the pointer highlights");
        drop();

        Path in = serverRoot.resolve("incoming");
        waitUntil("the loose file on the server", () -> LoginAndConflictTest.read(in.resolve("loose.txt"))
                .equals("dropped from the desktop\n"));
        waitUntil("the folder tree on the server", () -> in.resolve("album/2026/photo.jpg").toFile().length() == 70_000);
        assertEquals(70_000, Files.size(in.resolve("album/2026/photo.jpg")));
        assertFalse(Files.exists(serverRoot.resolve("loose.txt")), "dropped on a folder row, not on the pane");
    }

    /**
     * Monocle delivers a drag's events only to the window it started in, so the "file manager"
     * is laid over the main window's bottom-left corner (the queue area) rather than beside it.
     */
    private void fileManagerOffering(List<File> files) throws Exception {
        FxToolkit.setupFixture(() -> {
            Label selection = new Label(files.size() + " items selected");
            selection.setId("fileManagerSelection");
            selection.setMinSize(200, 40);
            selection.setMaxSize(200, 40);
            selection.setStyle("-fx-background-color: #ffd;");
            selection.setOnDragDetected(e -> {
                var db = selection.startDragAndDrop(TransferMode.COPY, TransferMode.MOVE);
                ClipboardContent c = new ClipboardContent();
                c.putFiles(files);
                db.setContent(c);
                e.consume();
            });
            Parent window = stage.getScene().getRoot();
            StackPane over = new StackPane();
            stage.getScene().setRoot(over);
            over.getChildren().addAll(window, selection);
            StackPane.setAlignment(selection, Pos.BOTTOM_LEFT);
        });
    }
}
