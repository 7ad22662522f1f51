package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;

class ActiveModeDownloadTest extends WindowFixture {

    @Override
    void prepare() throws Exception {
        Files.createDirectories(serverRoot.resolve("pub/nested"));
        Files.writeString(serverRoot.resolve("pub/readme.txt"), "hello from the server\n");
        Files.writeString(serverRoot.resolve("pub/nested/deep.txt"), "deep inside\n");
    }

    @Test
    void toggleToActiveOnALiveSessionThenDragARemoteFolderToTheLocalPane() throws Exception {
        connectAndWaitForListing();
        waitUntil("passive listing logged", () -> logText().contains("PASV"));

        clickOn("#modeActive");
        waitUntil("the log tells about the switch", () -> logText().contains("data connections now use active (PORT/EPRT)"));
        assertTrue(lookup("#statusMode").queryLabeled().getText().startsWith("Active"));

        // The next data connection of the live browse session uses PORT: refresh with F5.
        clickOn(row("#remoteTable", "pub"));
        type(KeyCode.F5);
        waitUntil("PORT used on the browse session", 
                () -> java.util.regex.Pattern.compile("browse ctl#\\d+ +-> +PORT 127,0,0,1,").matcher(logText()).find());

        drag(row("#remoteTable", "pub"), MouseButton.PRIMARY).dropTo("#localTable");
        waitUntil("folder downloaded", () -> Files.exists(localRoot.resolve("pub/nested/deep.txt"))
                && Files.exists(localRoot.resolve("pub/readme.txt")));
        waitUntil("download complete", () -> {
            try {
                return Files.readString(localRoot.resolve("pub/nested/deep.txt")).equals("deep inside\n");
            } catch (Exception e) {
                return false;
            }
        });
        assertEquals("hello from the server\n", Files.readString(localRoot.resolve("pub/readme.txt")));
        waitUntil("downloaded folder listed locally", () -> listed("#localTable", "pub"));

        String log = logText();
        assertTrue(log.contains("we listen on 127.0.0.1:"), "decoded PORT:\n" + log);
        assertTrue(log.contains("(active: server -> client"), "accepted data connection:\n" + log);
        assertTrue(log.contains("w1 ctl#"), "the queue's own session is named in the log:\n" + log);
    }
}
