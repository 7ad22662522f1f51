package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.server.SandboxServer;
import io.portside.sites.LeakScanner;
import io.portside.sites.SiteStore;
import java.nio.file.Files;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The site manager keeps a password only encrypted under the master password: nothing in the
 * config folder holds it in any readable form, and the next run connects with it after the
 * master password is given (a wrong one is said so in words).
 */
class SavedPasswordTest extends WindowFixture {
    static final String SERVER_PASSWORD = "Tr0ub4dorHorse93";
    static final String MASTER = "correct-master-pw";

    @Override
    SandboxServer startServer() throws Exception {
        return SandboxServer.start(serverRoot, "alice", SERVER_PASSWORD);
    }

    @Test
    void savedPasswordIsNeverInClearAndTheNextRunConnectsWithIt() throws Exception {
        openSiteManager();
        clickOn("#siteName").write("Sandbox");
        clickOn("#siteHost").write(server.host());
        interact(() -> lookup("#sitePort").queryTextInputControl().setText(String.valueOf(server.port())));
        clickOn("#siteUser").write("alice");
        clickOn("#sitePassword").write(SERVER_PASSWORD);
        clickOn("#siteSave");

        waitUntil("asked to create a master password", () -> !lookup("#masterNew").queryAll().isEmpty());
        clickOn("#masterNew").write(MASTER);
        clickOn("#masterRepeat").write(MASTER);
        clickOn("#masterOk");
        waitUntil("site saved with its password", 30, () -> window.sites().hasStoredPassword("Sandbox"));
        waitUntil("the list shows it", () -> call(() -> siteList().getItems().stream()
                .anyMatch(p -> p.name().equals("Sandbox"))));
        assertTrue(Files.readString(configDir().resolve(SiteStore.FILE_NAME)).contains("\"Sandbox\""));

        Files.writeString(serverRoot.resolve("on-the-server.txt"), "x");
        assertEquals("Sandbox", call(() -> siteList().getSelectionModel().getSelectedItem().name()));
        clickOn("#siteConnect");
        waitUntil("site manager closed", () -> lookup("#siteManager").queryAll().isEmpty());
        try {
            waitUntil("connected with the stored password", () -> listed("#remoteTable", "on-the-server.txt"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; status: " + call(() -> lookup("#statusBar")
                    .queryAs(org.controlsfx.control.StatusBar.class).getText()), e);
        }
        assertNoLeak();

        restartWindow();
        assertNoLeak();
        openSiteManager();
        interact(() -> siteList().getSelectionModel().select(0));
        clickOn("#siteConnect");
        waitUntil("asked for the master password", () -> !lookup("#masterCurrent").queryAll().isEmpty());
        clickOn("#masterCurrent").write("not-the-master");
        clickOn("#masterOk");
        waitUntil("told the master password is wrong", 30, () -> "Wrong master password. Try again.".equals(
                call(() -> lookup("#masterMessage").queryLabeled().getText())));
        clickOn("#masterCurrent").write(MASTER);
        clickOn("#masterOk");
        waitUntil("connected after unlocking", 30,
                () -> "Connected".equals(call(() -> lookup("#statusState").queryLabeled().getText())));
        assertEquals("alice", call(() -> window.sites().find("Sandbox").orElseThrow().user()));

        restartWindow();
        assertNoLeak();
    }

    @Test
    void fileZillaImportStoresItsPasswordsOnlyEncrypted() throws Exception {
        String fzPassword = "fz-Secr3t-import";
        java.nio.file.Path xml = tmp.resolve("sitemanager.xml");
        Files.writeString(xml, """
                <?xml version="1.0" encoding="UTF-8"?>
                <FileZilla3 version="3.66.5" platform="*nix">
                  <Servers>
                    <Folder expanded="1">Clients
                      <Server>
                        <Host>ftp.example.test</Host><Port>2121</Port><Protocol>4</Protocol><Type>0</Type>
                        <User>bob</User><Pass encoding="base64">%s</Pass><Logontype>1</Logontype>
                        <PasvMode>MODE_ACTIVE</PasvMode><Name>Work</Name>
                      </Server>
                    </Folder>
                    <Server>
                      <Host>mirror.example.test</Host><Port>21</Port><Protocol>0</Protocol><Type>0</Type>
                      <Logontype>0</Logontype><Name>Mirror</Name>
                      <EncodingType>Custom</EncodingType><CustomEncoding>X-NO-SUCH-SET</CustomEncoding>
                    </Server>
                  </Servers>
                </FileZilla3>
                """.formatted(java.util.Base64.getEncoder().encodeToString(fzPassword.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        openSiteManager();
        interact(() -> ((io.portside.ui.dialog.SiteManagerDialog) lookup("#siteManager").queryAs(javafx.scene.control.DialogPane.class)
                .getProperties().get(io.portside.ui.dialog.SiteManagerDialog.class)).importFileZilla(xml));
        waitUntil("asked to create a master password", () -> !lookup("#masterNew").queryAll().isEmpty());
        clickOn("#masterNew").write(MASTER);
        clickOn("#masterRepeat").write(MASTER);
        clickOn("#masterOk");
        waitUntil("both sites listed", 30, () -> call(() -> siteList().getItems().size()) == 2);
        // the importer's notes are shown, site by site
        assertEquals("2 sites imported\n\"Mirror\": the character set X-NO-SUCH-SET is unknown here; UTF-8 is used",
                call(() -> lookup("#siteMessage").queryLabeled().getText()));
        // FileZilla's default protocol stays "TLS if available", shown as such
        clickOn(lookup("#siteList .list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("Mirror"))
                .queryAs(javafx.scene.Node.class));
        waitUntil("Mirror shown as TLS if available", () -> "FTP, TLS if available".equals(call(this::choiceText)));
        assertEquals(java.util.List.of("Clients/Work", "Mirror"),
                call(() -> siteList().getItems().stream().map(io.portside.sites.SiteProfile::name).toList()));
        assertTrue(window.sites().hasStoredPassword("Clients/Work"));
        assertEquals(fzPassword, new String(window.sites().password("Clients/Work")));
        assertEquals(java.util.List.of(), new LeakScanner(fzPassword).findIn(configDir()));
    }

    @SuppressWarnings("unchecked")
    private String choiceText() {
        javafx.scene.control.ChoiceBox<io.portside.ftp.Protocol> c = lookup("#siteProtocol").queryAs(javafx.scene.control.ChoiceBox.class);
        return c.getConverter().toString(c.getValue());
    }

    private void openSiteManager() {
        press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil("site manager open", () -> !lookup("#siteManager").queryAll().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private ListView<io.portside.sites.SiteProfile> siteList() {
        return lookup("#siteList").queryAs(ListView.class);
    }

    /** Every file of the config folder, in every form the password could leak in. */
    private void assertNoLeak() throws Exception {
        assertEquals(java.util.List.of(), new LeakScanner(SERVER_PASSWORD).findIn(configDir()));
    }
}
