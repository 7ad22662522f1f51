package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.interop.InteropServers;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads onto a real full disk and a real read-only one (small tmpfs mounts; needs root,
 * which CI has): the job fails with the reason in words, an existing target stays as it was,
 * and no partial file is left under the target's name.
 */
class FullDiskTest {
    @TempDir Path tmp;
    Path mount;

    @BeforeEach
    void mountable() throws Exception {
        mount = Files.createDirectories(tmp.resolve("small-disk"));
        boolean root = InteropServers.isRoot();
        if (!root && InteropServers.inCi()) {
            throw new AssertionError("CI must run as root: this test mounts a small tmpfs");
        }
        Assumptions.assumeTrue(root, "skipped: mounting a small tmpfs needs root (CI runs it)");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", mount.toString());
    }

    @Test
    void aFullDiskFailsTheJobAndLeavesTheOldFileAlone() throws Exception {
        assertEquals(0, run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.toString()));
        Path target = mount.resolve("big.bin");
        Files.writeString(target, "the old version");
        Path serverRoot = Files.createDirectories(tmp.resolve("server"));
        Files.write(serverRoot.resolve("big.bin"), new byte[2_000_000]);
        try (SandboxServer srv = SandboxServer.start(serverRoot);
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast())) {
            f.queue.start();
            f.queue.add(TransferJob.download(f.site, "/big.bin", target.toString())
                    .withConflict(ConflictPolicy.OVERWRITE));
            f.awaitIdle();
            List<JobProgress> failed = f.failed();
            assertEquals(1, failed.size(), "the job failed");
            assertTrue(failed.get(0).message().contains("the disk is full"), failed.get(0).message());
            assertEquals(1, failed.get(0).attempts(), "a full disk is not retried");
            assertEquals("the old version", Files.readString(target), "the existing file is untouched");
        }
    }

    @Test
    void aReadOnlyFolderFailsTheJobWithoutWritingAnything() throws Exception {
        assertEquals(0, run("mount", "-t", "tmpfs", "-o", "size=256k,ro", "tmpfs", mount.toString()));
        Path serverRoot = Files.createDirectories(tmp.resolve("server"));
        Files.writeString(serverRoot.resolve("a.txt"), "content");
        try (SandboxServer srv = SandboxServer.start(serverRoot);
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast())) {
            f.queue.start();
            f.queue.add(TransferJob.download(f.site, "/a.txt", mount.resolve("a.txt").toString()));
            f.awaitIdle();
            List<JobProgress> failed = f.failed();
            assertEquals(1, failed.size(), "the job failed");
            assertTrue(failed.get(0).message().toLowerCase().contains("read-only"), failed.get(0).message());
            assertFalse(Files.exists(mount.resolve("a.txt")));
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
