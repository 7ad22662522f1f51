package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.Site;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue survives a restart: saved without passwords, restored, and unfinished downloads resume from their .part. */
class QueueRestartTest {
    @TempDir Path tmp;

    @Test
    void queueIsRestoredAndResumesFromThePart() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        byte[] big = Trees.bytes(11, 2_000_000);
        Files.write(root.resolve("big.bin"), big);
        Files.writeString(root.resolve("later.txt"), "later");
        Path config = tmp.resolve("config");
        Path local = Files.createDirectories(tmp.resolve("local"));
        try (SandboxServer srv = SandboxServer.start(root)) {
            long bigId;
            try (QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast().withSpeedLimit(1_000_000))) {
                assertEquals(0, f.queue.restoreFrom(new QueueStore(config), s -> null));
                f.queue.start();
                bigId = f.queue.add(TransferJob.download(f.site, "/big.bin", local.resolve("big.bin").toString()));
                long later = f.queue.add(TransferJob.download(f.site, "/later.txt", local.resolve("later.txt").toString()));
                f.queue.pause(List.of(later));
                f.await(bigId, j -> j.bytesDone() > 200_000);
            } // closing mid-transfer, as when the app quits
            String saved = Files.readString(config.resolve("queue.json"));
            assertFalse(saved.contains(srv.password()), "no password on disk");
            assertTrue(Files.size(local.resolve("big.bin.part")) > 0);
            assertFalse(Files.exists(local.resolve("big.bin")));

            List<Site> asked = new ArrayList<>();
            try (QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast())) {
                int n = f.queue.restoreFrom(new QueueStore(config), site -> {
                    asked.add(site);
                    return srv.password();
                });
                assertEquals(2, n);
                assertEquals(1, asked.size());
                assertEquals(null, asked.get(0).password());
                List<JobProgress> jobs = f.queue.snapshot();
                assertEquals(JobState.QUEUED, jobs.get(0).state());
                assertEquals(JobState.PAUSED, jobs.get(1).state());
                f.queue.start();
                f.awaitIdle();
                JobProgress j = f.queue.snapshot().get(0);
                assertEquals(JobState.DONE, j.state(), j::message);
                assertTrue(j.message().startsWith("resumed at byte"), j.message());
                f.queue.resumeAll();
                f.awaitIdle();
            }
            assertArrayEquals(big, Files.readAllBytes(local.resolve("big.bin")));
            assertEquals("later", Files.readString(local.resolve("later.txt")));
            assertFalse(Files.exists(local.resolve("big.bin.part")));
            assertFalse(Files.readString(config.resolve("queue.json")).contains("later.txt"), "finished jobs are not kept");
        }
    }
}
