package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder download where the server lists names that must not become local files: they are
 * skipped with a warning in the log, and everything else arrives.
 */
class HostileNamesTest {
    @TempDir Path tmp;

    @Test
    void unsafeRemoteNamesAreSkippedWithAWarning() throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("server/tree"));
        Files.writeString(tree.resolve("ok.txt"), "fine");
        List<String> hostile = List.of("CON", "nul.txt", "bell\u0007.txt", "dots.");
        for (String name : hostile) {
            Files.writeString(tree.resolve(name), "should not arrive");
        }
        Path local = tmp.resolve("local");
        try (SandboxServer srv = SandboxServer.start(tmp.resolve("server"));
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast())) {
            f.queue.start();
            f.queue.add(TransferJob.downloadTree(f.site, "/tree", local.toString()));
            f.awaitIdle();
            assertEquals(0, f.failed().size(), () -> "failed: " + f.failed());
            assertEquals("fine", Files.readString(local.resolve("ok.txt")));
            try (Stream<Path> all = Files.list(local)) {
                assertEquals(Set.of("ok.txt"), all.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
            }
            List<ProtocolEvent.Notice> skipped = f.log.of(ProtocolEvent.Notice.class).stream()
                    .filter(n -> n.key().equals("name.skipped")).toList();
            assertEquals(hostile.size(), skipped.size(), "one warning per skipped name");
            assertTrue(skipped.stream().anyMatch(n -> String.valueOf(n.args().get(1)).contains("Windows")),
                    skipped.toString());
            assertFalse(Files.exists(local.getParent().resolve("CON")));
        }
    }
}
