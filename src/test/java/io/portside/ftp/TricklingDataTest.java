package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.ProtocolEventBus;
import io.portside.testing.FakeFtpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A server that sends a byte every 100 ms never trips the socket timeout; the stall guard ends it. */
class TricklingDataTest {

    @Test
    void aTricklingDownloadEndsWithAClearErrorWithinTheDataTimeout() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().features().on("RETR", (c, arg) -> {
            c.reply("150 Opening BINARY mode data connection");
            try (Socket data = c.acceptData()) {
                OutputStream out = data.getOutputStream();
                for (int i = 0; i < 300; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException clientGaveUp) {
                // the client closed the data connection
            }
            c.reply("226 Transfer complete");
        }).start()) {
            SessionOptions opts = SessionOptions.defaults()
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(1));
            try (FtpSession s = FtpSession.open(Site.ftp(fake.host(), fake.port(), fake.user(), fake.password()), opts,
                    new ProtocolEventBus(), "")) {
                long start = System.nanoTime();
                FtpException e = assertThrows(FtpException.class,
                        () -> SessionCopy.download(s, "slow.bin", 0, new ByteArrayOutputStream()));
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertTrue(e.getMessage().contains("the data connection stalled"), e.getMessage());
                assertTrue(e.isTransient(), "a stall is worth a retry");
                assertTrue(ms < 6000, "took " + ms + " ms");
                assertEquals("/", s.pwd(), "the control connection is back in step");
            }
        }
    }
}
