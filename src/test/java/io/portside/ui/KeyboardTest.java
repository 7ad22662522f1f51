package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Everything from the keyboard: Tab between panes, F7, F2, Del with confirmation, Backspace, type-ahead. */
class KeyboardTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        Files.writeString(localRoot.resolve("draft.txt"), "draft\n");
        Files.writeString(localRoot.resolve("zebra.txt"), "z\n");
        Files.createDirectories(serverRoot.resolve("incoming"));
    }

    @Test
    void fileOperationsAndPaneSwitchingFromTheKeyboard() {
        connectAndWaitForListing();

        // Tab in a table jumps to the other pane's table.
        clickOn(row("#localTable", "draft.txt"));
        type(KeyCode.TAB);
        assertEquals("remoteTable", call(() -> stage.getScene().getFocusOwner().getId()));
        type(KeyCode.TAB);
        assertEquals("localTable", call(() -> stage.getScene().getFocusOwner().getId()));

        // Type-ahead: "ze" selects zebra.txt.
        write("ze");
        assertEquals("zebra.txt", call(() -> this.<io.portside.files.FileEntry>table("#localTable")
                .getSelectionModel().getSelectedItem().name()));

        // F7 makes a folder (on disk), F2 renames, Del deletes after confirmation.
        type(KeyCode.F7);
        waitUntil("name dialog", () -> !lookup("#nameDialog").queryAll().isEmpty());
        clickOn("#nameDialog .text-field").write("made-by-f7").type(KeyCode.ENTER);
        waitUntil("folder on disk", () -> Files.isDirectory(localRoot.resolve("made-by-f7")));
        waitUntil("folder listed", () -> listed("#localTable", "made-by-f7"));

        clickOn(row("#localTable", "draft.txt"));
        type(KeyCode.F2);
        waitUntil("rename dialog", () -> !lookup("#nameDialog").queryAll().isEmpty());
        doubleClickOn("#nameDialog .text-field");
        push(KeyCode.CONTROL, KeyCode.A);
        write("final.txt").type(KeyCode.ENTER);
        waitUntil("renamed on disk", () -> Files.exists(localRoot.resolve("final.txt")));
        assertFalse(Files.exists(localRoot.resolve("draft.txt")));

        waitUntil("renamed listed", () -> listed("#localTable", "final.txt"));
        clickOn(row("#localTable", "final.txt"));
        type(KeyCode.DELETE);
        waitUntil("confirmation", () -> !lookup("#confirmDelete").queryAll().isEmpty());
        clickOn("Delete");
        waitUntil("deleted on disk", () -> !Files.exists(localRoot.resolve("final.txt")));

        // Remote: Enter opens a folder, F7 makes one on the server, Backspace goes up.
        clickOn(row("#remoteTable", "incoming"));
        type(KeyCode.ENTER);
        waitUntil("inside incoming", () -> call(() -> lookup("#remotePath").queryComboBox().getEditor().getText())
                .equals("/incoming"));
        type(KeyCode.F7);
        waitUntil("name dialog", () -> !lookup("#nameDialog").queryAll().isEmpty());
        clickOn("#nameDialog .text-field").write("remote-dir").type(KeyCode.ENTER);
        waitUntil("folder on the server's disk", () -> Files.isDirectory(serverRoot.resolve("incoming/remote-dir")));
        clickOn("#remoteTable");
        type(KeyCode.BACK_SPACE);
        waitUntil("back at /", () -> call(() -> lookup("#remotePath").queryComboBox().getEditor().getText()).equals("/"));
        assertTrue(listed("#remoteTable", "incoming"));

        // The toolbar's transfer button does what a drop does.
        clickOn(row("#localTable", "zebra.txt"));
        clickOn("#localTransfer");
        waitUntil("uploaded by the toolbar button", () -> LoginAndConflictTest.read(serverRoot.resolve("zebra.txt")).equals("z\n"));

        // Help › About (the installer engineer's dialog).
        clickOn("Help");
        clickOn("About Portside");
        waitUntil("about dialog", () -> !lookup("#about-dialog").queryAll().isEmpty());
        clickOn("OK");
    }
}
