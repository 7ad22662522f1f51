package io.portside.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataEndpoint;
import io.portside.ftp.DataMode;
import io.portside.ftp.EventRecorder;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpSession;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.TransferType;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEvent.CommandSent;
import io.portside.ftp.event.ProtocolEvent.EndpointDecoded;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.interop.InteropServers.ServerInfo;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * pyftpdlib over [::1]: it compares EPRT's address text with the control connection's peer
 * ("::1"), so EPRT must carry the RFC 5952 form; Java's 0:0:0:0:0:0:0:1 gets "501 Rejected
 * data connection to foreign address". Also EPSV over IPv6, and the log's short addresses.
 */
class Ipv6InteropTest {
    private final ProtocolEventBus bus = new ProtocolEventBus();

    private static ServerInfo server() {
        InteropServers.require();
        boolean pyftpdlib = InteropServers.byName("pyftpdlib").isPresent();
        if (!pyftpdlib) {
            Assumptions.abort("pyftpdlib is not installed (optional), so it has no [::1] twin either");
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("::1"))) {
            probe.getLocalPort();
        } catch (java.io.IOException e) {
            Assumptions.abort("this machine has no IPv6 loopback (::1 cannot be bound: " + e.getMessage() + ")");
        }
        return InteropServers.ipv6("pyftpdlib").orElseThrow(() -> new AssertionError(
                "pyftpdlib runs but its [::1] twin (pyftpdlib-v6, ipv6.servers= in " + InteropServers.propertiesFile()
                        + ") does not answer: run src/test/interop/servers.sh start"));
    }

    @Test
    void eprtAndEpsvOverIpv6MoveFilesByteExactWithThe5952Form() throws Exception {
        ServerInfo s = server();
        assertEquals("::1", s.host());
        byte[] content = new byte[200_003];
        new Random(6).nextBytes(content);
        String name = "it-v6-" + Long.toHexString(System.nanoTime()) + ".bin";
        Path onDisk = s.onDisk(name);
        try (EventRecorder events = new EventRecorder(bus)) {
            for (DataMode mode : DataMode.values()) {
                SessionOptions options = SessionOptions.defaults().withMode(mode, ExtendedMode.ALWAYS)
                        .withModeFallback(false) // EPRT must work by itself, not be rescued by EPSV
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(30));
                try (FtpSession session = FtpSession.open(Site.ftp(s.host(), s.port(), s.user(), s.password()),
                        options, bus, "v6")) {
                    try (OutputStream out = session.openUpload(name, 0, TransferType.BINARY)) {
                        out.write(content);
                    }
                    assertArrayEquals(content, Files.readAllBytes(onDisk), mode + " upload on disk");
                    try (InputStream in = session.openDownload(name, 0, TransferType.BINARY)) {
                        assertArrayEquals(content, in.readAllBytes(), mode + " download");
                    }
                    session.files().delete(name);
                }
                assertFalse(Files.exists(onDisk));
            }
            String eprt = events.of(CommandSent.class).stream().map(CommandSent::command)
                    .filter(c -> c.startsWith("EPRT")).findFirst().orElseThrow();
            assertTrue(eprt.startsWith("EPRT |2|::1|"), eprt);
            assertTrue(events.of(CommandSent.class).stream().anyMatch(c -> c.verb().equals("EPSV")));
            EndpointDecoded decoded = events.await(EndpointDecoded.class,
                    e -> e.endpoint().kind() == DataEndpoint.Kind.EPRT);
            assertEquals("::1", decoded.endpoint().host());
            LogFormatter words = new LogFormatter(Locale.ENGLISH);
            String log = events.all().stream().map(e -> words.format(e).text()).collect(Collectors.joining("\n"));
            assertTrue(log.contains("[::1]:" + s.port()), log);
            assertFalse(log.contains("0:0:0:0:0:0:0:1"), "the log shows short IPv6 addresses only:\n" + log);
        } finally {
            Files.deleteIfExists(onDisk);
        }
    }
}
