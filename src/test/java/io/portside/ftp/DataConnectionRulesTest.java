package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEvent.CommandSent;
import io.portside.ftp.event.ProtocolEvent.ModeChanged;
import io.portside.ftp.event.ProtocolEvent.PassiveAddressReplaced;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import io.portside.ftp.event.ProtocolEvent.TcpFailed;
import io.portside.ftp.event.ProtocolEvent.TcpRejected;
import io.portside.server.SandboxServer.NetworkQuirks;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layer's data-connection rules against servers misconfigured on purpose. All addresses
 * are loopback: 127.0.0.2 plays "another host".
 */
class DataConnectionRulesTest {
    @TempDir Path root;

    @Test
    void passiveReplyNamingAnotherHostIsReplacedByTheControlPeerWithAnExplanation() throws Exception {
        Files.writeString(root.resolve("f.txt"), "payload");
        try (SandboxFixture fx = new SandboxFixture(root, new NetworkQuirks("127.0.0.2", null));
             FtpSession s = fx.open(DataMode.PASSIVE, ExtendedMode.NEVER)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SessionCopy.download(s, "f.txt", 0, out);
            assertEquals("payload", out.toString());
            PassiveAddressReplaced r = fx.events.await(PassiveAddressReplaced.class, e -> true);
            assertEquals("127.0.0.2", r.announced().getAddress().getHostAddress());
            assertEquals("127.0.0.1", r.used().getAddress().getHostAddress());
            assertEquals(r.announced().getPort(), r.used().getPort());
            TcpEstablished data = fx.events.await(TcpEstablished.class, e -> !e.connection().isControl());
            assertEquals(r.used(), data.remote());
            String line = new LogFormatter(Locale.ENGLISH).format(r).text();
            assertTrue(line.contains("a different host than the one we are connected to"), line);
            assertTrue(line.contains("Connecting to 127.0.0.1:" + r.used().getPort() + " instead"), line);
        }
    }

    @Test
    void trustingTheServersAddressFollowsItAndFallsBackToActiveWhenItFails() throws Exception {
        Files.writeString(root.resolve("f.txt"), "payload");
        try (SandboxFixture fx = new SandboxFixture(root, new NetworkQuirks("127.0.0.2", null))) {
            SessionOptions trusting = SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.NEVER).withTrustPassiveAddress(true);
            try (FtpSession s = FtpSession.open(fx.site(), trusting, fx.bus, "")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                SessionCopy.download(s, "f.txt", 0, out);
                assertEquals("payload", out.toString(), "the fallback to active mode fetched the file");
                assertEquals(DataMode.ACTIVE, s.mode(), "the working mode is remembered for the session");
                out.reset();
                SessionCopy.download(s, "f.txt", 0, out);
                assertEquals("payload", out.toString());
            }
            TcpFailed failed = fx.events.await(TcpFailed.class, f -> !f.connection().isControl());
            assertEquals("127.0.0.2", failed.remote().getAddress().getHostAddress());
            assertEquals(FailureCause.REFUSED, failed.cause());
            fx.events.await(ModeChanged.class, m -> m.method().toString().equals("PORT"));
            List<String> verbs = fx.events.of(CommandSent.class).stream().map(CommandSent::verb)
                    .filter(v -> v.equals("PASV") || v.equals("PORT")).toList();
            assertEquals(List.of("PASV", "PORT", "PORT"), verbs, "one PASV, then PORT kept for the session");
        }
    }

    @Test
    void withoutFallbackAFailedDataConnectionIsAClearError() throws Exception {
        Files.writeString(root.resolve("f.txt"), "payload");
        try (SandboxFixture fx = new SandboxFixture(root, new NetworkQuirks("127.0.0.2", null))) {
            SessionOptions opts = SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.NEVER)
                    .withTrustPassiveAddress(true).withModeFallback(false);
            try (FtpSession s = FtpSession.open(fx.site(), opts, fx.bus, "")) {
                FtpException e = assertThrows(FtpException.class,
                        () -> SessionCopy.download(s, "f.txt", 0, new ByteArrayOutputStream()));
                assertTrue(e.getMessage().contains("could not connect to 127.0.0.2"), e.getMessage());
                assertTrue(e.isTransient());
                assertTrue(s.isConnected(), "a failed data connection leaves the control connection usable");
                assertEquals("/", s.pwd());
            }
        }
    }

    @Test
    void activeConnectionFromAForeignAddressIsRefusedAndPassiveTakesOver() throws Exception {
        byte[] content = FtpSessionOperationsTest.randomBytes(10_000);
        Files.write(root.resolve("f.bin"), content);
        // the server connects from 127.0.0.2 while our control connection's peer is 127.0.0.1
        try (SandboxFixture fx = new SandboxFixture(root, new NetworkQuirks(null, "127.0.0.2"));
             FtpSession s = fx.open(DataMode.ACTIVE, ExtendedMode.NEVER)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SessionCopy.download(s, "f.bin", 0, out);
            assertArrayEquals(content, out.toByteArray());
            TcpRejected rejected = fx.events.await(TcpRejected.class, e -> true);
            assertEquals("127.0.0.2", rejected.from().getAddress().getHostAddress());
            assertEquals("127.0.0.1", rejected.expected().getHostAddress());
            assertEquals(DataMode.PASSIVE, s.mode());
            String line = new LogFormatter(Locale.ENGLISH).format(rejected).text();
            assertTrue(line.startsWith("refused a data connection from 127.0.0.2:"), line);
            assertFalse(fx.events.of(TcpEstablished.class).stream()
                    .anyMatch(t -> t.inbound() && t.remote().getAddress().getHostAddress().equals("127.0.0.2")));
        }
    }
}
