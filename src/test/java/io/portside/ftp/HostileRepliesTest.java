package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.ProtocolEventBus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Replies no real server sends: each ends in a clear error, quickly, with bounded memory. */
class HostileRepliesTest {
    private final ProtocolEventBus bus = new ProtocolEventBus();
    private final SessionOptions opts = SessionOptions.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));

    private FtpException connectTo(HostileGreetingServer server) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(FtpException.class,
                () -> FtpSession.open(Site.ftp("127.0.0.1", server.port(), "u", "p"), opts, bus, "")));
    }

    @Test
    void aReplyLineOfMegabytesWithoutEndOfLineIsCutOff() throws Exception {
        try (HostileGreetingServer s = new HostileGreetingServer(out -> {
            byte[] chunk = "A".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            out.write("220 ".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 64; i++) { // 4 MiB, no CRLF
                out.write(chunk);
            }
        })) {
            FtpException e = connectTo(s);
            assertTrue(e.getMessage().contains("reply line longer than 64 KiB"), e.getMessage());
        }
    }

    @Test
    void aMultiLineReplyThatNeverEndsIsCutOff() throws Exception {
        try (HostileGreetingServer s = new HostileGreetingServer(out -> {
            out.write("220-welcome\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] line = " and more\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200_000; i++) {
                out.write(line);
            }
        })) {
            FtpException e = connectTo(s);
            assertTrue(e.getMessage().contains("a multi-line reply that does not end"), e.getMessage());
        }
    }

    @Test
    void garbageInsteadOfAReplyCodeIsAProtocolError() throws Exception {
        try (HostileGreetingServer s = new HostileGreetingServer(
                out -> out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII)))) {
            FtpException e = connectTo(s);
            assertTrue(e instanceof FtpProtocolException, e.getClass() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("not valid FTP"), e.getMessage());
        }
    }

    @Test
    void aServerThatStopsMidReplyTimesOut() throws Exception {
        try (HostileGreetingServer s = new HostileGreetingServer(
                out -> out.write("220-first line of a greeting that never ends\r\n".getBytes(StandardCharsets.US_ASCII)))) {
            FtpException e = connectTo(s);
            assertTrue(e.getMessage().contains("timed out") || e.getMessage().contains("stopped answering"),
                    e.getMessage());
        }
    }

    @Test
    void invalidUtf8IsNotACrash() throws Exception {
        try (HostileGreetingServer s = new HostileGreetingServer(out -> {
            out.write(new byte[] {'2', '2', '0', ' ', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '\r', '\n'});
            out.write("530 no\r\n".getBytes(StandardCharsets.US_ASCII));
        })) {
            FtpException e = connectTo(s);
            assertTrue(e.getMessage().contains("530") || e.getMessage().contains("login"), e.getMessage());
        }
    }
}
