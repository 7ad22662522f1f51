package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;

/**
 * A connection attempt can be stopped, with the bar's button and with Escape, against a server
 * that accepts the connection and never greets (the attempt would otherwise wait for its
 * timeout): the window is back to "not connected" at once, no late error follows, and the next
 * connection starts at once (the browse worker is not stuck behind the cancelled attempt).
 */
class ConnectCancelTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        java.nio.file.Files.writeString(serverRoot.resolve("hello.txt"), "hello\n");
    }

    private void retype(String field, String value) {
        clickOn(field).push(KeyCode.CONTROL, KeyCode.A).write(value);
    }

    private String text(String id) {
        return call(() -> lookup(id).queryLabeled().getText());
    }

    private String statusMessage() {
        return call(() -> ((StatusBar) lookup("#statusBar").query()).getText());
    }

    private void startConnectingTo(ServerSocket silent) {
        clickOn("#host").write("127.0.0.1");
        doubleClickOn("#port").eraseText(2).write(String.valueOf(silent.getLocalPort()));
        clickOn("#user").write("someone");
        clickOn("#connect");
        waitUntil("connecting", () -> "Cancel".equals(text("#connect")));
        assertEquals("Connecting…", text("#statusState"));
        assertTrue(statusMessage().contains("Esc cancels"), statusMessage());
        waitUntil("the TCP connection is open, the greeting awaited", () -> logText().contains("established"));
    }

    private void assertCancelled() throws Exception {
        waitUntil("back to not connected", 2, () -> "Connect".equals(text("#connect")));
        assertEquals("Not connected", text("#statusState"));
        assertEquals("Connection attempt cancelled.", statusMessage());
        waitUntil("the log says so", () -> logText().contains("connection attempt cancelled by the user"));
        Thread.sleep(1000); // a late failure of the attempt would open a dialog now
        assertEquals(1, listWindows().size(), "no error dialog for a cancelled attempt");
    }

    @Test
    void escapeCancelsAnAttemptToAServerThatNeverGreets() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            startConnectingTo(silent);
            type(KeyCode.ESCAPE);
            assertCancelled();

            // the next connection is not held up by the cancelled one
            long start = System.nanoTime();
            retype("#port", String.valueOf(server.port()));
            retype("#user", server.user());
            retype("#password", server.password());
            clickOn("#connect");
            waitUntil("remote pane lists the server's home", () -> listed("#remoteTable", "hello.txt"));
            assertTrue(System.nanoTime() - start < 15_000_000_000L);
            assertEquals("Connected", text("#statusState"));
        }
    }

    @Test
    void theButtonCancelsToo() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            startConnectingTo(silent);
            clickOn("#connect");
            assertCancelled();
        }
    }
}
