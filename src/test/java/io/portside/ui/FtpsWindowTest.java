package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.Protocol;
import io.portside.ftp.TestCertificates;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.Test;

/**
 * FTPES in the window against a server with a self-signed certificate: the certificate dialog
 * shows the real fingerprint, and each answer does what it says.
 */
class FtpsWindowTest extends WindowFixture {
    Path keystore;

    @Override
    SandboxServer startServer() throws Exception {
        keystore = TestCertificates.create(tmp, "window");
        return SandboxServer.start(serverRoot, "alice", "tls-pw", SandboxServer.NetworkQuirks.NONE,
                new SandboxServer.Tls(keystore, TestCertificates.PASSWORD, false));
    }

    @Override
    void prepare() throws Exception {
        Files.writeString(serverRoot.resolve("secret-plans.txt"), "x");
    }

    private void connectWithFtpes() {
        interact(() -> lookup("#protocol").<ComboBox<Protocol>>query().setValue(Protocol.FTPES));
        connectFromBar("tls-pw");
        waitUntil("certificate dialog shown", 30, () -> call(() -> lookup("#certTrustAlways").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow().isShowing() && n.isVisible()).orElse(false)));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private String status(String id) {
        return call(() -> lookup(id).queryLabeled().getText());
    }

    @Test
    void trustOnceConnectsWithTheRightFingerprintAndSaysEncrypted() throws Exception {
        connectWithFtpes();
        assertEquals(TestCertificates.fingerprint(keystore),
                call(() -> lookup("#certFingerprint").queryTextInputControl().getText()));
        assertTrue(call(() -> lookup("#certHost").queryTextInputControl().getText()).contains("is for 127.0.0.1"));
        // in words, not the trust store's "PKIX path building failed", which stays folded away
        String why = call(() -> ((javafx.scene.control.Label) lookup("#certProblem").query()).getText());
        assertTrue(why.contains("It is self-signed: no certificate authority vouches for it"), why);
        assertTrue(!why.contains("PKIX"), why);
        assertTrue(!call(() -> ((javafx.scene.control.TitledPane) lookup("#certTechnicalPane").query()).isExpanded()));
        assertTrue(call(() -> lookup("#certTechnical").queryTextInputControl().getText()).contains("PKIX"));
        shoot("certificate-dialog.png");
        clickOn("#certTrustOnce");
        waitUntil("remote pane lists over TLS", () -> listed("#remoteTable", "secret-plans.txt"));
        assertTrue(status("#statusSecurity").matches("Encrypted \\(TLS 1\\.[23]\\)"), status("#statusSecurity"));
        assertTrue(Files.notExists(configDir().resolve(MainWindow.TRUSTED_CERTIFICATES))
                || !Files.readString(configDir().resolve(MainWindow.TRUSTED_CERTIFICATES))
                        .contains(TestCertificates.fingerprint(keystore)), "trust once is not written down");
    }

    @Test
    void cancelIsAnErrorInWordsAndNotConnected() {
        connectWithFtpes();
        clickOn("#certCancel");
        waitUntil("error shown", () -> !lookup("#errorDialog").queryAll().isEmpty());
        String error = call(() -> lookup("#errorDialog").queryAs(javafx.scene.control.DialogPane.class).getContentText());
        assertTrue(error.contains("did not trust the certificate of 127.0.0.1:" + server.port()), error);
        assertEquals("Not connected", status("#statusState"));
        assertEquals(0, rowCount("#remoteTable"));
        assertEquals("", status("#statusSecurity"));
    }

    @Test
    void trustAlwaysIsRememberedAndTheNextConnectAsksNothing() throws Exception {
        connectWithFtpes();
        clickOn("#certTrustAlways");
        waitUntil("remote pane lists over TLS", () -> listed("#remoteTable", "secret-plans.txt"));
        String file = Files.readString(configDir().resolve(MainWindow.TRUSTED_CERTIFICATES));
        assertTrue(file.contains(TestCertificates.fingerprint(keystore).replace(":", "\\:")), file);

        restartWindow();
        interact(() -> lookup("#protocol").<ComboBox<Protocol>>query().setValue(Protocol.FTPES));
        connectFromBar("tls-pw");
        waitUntil("connected without a question", 30, () -> listed("#remoteTable", "secret-plans.txt"));
        assertTrue(lookup("#certificateDialog").queryAll().isEmpty());
    }

    @Test
    void aChangedCertificateIsALoudWarningWithBothFingerprints() throws Exception {
        String old = "AB:".repeat(31) + "AB";
        new io.portside.ftp.tls.FingerprintFile(configDir().resolve(MainWindow.TRUSTED_CERTIFICATES))
                .put("127.0.0.1:" + server.port(), old);
        connectWithFtpes();
        assertEquals("WARNING: certificate changed", call(() -> lookup("#certificateDialog").query().getScene()
                .getWindow() instanceof javafx.stage.Stage st ? st.getTitle() : ""));
        assertEquals(old, call(() -> lookup("#certOldFingerprint").queryTextInputControl().getText()));
        assertEquals(TestCertificates.fingerprint(keystore),
                call(() -> lookup("#certFingerprint").queryTextInputControl().getText()));
        assertTrue(call(() -> lookup("#certificateDialog").query().getStyleClass().contains("certificate-changed")));
        clickOn("#certCancel");
        waitUntil("error shown", () -> !lookup("#errorDialog").queryAll().isEmpty());
        assertEquals("Not connected", status("#statusState"));
    }

    /** The dialog as a PNG, where ScreenshotsTest writes (-Dportside.screenshots=screenshots for the README). */
    private void shoot(String name) throws Exception {
        Path out = Path.of(System.getProperty("portside.screenshots", "target/screenshots"));
        Files.createDirectories(out);
        var image = call(() -> lookup("#certificateDialog").query().getScene().snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                out.resolve(name).toFile());
        assertTrue(Files.size(out.resolve(name)) > 10_000, name + " looks empty");
    }
}
