package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.testing.CuttableLink;
import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import java.nio.file.Files;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server closes the control connection while the window is connected: the window says so at
 * once (state, button, status bar, the remote pane), and the next action reconnects silently to
 * the same site and folder; the queue's workers reconnect too. The log says why each time.
 */
class ConnectionHealTest extends WindowFixture {
    CuttableLink link;

    @Override
    void prepare() throws Exception {
        Files.createDirectories(serverRoot.resolve("pub"));
        Files.writeString(serverRoot.resolve("pub/a.txt"), "first file\n");
        Files.writeString(serverRoot.resolve("pub/b.txt"), "second file\n");
        Files.writeString(serverRoot.resolve("top.txt"), "top\n");
    }

    @AfterEach
    void closeLink() throws Exception {
        if (link != null) {
            link.close();
        }
    }

    /** Connects through a link the test can cut, as a server that drops its sessions. */
    private void connectThroughLink() throws Exception {
        link = new CuttableLink(server.port());
        clickOn("#host").write("127.0.0.1");
        doubleClickOn("#port").eraseText(2).write(String.valueOf(link.port()));
        clickOn("#user").write(server.user());
        clickOn("#password").write(server.password());
        clickOn("#connect");
        waitUntil("remote pane lists the server's home", () -> listed("#remoteTable", "top.txt"));
        doubleClickOn(row("#remoteTable", "pub"));
        waitUntil("/pub listed", () -> listed("#remoteTable", "a.txt"));
    }

    private String text(String id) {
        return call(() -> lookup(id).queryLabeled().getText());
    }

    private boolean noticeShown() {
        return call(() -> lookup("#remoteNotice").queryAs(Label.class).isVisible());
    }

    @Test
    void aClosedConnectionShowsAtOnceAndTheNextRefreshReconnectsToTheSameFolder() throws Exception {
        connectThroughLink();
        assertEquals("Connected", text("#statusState"));
        assertFalse(noticeShown());

        link.cut();
        waitUntil("the window shows the connection closed", 5, () -> "Reconnect".equals(text("#connect")));
        assertEquals("Connection lost", text("#statusState"));
        assertTrue(call(() -> ((org.controlsfx.control.StatusBar) lookup("#statusBar").query()).getText())
                .startsWith("The connection to "), "status bar message");
        assertTrue(noticeShown());
        assertEquals("Disconnected — reconnecting on your next action (refresh, open a folder, transfer).",
                text("#remoteNotice"));
        assertTrue(listed("#remoteTable", "a.txt"), "the listing stays: it is where the next action goes");
        assertEquals("", text("#statusSecurity"), "no stale encryption state for a closed connection");

        clickOn(row("#remoteTable", "a.txt"));
        type(KeyCode.F5);
        waitUntil("connected again", 10, () -> "Disconnect".equals(text("#connect")));
        waitUntil("notice gone", () -> !noticeShown());
        assertEquals("Connected", text("#statusState"));
        assertEquals("/pub", call(() -> window.panes().remote().model().folder().get()), "the same folder");
        assertTrue(listed("#remoteTable", "b.txt"));
        assertEquals(1, listWindows().size(), "no error dialog: the reconnect was silent");
        String log = logText();
        assertTrue(log.contains("closed by the server") || log.contains("closed by server"), log);
        assertTrue(log.contains("connected again because the previous control connection"), log);
        assertTrue(log.contains("back in /pub"), log);
    }

    @Test
    void theQueuesWorkersReconnectAndSayWhy() throws Exception {
        connectThroughLink();
        clickOn(row("#remoteTable", "a.txt"));
        clickOn("#remoteTransfer");
        waitUntil("a.txt downloaded", () -> Files.exists(localRoot.resolve("a.txt")));
        waitUntil("the worker's job is done", () -> window.queueRows().stream().allMatch(j -> j.state() == JobState.DONE));

        link.cut(); // the browse session and the worker's session both
        waitUntil("the window shows the connection closed", 5, () -> "Reconnect".equals(text("#connect")));
        clickOn(row("#remoteTable", "b.txt"));
        clickOn("#remoteTransfer"); // a transfer while disconnected: queued, not "connect first"
        waitUntil("b.txt downloaded", 15, () -> Files.exists(localRoot.resolve("b.txt")));
        waitUntil("the jobs are done", 15, () -> window.queueRows().stream().allMatch(j -> j.state() == JobState.DONE));
        assertEquals("second file\n", Files.readString(localRoot.resolve("b.txt")));
        for (JobProgress j : window.queueRows()) {
            assertEquals(JobState.DONE, j.state(), j.message());
        }
        String log = logText();
        assertTrue(log.contains("connected again for the next transfer because the previous control connection (w"), log);
    }

    @Test
    void theReconnectButtonReconnectsToTheSameFolder() throws Exception {
        connectThroughLink();
        link.cut();
        waitUntil("the window shows the connection closed", 5, () -> "Reconnect".equals(text("#connect")));
        clickOn("#connect");
        waitUntil("connected again", 10, () -> "Disconnect".equals(text("#connect")));
        assertEquals("/pub", call(() -> window.panes().remote().model().folder().get()));
        assertTrue(listed("#remoteTable", "a.txt"));
    }

    /** While lost, connecting to another site starts clean: the lost site's listing and notice go. */
    @Test
    void connectingElsewhereWhileLostStartsClean() throws Exception {
        connectThroughLink();
        link.cut();
        waitUntil("the window shows the connection closed", 5, () -> "Reconnect".equals(text("#connect")));
        clickOn("#port").push(KeyCode.CONTROL, KeyCode.A).write(String.valueOf(server.port()));
        waitUntil("the button offers a new connection", () -> "Reconnect".equals(text("#connect")));
        clickOn("#connect");
        waitUntil("connected to the other port", 10, () -> "Disconnect".equals(text("#connect")));
        waitUntil("its home listed", () -> listed("#remoteTable", "top.txt"));
        assertFalse(noticeShown());
        assertEquals("/", call(() -> window.panes().remote().model().folder().get()));
    }

    @Test
    void repeatedFailureStopsWithWords() throws Exception {
        connectThroughLink();
        link.close(); // the server is gone for good: nothing listens any more
        waitUntil("the window shows the connection closed", 5, () -> "Reconnect".equals(text("#connect")));
        for (int i = 1; i <= io.portside.ui.connection.ConnectionViewModel.MAX_RECONNECTS; i++) {
            clickOn(row("#remoteTable", "a.txt"));
            type(KeyCode.F5);
            int attempt = i;
            waitUntil("attempt " + i + " failed", 10, () -> attempt == io.portside.ui.connection.ConnectionViewModel.MAX_RECONNECTS
                    ? "Connect".equals(text("#connect"))
                    : text("#remoteStatus").contains("connection refused"));
        }
        assertEquals("Not connected", text("#statusState"));
        assertTrue(noticeShown());
        assertTrue(text("#remoteNotice").startsWith("Could not connect to 127.0.0.1 again (3 attempts in a row): "),
                text("#remoteNotice"));
        assertTrue(text("#remoteNotice").contains("connection refused"), text("#remoteNotice"));
        assertEquals(1, listWindows().size(), "said in the pane, not in a dialog per attempt");
    }
}
