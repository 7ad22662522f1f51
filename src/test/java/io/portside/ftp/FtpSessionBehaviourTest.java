package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.CommandSent;
import io.portside.ftp.event.ProtocolEvent.ModeChanged;
import io.portside.ftp.event.ProtocolEvent.ReplyReceived;
import io.portside.ftp.event.ProtocolEvent.TcpConnecting;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import io.portside.ftp.event.ProtocolEvent.TcpFailed;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FtpSessionBehaviourTest {
    @TempDir Path root;
    SandboxFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = new SandboxFixture(root);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void controlHandshakeIsReportedInOrderWithRealPorts() throws Exception {
        try (FtpSession s = fx.open(DataMode.PASSIVE, ExtendedMode.AUTO)) {
            s.pwd();
        }
        fx.events.await(ProtocolEvent.TcpClosed.class, c -> c.connection().isControl());
        List<ProtocolEvent> all = fx.events.all();
        List<String> kinds = all.stream().limit(10).map(e -> e instanceof CommandSent c ? c.verb()
                : e instanceof ReplyReceived r ? String.valueOf(r.code())
                : e instanceof ProtocolEvent.Notice n ? n.key() : e.getClass().getSimpleName()).toList();
        assertEquals(List.of("Resolving", "Resolved", "TcpConnecting", "TcpEstablished", "220", "tls.clear", "USER", "331",
                "PASS", "230"), kinds, "plain FTP is flagged before the password is sent");
        TcpConnecting connecting = fx.events.of(TcpConnecting.class).get(0);
        TcpEstablished established = fx.events.of(TcpEstablished.class).get(0);
        assertEquals(fx.server.port(), connecting.remote().getPort());
        assertNotEquals(0, connecting.local().getPort(), "the ephemeral port is known before connecting");
        assertEquals(connecting.local().getPort(), established.local().getPort());
        assertEquals(fx.server.port(), established.remote().getPort());
    }

    @Test
    void passwordNeverAppearsInEventsOrLogLines() throws Exception {
        try (FtpSession s = fx.open(DataMode.PASSIVE, ExtendedMode.AUTO)) {
            s.list(null);
        }
        fx.events.await(ProtocolEvent.TcpClosed.class, c -> c.connection().isControl());
        String log = fx.events.log();
        assertTrue(log.contains("PASS ********"), log);
        assertFalse(log.contains(fx.server.password()), "the password leaked into the log");
        assertFalse(fx.events.all().toString().contains(fx.server.password()), "the password leaked into an event");
    }

    @Test
    void wrongPasswordFailsWithTheServersWordsAndClosesTheConnection() {
        Site bad = Site.ftp(fx.server.host(), fx.server.port(), fx.server.user(), "wrong");
        FtpReplyException e = assertThrows(FtpReplyException.class,
                () -> FtpSession.open(bad, SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), fx.bus, ""));
        assertEquals(530, e.code());
        assertTrue(e.getMessage().startsWith("login as tester failed: 530"), e.getMessage());
        assertFalse(e.isTransient());
        fx.events.await(ProtocolEvent.TcpClosed.class, c -> c.connection().isControl());
    }

    @Test
    void refusedConnectionIsExplained() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        } // now nothing listens there
        Site nowhere = Site.ftp("127.0.0.1", port, "u", "p");
        FtpException e = assertThrows(FtpException.class,
                () -> FtpSession.open(nowhere, SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), fx.bus, ""));
        assertEquals(FailureCause.REFUSED, e.failure());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        TcpFailed failed = fx.events.await(TcpFailed.class, f -> true);
        assertEquals(port, failed.remote().getPort());
        String line = new LogFormatter(Locale.ENGLISH).format(failed).text();
        assertTrue(line.contains("refused (nothing listens on that port"), line);
    }

    /** Accepted but never greeted: the error and the log say "no greeting", and no firewall. */
    @Test
    void silentServerIsExplainedAsNoGreeting() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Site site = Site.ftp("127.0.0.1", silent.getLocalPort(), "u", "p");
            SessionOptions quick = SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO)
                    .withTimeouts(Duration.ofSeconds(3), Duration.ofMillis(700), Duration.ofSeconds(3));
            FtpException e = assertThrows(FtpException.class, () -> FtpSession.open(site, quick, fx.bus, ""));
            assertEquals(FailureCause.TIMED_OUT, e.failure());
            assertTrue(e.getMessage().contains("accepted the connection but sent no FTP greeting (220)"), e.getMessage());
            assertTrue(e.getMessage().contains("implicit FTPS"), e.getMessage());
            LogFormatter log = new LogFormatter(Locale.ENGLISH);
            TcpFailed failed = fx.events.await(TcpFailed.class, f -> true);
            assertTrue(failed.opened());
            String lines = fx.events.all().stream().map(ev -> log.format(ev).text())
                    .reduce("", (a, b) -> a + b + "\n");
            assertFalse(lines.contains("firewall drops"), lines);
            assertTrue(lines.contains("sent no FTP greeting"), lines);
        }
    }

    /** The server hangs up an idle session: the session knows within about a second, not at the next command. */
    @Test
    void serverHangingUpAnIdleSessionIsNoticedAtOnce() throws Exception {
        try (io.portside.testing.CuttableLink link = new io.portside.testing.CuttableLink(fx.server.port());
             FtpSession s = FtpSession.open(Site.ftp("127.0.0.1", link.port(), fx.server.user(), fx.server.password()),
                     SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), fx.bus, "browse")) {
            Thread.sleep(2500); // the watch looks twice on the quiet connection: nothing is lost by it
            assertEquals("/", s.pwd());
            assertEquals(0, s.list("/").size());
            assertTrue(s.isConnected());
            long cut = System.nanoTime();
            link.cut();
            ProtocolEvent.TcpClosed closed = fx.events.await(ProtocolEvent.TcpClosed.class,
                    c -> c.connection().equals(s.connectionId()));
            assertEquals(io.portside.ftp.event.ClosedBy.SERVER, closed.by());
            assertTrue(System.nanoTime() - cut < 2_500_000_000L, "noticed after " + (System.nanoTime() - cut) / 1e6 + " ms");
            assertFalse(s.isConnected());
            assertTrue(fx.events.of(TcpFailed.class).isEmpty(), "the watch's quiet reads are no failures");
        }
    }

    /** A server that says why before hanging up (421): the reason is in the log. */
    @Test
    void serverSaying421BeforeHangingUpIsLogged() throws Exception {
        try (io.portside.testing.CuttableLink link = new io.portside.testing.CuttableLink(fx.server.port());
             FtpSession s = FtpSession.open(Site.ftp("127.0.0.1", link.port(), fx.server.user(), fx.server.password()),
                     SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), fx.bus, "browse")) {
            link.sayAndCut("421 Timeout: closing control connection");
            fx.events.await(ProtocolEvent.TcpClosed.class, c -> c.connection().equals(s.connectionId()));
            assertTrue(fx.events.of(ReplyReceived.class).stream().anyMatch(r -> r.code() == 421));
            assertFalse(s.isConnected());
        }
    }

    @Test
    void modeChangeOnALiveSessionAppliesToTheNextDataConnection() throws Exception {
        try (FtpSession s = fx.open(DataMode.PASSIVE, ExtendedMode.NEVER)) {
            s.list(null);
            s.setMode(DataMode.ACTIVE, ExtendedMode.NEVER);
            s.list(null);
        }
        fx.events.await(ModeChanged.class, m -> m.reason().toString().contains("chosen by the user"));
        ModeChanged change = fx.events.of(ModeChanged.class).get(0);
        assertEquals("data connections now use active (PORT/EPRT): chosen by the user (extended commands: never);"
                + " used from the next data connection", new io.portside.ftp.event.LogFormatter(java.util.Locale.ROOT)
                .format(change).text());
        assertEquals("数据连接现在使用 主动模式（PORT/EPRT）：由用户选择（扩展命令：never）；从下一个数据连接起使用",
                new io.portside.ftp.event.LogFormatter(java.util.Locale.SIMPLIFIED_CHINESE).format(change).text());
        List<String> verbs = fx.events.of(CommandSent.class).stream().map(CommandSent::verb)
                .filter(v -> v.equals("PASV") || v.equals("PORT")).toList();
        assertEquals(List.of("PASV", "PORT"), verbs);
    }

    @Test
    void abortFromAnotherThreadCancelsTheDownloadAndTheSessionStaysUsable() throws Exception {
        Files.write(root.resolve("big.bin"), new byte[30_000_000]);
        try (FtpSession s = fx.open(DataMode.PASSIVE, ExtendedMode.AUTO)) {
            // as a worker's transfer: read the session's stream until the queue's abort() lands
            long[] read = {0};
            TransferAbortedException e = assertThrows(TransferAbortedException.class, () -> {
                try (InputStream in = s.openDownload("big.bin", 0, TransferType.BINARY)) {
                    byte[] buf = new byte[64 * 1024];
                    boolean asked = false;
                    for (int n; (n = in.read(buf)) >= 0; ) {
                        read[0] += n;
                        if (read[0] > 1_000_000 && !asked) {
                            asked = true;
                            new Thread(s::abort).start();
                        }
                    }
                }
            });
            assertTrue(read[0] < 30_000_000, "the download stopped early (" + read[0] + " bytes)");
            assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
            assertTrue(s.isConnected());
            assertEquals(1, s.list(null).size(), "the control connection is back in step after ABOR");
        }
        assertTrue(fx.events.of(CommandSent.class).stream().anyMatch(c -> c.verb().equals("ABOR")));
    }

    @Test
    void closingADownloadBeforeItsEndSendsAborAndTheSessionStaysUsable() throws Exception {
        Files.write(root.resolve("big.bin"), new byte[30_000_000]);
        try (FtpSession s = fx.open(DataMode.PASSIVE, ExtendedMode.AUTO)) {
            InputStream in = s.openDownload("big.bin", 0, TransferType.BINARY);
            assertEquals(64 * 1024, in.readNBytes(64 * 1024).length);
            TransferAbortedException e = assertThrows(TransferAbortedException.class, in::close);
            assertTrue(e.getMessage().contains("ABOR"), e.getMessage());
            assertEquals("/", s.pwd(), "the control connection is back in step after ABOR");
            assertArrayEquals(new byte[100], java.util.Arrays.copyOf(SessionCopy.download(s, "big.bin"), 100));
        }
        assertTrue(fx.events.of(CommandSent.class).stream().anyMatch(c -> c.verb().equals("ABOR")));
    }

    @Test
    void idleKeepAliveSendsNoop() throws Exception {
        SessionOptions opts = SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO).withKeepAlive(Duration.ofMillis(300));
        try (FtpSession s = FtpSession.open(fx.site(), opts, fx.bus, "")) {
            fx.events.await(CommandSent.class, c -> c.verb().equals("NOOP"));
            assertEquals("/", s.pwd());
        }
    }

    @Test
    void keepAliveDuringASlowTransferDoesNotConfuseTheReplies() throws Exception {
        byte[] content = FtpSessionOperationsTest.randomBytes(2_000_000);
        Files.write(root.resolve("slow.bin"), content);
        SessionOptions opts = SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO).withKeepAlive(Duration.ofMillis(200));
        try (FtpSession s = FtpSession.open(fx.site(), opts, fx.bus, "")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = s.openDownload("slow.bin", 0, TransferType.BINARY)) {
                byte[] buf = new byte[250_000];
                for (int n; (n = in.readNBytes(buf, 0, buf.length)) > 0; ) {
                    out.write(buf, 0, n);
                    sleep(80); // a slow disk or a speed limit: the control connection idles meanwhile
                }
            }
            assertArrayEquals(content, out.toByteArray());
            assertEquals("/", s.pwd());
            assertEquals(content.length, s.files().size("slow.bin"));
        }
        assertTrue(fx.events.of(CommandSent.class).stream().anyMatch(c -> c.verb().equals("NOOP")));
    }

    @Test
    void aListenerThatThrowsOrIsSlowDoesNotStallTheSession() throws Exception {
        fx.bus.subscribe(e -> {
            throw new IllegalStateException("broken listener");
        });
        fx.bus.subscribe(e -> sleep(50));
        long start = System.nanoTime();
        try (FtpSession s = fx.open(DataMode.PASSIVE, ExtendedMode.AUTO)) {
            for (int i = 0; i < 5; i++) {
                s.list(null);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 3000, "session took " + ms + " ms with a slow listener");
        fx.events.await(ProtocolEvent.TcpClosed.class, c -> c.connection().isControl());
    }

    @Test
    void ownerTagNamesTheConnections() throws Exception {
        try (FtpSession s = FtpSession.open(fx.site(), SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), fx.bus,
                "w3")) {
            s.list(null);
            ConnectionId id = s.connectionId();
            assertEquals("w3", id.owner());
        }
        ProtocolEvent.TcpClosed data = fx.events.await(ProtocolEvent.TcpClosed.class, c -> !c.connection().isControl());
        assertTrue(data.connection().toString().matches("w3 data#\\d+\\.1"), data.connection().toString());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
