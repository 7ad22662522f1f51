package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A tree of a couple of hundred files goes down and back up byte-exact, with connections reused. */
class MirrorTreeTest {
    @TempDir Path tmp;

    @ParameterizedTest(name = "{0}, parallel {1}")
    @CsvSource({"PASSIVE, 1", "PASSIVE, 4", "ACTIVE, 4"})
    void treeDownAndUpByteExact(DataMode mode, int parallel) throws Exception {
        Path serverRoot = Files.createDirectories(tmp.resolve("server"));
        Trees.make(serverRoot.resolve("tree"), 120, 42);
        Path local = tmp.resolve("local");
        try (SandboxServer srv = SandboxServer.start(serverRoot);
             QueueFixture f = new QueueFixture(srv, mode, QueueFixture.fast().withParallelism(parallel))) {
            f.queue.start();
            long start = System.nanoTime();
            f.queue.add(TransferJob.downloadTree(f.site, "/tree", local.toString()));
            f.awaitIdle();
            assertEquals(0, f.failed().size(), () -> "failed: " + f.failed());
            Trees.assertSame(serverRoot.resolve("tree"), local);
            System.out.printf("%s parallel %d: down in %d ms%n", mode, parallel, (System.nanoTime() - start) / 1_000_000);

            f.queue.add(TransferJob.uploadTree(f.site, local.toString(), "/back"));
            f.awaitIdle();
            assertEquals(0, f.failed().size(), () -> "failed: " + f.failed());
            Trees.assertSame(local, serverRoot.resolve("back"));
            assertEquals(0, Trees.count(serverRoot, ".part") + Trees.count(local, ".part"));
            System.out.printf("%s parallel %d: %d jobs in %d ms%n", mode, parallel, f.queue.snapshot().size(),
                    (System.nanoTime() - start) / 1_000_000);

            // each worker logged in once and kept its connection for job after job
            Set<String> controls = f.log.of(ProtocolEvent.CommandSent.class).stream()
                    .filter(c -> c.command().startsWith("USER"))
                    .map(c -> c.connection().toString()).collect(Collectors.toSet());
            assertTrue(controls.size() <= parallel, "logins: " + controls);
            assertTrue(controls.stream().allMatch(c -> c.matches("w\\d+ ctl#\\d+")), "owner tags: " + controls);
        }
    }
}
