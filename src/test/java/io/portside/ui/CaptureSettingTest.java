package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.capture.CaptureMode;
import io.portside.ui.settings.SettingsStore;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Connection › Packet capture: the window starts in auto (its default), the menu's Off is kept
 * in the settings file and holds after a restart: the next connection's log has no packet lines
 * and no word of a capture.
 */
@Timeout(90)
class CaptureSettingTest extends WindowFixture {

    @Override
    String capture() {
        return null; // the window's own default
    }

    @Override
    void prepare() throws Exception {
        java.nio.file.Files.writeString(serverRoot.resolve("a.txt"), "x");
    }

    private RadioMenuItem item(String id) {
        return call(() -> {
            for (Menu m : lookup("#menuBar").queryAs(MenuBar.class).getMenus()) {
                for (MenuItem i : m.getItems()) {
                    if (i instanceof Menu sub && "menu.capture".equals(sub.getId())) {
                        for (MenuItem r : sub.getItems()) {
                            if (id.equals(r.getId())) {
                                return (RadioMenuItem) r;
                            }
                        }
                    }
                }
            }
            throw new AssertionError("no menu item " + id);
        });
    }

    @Test
    void offIsKeptAndTheNextRunCapturesNothing() throws Exception {
        assertTrue(call(() -> item("menu.capture.auto").isSelected()), "auto is the window's default");
        assertEquals("Packet capture", call(() -> item("menu.capture.auto").getParentMenu().getText()));
        interact(() -> item("menu.capture.off").fire());
        // written when chosen, not only at a normal close (a session that is killed keeps it too)
        waitUntil("off in settings.json", () -> new SettingsStore(configDir()).load().captureMode() == CaptureMode.OFF);
        restartWindow();
        assertEquals(CaptureMode.OFF, new SettingsStore(configDir()).load().captureMode());
        assertTrue(call(() -> item("menu.capture.off").isSelected()), "the menu shows the kept choice");
        connectAndWaitForListing();
        waitUntil("the listing's data connection is logged", () -> logText().contains("226 "));
        String log = logText();
        assertFalse(log.contains(" pkt "), log);
        assertFalse(log.contains("packet capture"), log);
        assertTrue(log.contains("TCP  established"), "the sockets' view\n" + log);
    }
}
