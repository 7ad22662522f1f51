package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.files.FileEntry;
import java.nio.file.Files;
import java.util.Random;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

class ConnectBrowseTransferTest extends WindowFixture {
    byte[] payload;

    @Override
    void prepare() throws Exception {
        Files.createDirectories(serverRoot.resolve("pub/nested"));
        Files.writeString(serverRoot.resolve("pub/readme.txt"), "hello from the server\n");
        Files.writeString(serverRoot.resolve("pub/nested/deep.txt"), "deep\n");
        Files.writeString(serverRoot.resolve("top.txt"), "top\n");
        Files.createDirectories(localRoot.resolve("outbox"));
        payload = new byte[300_000];
        new Random(7).nextBytes(payload);
        Files.write(localRoot.resolve("outbox/photo.bin"), payload);
    }

    @Test
    void connectBrowseDragUploadAndSeeThePassiveHandshakeInTheLog() throws Exception {
        connectAndWaitForListing();
        assertTrue(listed("#remoteTable", "pub"));
        assertFalse(logText().contains(server.password()), "the log never shows the password");

        // Whatever size the server lists for a folder, the pane shows none.
        assertEquals(null, cellText("#remoteTable", "pub", "size"));
        assertEquals("Folder", cellText("#remoteTable", "pub", "type"));
        assertEquals("4 B", cellText("#remoteTable", "top.txt", "size"));
        assertEquals("TXT file", cellText("#remoteTable", "top.txt", "type"));

        // Browse into a folder on both sides: double-click remotely, Enter locally.
        doubleClickOn(row("#remoteTable", "pub"), MouseButton.PRIMARY);
        waitUntil("remote pub listed", () -> listed("#remoteTable", "readme.txt"));
        clickOn(row("#localTable", "outbox"));
        type(KeyCode.ENTER);
        waitUntil("local outbox listed", () -> listed("#localTable", "photo.bin"));

        // Drag the local file onto the remote pane.
        drag(row("#localTable", "photo.bin"), MouseButton.PRIMARY).moveTo("#remoteTable");
        assertTrue(call(() -> lookup("#remote").query().getStyleClass().contains("drop-target")),
                "the remote pane highlights while a drag hovers over it");
        drop();
        assertFalse(call(() -> lookup("#remote").query().getStyleClass().contains("drop-target")));
        waitUntil("uploaded file on the server's disk", () -> Files.exists(serverRoot.resolve("pub/photo.bin"))
                && sizeOf(serverRoot.resolve("pub/photo.bin")) == payload.length);
        assertArrayEquals(payload, Files.readAllBytes(serverRoot.resolve("pub/photo.bin")));
        waitUntil("uploaded file listed remotely", () -> listed("#remoteTable", "photo.bin"));

        String log = logText();
        assertTrue(log.contains("PASV"), log);
        assertTrue(log.contains("server listens on 127.0.0.1:"), "decoded PASV line:\n" + log);
        assertTrue(log.contains("data#"), "data connection lines:\n" + log);
        assertTrue(log.contains("(passive: client -> server)"), log);
    }

    /** What the table shows in column {@code columnId} of the row named {@code name}. */
    String cellText(String table, String name, String columnId) {
        row(table, name);
        return call(() -> lookup(table + " .table-cell").match(n -> n instanceof TableCell<?, ?> c
                && c.getTableRow() != null && c.getTableRow().getItem() instanceof FileEntry e && e.name().equals(name)
                && columnId.equals(c.getTableColumn().getId())).queryAs(TableCell.class).getText());
    }

    static long sizeOf(java.nio.file.Path p) {
        try {
            return Files.size(p);
        } catch (Exception e) {
            return -1;
        }
    }
}
