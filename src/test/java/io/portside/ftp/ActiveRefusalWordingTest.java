package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.ProtocolEvent.CommandSent;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.testing.FakeFtpServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A refused active data connection is named by the command the server refused last. */
class ActiveRefusalWordingTest {
    @Test
    void eprtThenPortRefusedNamesPortWithPortsReply() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().features("EPSV", "EPRT", "SIZE")
                .on("EPRT", FakeFtpServer.reply("500 Illegal EPRT command."))
                .on("PORT", FakeFtpServer.reply("500 Illegal PORT command.")).start()) {
            SessionOptions opts = SessionOptions.defaults().withMode(DataMode.ACTIVE, ExtendedMode.AUTO)
                    .withModeFallback(false)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2));
            ProtocolEventBus bus = new ProtocolEventBus();
            List<String> sent = new CopyOnWriteArrayList<>();
            bus.subscribe(e -> {
                if (e instanceof CommandSent c) {
                    sent.add(c.verb());
                }
            });
            try (FtpSession s = FtpSession.open(Site.ftp(fake.host(), fake.port(), fake.user(), fake.password()), opts,
                    bus, "")) {
                FtpException e = assertThrows(FtpException.class, () -> s.list("/"));
                long until = System.nanoTime() + 2_000_000_000L; // the bus delivers on its own thread
                while (!sent.contains("PORT") && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
                assertTrue(sent.containsAll(List.of("EPRT", "PORT")), sent.toString());
                assertTrue(e.getMessage().contains("PORT") && e.getMessage().contains("500 Illegal PORT command."),
                        e.getMessage());
                assertFalse(e.getMessage().contains("EPRT"), e.getMessage());
            }
        }
    }
}
