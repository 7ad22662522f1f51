package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.server.SandboxServer;
import io.portside.sites.LeakScanner;
import io.portside.sites.PasswordMode;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** "Don't store passwords", changing the master password, and sites left in clear by older versions. */
class SiteManagerFlowsTest extends WindowFixture {
    static final String SERVER_PASSWORD = "Pl41nServerPw77";

    @Override
    SandboxServer startServer() throws Exception {
        return SandboxServer.start(serverRoot, "bob", SERVER_PASSWORD);
    }

    @Override
    void prepare() throws Exception {
        Files.writeString(serverRoot.resolve("hello.txt"), "x");
    }

    private void openSiteManager() {
        press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil("site manager open", () -> !lookup("#siteManager").queryAll().isEmpty());
    }

    private void typeSite(String name) {
        clickOn("#siteName").write(name);
        clickOn("#siteHost").write(server.host());
        interact(() -> lookup("#sitePort").queryTextInputControl().setText(String.valueOf(server.port())));
        clickOn("#siteUser").write("bob");
        clickOn("#sitePassword").write(SERVER_PASSWORD);
        clickOn("#siteSave");
        waitUntil("asked to create a master password", () -> !lookup("#masterNew").queryAll().isEmpty());
    }

    @Test
    void dontStorePasswordsAsksForItWhenConnecting() throws Exception {
        openSiteManager();
        typeSite("Asked");
        clickOn("#masterDontStore");
        waitUntil("saved without password", 30, () -> window.sites().find("Asked").isPresent());
        assertEquals(PasswordMode.NOT_STORED, window.sites().find("Asked").orElseThrow().passwordMode());
        assertFalse(window.sites().hasStoredPassword("Asked"));
        assertFalse(window.sites().hasMasterPassword());

        waitUntil("the list shows it", () -> call(() -> lookup("#siteList").queryListView().getSelectionModel()
                .getSelectedItem() != null));
        clickOn("#siteConnect");
        waitUntil("asked for the password", () -> !lookup("#askPassword").queryAll().isEmpty());
        clickOn("#askPassword").write(SERVER_PASSWORD).type(KeyCode.ENTER);
        waitUntil("connected with the typed password", () -> listed("#remoteTable", "hello.txt"));
        restartWindow();
        assertEquals(List.of(), new LeakScanner(SERVER_PASSWORD).findIn(configDir()));
    }

    @Test
    void theMasterPasswordCanBeChanged() throws Exception {
        openSiteManager();
        typeSite("Kept");
        clickOn("#masterNew").write("first-master");
        clickOn("#masterRepeat").write("first-master");
        clickOn("#masterOk");
        waitUntil("saved with its password", 30, () -> window.sites().hasStoredPassword("Kept"));
        waitUntil("change enabled", () -> !call(() -> lookup("#changeMaster").query().isDisabled()));

        clickOn("#changeMaster");
        waitUntil("change dialog", () -> !lookup("#masterCurrent").queryAll().isEmpty());
        clickOn("#masterCurrent").write("first-master");
        clickOn("#masterNew").write("second-master");
        clickOn("#masterRepeat").write("second-mastr");
        clickOn("#masterOk");
        assertEquals("The two new passwords are not the same.", call(() -> lookup("#masterMessage").queryLabeled().getText()));
        interact(() -> lookup("#masterRepeat").queryTextInputControl().clear());
        clickOn("#masterRepeat").write("second-master");
        clickOn("#masterOk");
        waitUntil("changed", 30, () -> "The master password was changed.".equals(
                call(() -> lookup("#siteMessage").queryLabeled().getText())));

        window.sites().lock();
        window.sites().unlock("second-master".toCharArray());
        assertEquals(SERVER_PASSWORD, new String(window.sites().password("Kept")));
        assertEquals(List.of(), new LeakScanner(SERVER_PASSWORD).findIn(configDir()));
    }

    @Test
    void sitesOlderVersionsKeptInClearMoveWithoutTheirPassword() throws Exception {
        restartWindow(() -> {
            String json = Files.readString(configDir().resolve("settings.json"));
            Files.writeString(configDir().resolve("settings.json"), json.replaceFirst("\\{", """
                    {
                      "sites" : [ { "name" : "Old site", "host" : "ftp.example.com", "port" : 2121, "protocol" : "ftpes",
                                    "user" : "carol", "password" : "%s", "mode" : "ACTIVE", "extended" : true,
                                    "remoteFolder" : "/www", "localFolder" : "", "charset" : "UTF-8" } ],
                      "recent" : [ { "name" : null, "host" : "ftp.example.com", "port" : 21, "protocol" : "ftp",
                                     "user" : "carol", "password" : null, "mode" : "PASSIVE", "extended" : false } ],
                    """.formatted(SERVER_PASSWORD)));
            assertTrue(Files.readString(configDir().resolve("settings.json")).contains(SERVER_PASSWORD));
        });
        var old = window.sites().find("Old site").orElseThrow();
        assertEquals("ftp.example.com", old.host());
        assertEquals(2121, old.port());
        assertEquals(io.portside.ftp.Protocol.FTPES, old.protocol());
        assertEquals(PasswordMode.NOT_STORED, old.passwordMode());
        assertEquals(List.of(), new LeakScanner(SERVER_PASSWORD).findIn(configDir()));
    }
}
