package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * Files › Transfer type: ASCII converts a page's Windows line ends on the way down, Binary keeps
 * them, and the choice is remembered for the next start.
 */
class TransferTypeMenuTest extends WindowFixture {
    static final String PAGE = "<p>one</p>\r\n<p>two</p>\r\n";

    @Override
    void prepare() throws Exception {
        Files.writeString(serverRoot.resolve("page.html"), PAGE);
    }

    @Test
    void asciiConvertsLineEndsBinaryKeepsThemAndTheChoiceIsRemembered() throws Exception {
        connectAndWaitForListing();
        Path local = localRoot.resolve("page.html");

        chooseType("ASCII (text: line ends converted)");
        download("page.html");
        waitUntil("text downloaded", () -> LoginAndConflictTest.read(local).equals(PAGE.replace("\r\n", "\n")));
        assertTrue(logText().contains("->   TYPE A"), logText());

        Files.delete(local);
        chooseType("Binary (byte for byte)");
        download("page.html");
        waitUntil("bytes downloaded", () -> LoginAndConflictTest.read(local).equals(PAGE));
        assertArrayEquals(PAGE.getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(local));

        chooseType("Auto (ASCII for text extensions)");
        restartWindow();
        assertTrue(call(() -> ((RadioMenuItem) findItem("menu.type.auto")).isSelected()), "Auto is still chosen");
        assertTrue(Files.readString(configDir().resolve("settings.json")).contains("\"AUTO\""));
    }

    private void chooseType(String item) {
        clickOn("Files");
        clickOn("Transfer type");
        clickOn(item);
    }

    private void download(String name) {
        clickOn(row("#remoteTable", name));
        type(KeyCode.ENTER);
    }

    private javafx.scene.control.MenuItem findItem(String id) {
        javafx.scene.control.MenuBar bar = lookup("#menuBar").queryAs(javafx.scene.control.MenuBar.class);
        for (javafx.scene.control.Menu m : bar.getMenus()) {
            javafx.scene.control.MenuItem found = find(m, id);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    private static javafx.scene.control.MenuItem find(javafx.scene.control.Menu menu, String id) {
        for (javafx.scene.control.MenuItem i : menu.getItems()) {
            if (id.equals(i.getId())) {
                return i;
            }
            if (i instanceof javafx.scene.control.Menu sub) {
                javafx.scene.control.MenuItem found = find(sub, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
