package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.ProtocolEventBus;
import io.portside.testing.FakeFtpServer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A server without MLSD whose LIST is refused still gets its folder listed, by name (NLST). */
class NlstFallbackTest {
    @Test
    void listFallsBackToNlstWhenListIsRefused() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().features("SIZE")
                .on("LIST", FakeFtpServer.reply("502 LIST not implemented")).start()) {
            SessionOptions opts = SessionOptions.defaults()
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3));
            try (FtpSession s = FtpSession.open(Site.ftp(fake.host(), fake.port(), fake.user(), fake.password()), opts,
                    new ProtocolEventBus(), "")) {
                List<RemoteFile> files = s.list(null);
                assertEquals(Set.of("hello.txt", "docs"), files.stream().map(RemoteFile::name).collect(Collectors.toSet()));
                assertTrue(files.stream().allMatch(f -> f.type() == RemoteFile.Type.OTHER && f.size() == -1),
                        "NLST gives names only: " + files);
            }
            assertTrue(fake.received().stream().anyMatch(c -> c.startsWith("NLST")), fake.received().toString());
        }
    }
}
