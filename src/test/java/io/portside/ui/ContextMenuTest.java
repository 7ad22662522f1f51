package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The right-click menus of both panes and of the queue, used with the mouse as a user would. */
class ContextMenuTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        Files.writeString(localRoot.resolve("local-note.txt"), "from the left\n");
        Files.writeString(serverRoot.resolve("report.txt"), "quarterly\n");
        Files.writeString(serverRoot.resolve("old-name.txt"), "rename me\n");
        Files.writeString(serverRoot.resolve("junk.txt"), "delete me\n");
    }

    @Test
    void remoteMenuRenamesMakesFoldersDeletesAndDownloads() {
        connectAndWaitForListing();

        menuOn("#remoteTable", "old-name.txt", "Rename (F2)");
        answerName("new-name.txt");
        waitUntil("renamed on the server's disk", () -> Files.exists(serverRoot.resolve("new-name.txt")));
        assertFalse(Files.exists(serverRoot.resolve("old-name.txt")));
        waitUntil("the pane lists the new name", () -> listed("#remoteTable", "new-name.txt"));

        menuOn("#remoteTable", "report.txt", "New folder (F7)");
        answerName("made-from-menu");
        waitUntil("folder on the server's disk", () -> Files.isDirectory(serverRoot.resolve("made-from-menu")));

        // The menu acts on the row under the pointer, not on an older selection.
        select("#remoteTable", "report.txt");
        openMenuOn(rowShowing("#remoteTable", "junk.txt"));
        clickOn("Delete (Del)");
        waitUntil("confirmation", () -> !lookup("#confirmDelete").queryAll().isEmpty());
        DialogPane confirm = lookup("#confirmDelete").queryAs(DialogPane.class);
        assertTrue(confirm.getContentText().contains("junk.txt"), confirm.getContentText());
        clickOn("Delete");
        waitUntil("deleted on the server's disk", () -> !Files.exists(serverRoot.resolve("junk.txt")));
        waitUntil("gone from the pane", () -> !listed("#remoteTable", "junk.txt"));

        menuOn("#remoteTable", "report.txt", "Download");
        waitUntil("downloaded", () -> LoginAndConflictTest.read(localRoot.resolve("report.txt")).equals("quarterly\n"));

        menuOn("#remoteTable", "report.txt", "Copy path");
        assertEquals("/report.txt", call(() -> Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void localMenuUploadsAndRefreshShowsWhatChangedOnDisk() throws Exception {
        connectAndWaitForListing();

        menuOn("#localTable", "local-note.txt", "Upload");
        waitUntil("uploaded", () -> LoginAndConflictTest.read(serverRoot.resolve("local-note.txt"))
                .equals("from the left\n"));

        // A file made behind the app's back appears after Refresh.
        Files.writeString(localRoot.resolve("made-outside.txt"), "x");
        menuOn("#localTable", "local-note.txt", "Refresh (F5)");
        waitUntil("refreshed", () -> listed("#localTable", "made-outside.txt"));

        // The queue's menu: a finished job is taken off the list.
        clickOn("#queueSectionDONE");
        waitUntil("done row", () -> rowCount("#queueTable") == 1);
        openMenuOn(lookup("#queueTable .table-row-cell")
                .match(n -> n instanceof TableRow<?> r && r.getItem() != null).queryAs(Node.class));
        // only what applies to a finished job can be chosen
        java.util.Map<String, Boolean> disabled = call(() -> lookup("#queueTable").queryAs(javafx.scene.control.TableView.class)
                .getContextMenu().getItems().stream().collect(java.util.stream.Collectors.toMap(
                        javafx.scene.control.MenuItem::getId, javafx.scene.control.MenuItem::isDisable)));
        assertEquals(java.util.Map.of("queue.pause", true, "queue.resume", true, "queue.cancel", true, "queue.retry", true,
                "queue.remove", false, "queue.openFolder", false), disabled);
        clickOn("Remove from list");
        waitUntil("row removed", () -> rowCount("#queueTable") == 0);
    }

    @Test
    void permissionsTheServerRefusesAreSaidInWords() {
        connectAndWaitForListing();
        menuOn("#remoteTable", "report.txt", "Properties / permissions…");
        waitUntil("permissions dialog", () -> !lookup("#chmodDialog").queryAll().isEmpty());
        TextField octal = lookup("#octal").queryAs(TextField.class);
        doubleClickOn("#octal");
        push(KeyCode.CONTROL, KeyCode.A);
        write("640");
        assertEquals("640", call(octal::getText));
        clickOn("OK");
        // The embedded server has no SITE CHMOD: the refusal reaches the user, not a stack trace.
        waitUntil("error dialog", () -> !lookup("#errorDialog").queryAll().isEmpty());
        DialogPane error = lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue(error.getContentText().toLowerCase().contains("chmod")
                || error.getContentText().toLowerCase().contains("permission"), error.getContentText());
        assertFalse(error.getContentText().contains("Exception"), error.getContentText());
        clickOn("OK");
    }

    private void menuOn(String table, String name, String item) {
        openMenuOn(row(table, name));
        clickOn(item);
    }

    /**
     * A right click, then the context-menu request a desktop's windowing system sends after it.
     * Monocle's headless glass delivers the click but never that request, so it is fired here, at
     * the same point, exactly as the toolkit would; everything after it (the menu, the click on an
     * item) is real.
     */
    private void openMenuOn(Node node) {
        rightClickOn(node);
        call(() -> {
            Bounds b = node.localToScreen(node.getLayoutBounds());
            Point2D local = new Point2D(b.getWidth() / 2, b.getHeight() / 2);
            Point2D screen = node.localToScreen(local);
            Point2D scene = node.localToScene(local);
            Event.fireEvent(node, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(),
                    scene.getY(), screen.getX(), screen.getY(), false, new PickResult(node, scene.getX(), scene.getY())));
            return null;
        });
    }

    private void answerName(String name) {
        waitUntil("name dialog", () -> !lookup("#nameDialog").queryAll().isEmpty());
        doubleClickOn("#nameDialog .text-field");
        push(KeyCode.CONTROL, KeyCode.A);
        write(name).type(KeyCode.ENTER);
        waitUntil("name dialog closed", () -> lookup("#nameDialog").queryAll().isEmpty());
    }
}
