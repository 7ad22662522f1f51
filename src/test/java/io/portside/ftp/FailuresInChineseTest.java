package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real failures, in both languages: the message (the CLI's and the log's) stays English, the
 * window's language gets the same sentence in Chinese, with the server's own reply as it is.
 */
class FailuresInChineseTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Test
    void connectionRefusedToAClosedPort() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        int closed = port;
        FtpException e = assertThrows(FtpException.class, () -> FtpSession.open(
                Site.ftp("127.0.0.1", closed, "u", "p"), SessionOptions.defaults(), new ProtocolEventBus(), "test"));
        assertEquals(FailureCause.REFUSED, e.failure());
        assertEquals("connecting to 127.0.0.1:" + port
                + ": connection refused (no FTP server listens on that port, or a firewall rejects it)", e.getMessage());
        assertEquals("连接 127.0.0.1:" + port + "：连接被拒绝（该端口上没有 FTP 服务器在监听，或防火墙拒绝了连接）",
                UserMessage.textOf(e, ZH));
    }

    @Test
    void wrongPasswordAgainstTheEmbeddedServer(@TempDir Path root) throws Exception {
        try (SandboxServer server = SandboxServer.start(root)) {
            FtpReplyException e = assertThrows(FtpReplyException.class, () -> FtpSession.open(
                    Site.ftp(server.host(), server.port(), server.user(), "wrong-password"), SessionOptions.defaults(),
                    new ProtocolEventBus(), "test"));
            assertEquals(530, e.code());
            assertTrue(e.getMessage().startsWith("login as " + server.user() + " failed: 530"), e.getMessage());
            String zh = UserMessage.textOf(e, ZH);
            assertTrue(zh.startsWith("以 " + server.user() + " 身份登录失败：530"), zh);
        }
    }

    @Test
    void aRefusedCommandNamesTheCommandAndTheServersReply(@TempDir Path root) throws Exception {
        try (SandboxServer server = SandboxServer.start(root);
             FtpSession session = FtpSession.open(Site.ftp(server.host(), server.port(), server.user(),
                     server.password()), SessionOptions.defaults(), new ProtocolEventBus(), "test")) {
            FtpReplyException e = assertThrows(FtpReplyException.class, () -> session.files().rmdir("/no-such-folder"));
            assertTrue(e.getMessage().startsWith("the server refused RMD /no-such-folder: 550"), e.getMessage());
            String zh = UserMessage.textOf(e, ZH);
            assertTrue(zh.startsWith("服务器拒绝了 RMD /no-such-folder：550"), zh);
        }
    }
}
