package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.Protocol;
import io.portside.interop.InteropServers;
import io.portside.interop.InteropServers.ServerInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The window against a real FTPS server that requires TLS session reuse (vsftpd with
 * {@code require_ssl_reuse=YES}, from the interop set-up): trust its self-signed certificate
 * once, upload a file with Enter and download it back, byte-exact, as a user would. Under TLS
 * 1.3 its data connections cannot resume, so the browse session falls back to TLS 1.2 and says
 * why in the log; the queue's worker, opened after, starts with TLS 1.2 and every transfer
 * resumes the control session.
 */
class VsftpdTlsWindowTest extends WindowFixture {
    private final String name = "window-tls-" + Long.toHexString(System.nanoTime()) + ".bin";
    private byte[] data;
    private ServerInfo vsftpd;

    @Override
    void prepare() throws Exception {
        vsftpd = InteropServers.require().stream().filter(ServerInfo::tls).findFirst().orElseThrow();
        data = new byte[400_000];
        new Random(11).nextBytes(data);
        Files.write(localRoot.resolve(name), data);
    }

    @AfterEach
    void removeFromServer() throws Exception {
        Files.deleteIfExists(vsftpd.onDisk(name));
    }

    @Test
    void uploadAndDownloadOverFtpesWithSessionReuse() throws Exception {
        interact(() -> lookup("#protocol").<ComboBox<Protocol>>query().setValue(Protocol.FTPES));
        clickOn("#host").write(vsftpd.host());
        doubleClickOn("#port").eraseText(4).write(String.valueOf(vsftpd.port()));
        clickOn("#user").write(vsftpd.user());
        clickOn("#password").write(vsftpd.password());
        clickOn("#connect");
        clickOn("#certTrustOnce");
        waitUntil("remote pane lists the server", 30, () -> call(() -> lookup("#statusState").queryLabeled().getText())
                .equals("Connected"));

        clickOn(row("#localTable", name));
        type(KeyCode.ENTER);
        Path onServer = vsftpd.onDisk(name);
        waitUntil("uploaded byte-exact", 60, () -> Files.exists(onServer) && sameBytes(onServer));
        waitUntil("listed on the remote side", () -> listed("#remoteTable", name));

        Files.delete(localRoot.resolve(name));
        clickOn(row("#remoteTable", name));
        type(KeyCode.ENTER);
        waitUntil("downloaded byte-exact", 60, () -> sameBytes(localRoot.resolve(name)));

        String log = logText();
        assertTrue(log.contains("Reconnecting with TLS 1.2"), log);
        assertTrue(log.matches("(?s).*w\\d+ data#\\S+\\s+TLS\\s+TLS TLSv1\\.2 .*session of the control connection resumed.*"),
                "the worker's data connections resume the control session:\n" + log);
        assertTrue(log.matches("(?s).*w\\d+ ctl#.*") && !log.matches("(?s).*w\\d+ ctl#\\S+\\s+TLS\\s+TLS TLSv1\\.3.*"),
                "the worker never tries TLS 1.3 once the browse session learnt it fails:\n" + log);
    }

    private boolean sameBytes(Path p) {
        try {
            return java.util.Arrays.equals(data, Files.readAllBytes(p));
        } catch (Exception e) {
            return false;
        }
    }
}
