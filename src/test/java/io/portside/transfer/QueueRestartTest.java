package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/**
 * The queue survives a restart: saved without passwords, restored (the running job as paused),
 * the password asked once per site, and unfinished transfers resume from their .part: a
 * download from the local one, an upload from the server's.
 */
class QueueRestartTest {
    @TempDir Path tmp;

    @Test
    void queueIsRestoredAndResumesFromThePart() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        byte[] big = Trees.bytes(11, 2_000_000);
        Files.write(root.resolve("big.bin"), big);
        Files.writeString(root.resolve("later.txt"), "later");
        Files.writeString(root.resolve("third.txt"), "third");
        Path config = tmp.resolve("config");
        Path local = Files.createDirectories(tmp.resolve("local"));
        try (SandboxServer srv = SandboxServer.start(root)) {
            try (QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE,
                    QueueFixture.fast().withSpeedLimit(1_000_000).withParallelism(1))) {
                assertEquals(new QueueStore.Restored(0, null, null), f.queue.restoreFrom(new QueueStore(config)));
                f.queue.start();
                long bigId = f.queue.add(TransferJob.download(f.site, "/big.bin", local.resolve("big.bin").toString()));
                long later = f.queue.add(TransferJob.download(f.site, "/later.txt", local.resolve("later.txt").toString()));
                f.queue.add(TransferJob.download(f.site, "/third.txt", local.resolve("third.txt").toString()));
                f.queue.pause(List.of(later));
                f.await(bigId, j -> j.bytesDone() > 200_000);
            } // closing mid-transfer, as when the app quits
            String saved = Files.readString(config.resolve("queue.json"));
            assertFalse(saved.contains(srv.password()), "no password on disk");
            assertTrue(Files.size(local.resolve("big.bin.part")) > 0);
            assertFalse(Files.exists(local.resolve("big.bin")));

            List<Site> asked = new ArrayList<>();
            Site bare = Site.ftp(srv.host(), srv.port(), srv.user(), null);
            try (QueueFixture f = new QueueFixture(bare, DataMode.PASSIVE, QueueFixture.fast(),
                    s -> new MissingPasswords(s, site -> {
                        asked.add(site);
                        return srv.password();
                    }))) {
                QueueStore.Restored r = f.queue.restoreFrom(new QueueStore(config));
                assertEquals(3, r.jobs());
                assertNull(r.problem());
                List<JobProgress> jobs = f.queue.snapshot();
                assertEquals(JobState.PAUSED, jobs.get(0).state(), "the job cut off by the quit waits, paused");
                assertEquals(JobState.PAUSED, jobs.get(1).state(), "paused stays paused");
                assertEquals(JobState.QUEUED, jobs.get(2).state());
                assertNull(jobs.get(0).job().site().password());
                // kept as key and arguments: the Chinese window says it in Chinese after the restart
                assertEquals("paused when the queue closed", jobs.get(0).message());
                assertEquals("队列关闭时已暂停", jobs.get(0).words().render(java.util.Locale.SIMPLIFIED_CHINESE));
                f.queue.start();
                f.awaitIdle();
                assertEquals("third", Files.readString(local.resolve("third.txt")));
                f.queue.resumeAll();
                f.awaitIdle();
                JobProgress j = f.queue.snapshot().get(0);
                assertEquals(JobState.DONE, j.state(), j::message);
                assertTrue(j.message().startsWith("resumed at byte"), j.message());
                assertEquals(1, asked.size(), "asked once for the site: " + asked);
                assertNull(asked.get(0).password());
            }
            assertArrayEquals(big, Files.readAllBytes(local.resolve("big.bin")));
            assertEquals("later", Files.readString(local.resolve("later.txt")));
            assertFalse(Files.exists(local.resolve("big.bin.part")));
            assertFalse(Files.readString(config.resolve("queue.json")).contains("later.txt"), "finished jobs are not kept");
        }
    }

    @Test
    void anUploadResumesFromTheServersPart() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        byte[] big = Trees.bytes(12, 2_000_000);
        Path source = tmp.resolve("up.bin");
        Files.write(source, big);
        Path config = tmp.resolve("config");
        try (SandboxServer srv = SandboxServer.start(root)) {
            try (QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast().withSpeedLimit(1_000_000))) {
                f.queue.restoreFrom(new QueueStore(config));
                f.queue.start();
                long id = f.queue.add(TransferJob.upload(f.site, source.toString(), "/up.bin"));
                f.await(id, j -> j.bytesDone() > 300_000);
            }
            long partSize = Files.size(root.resolve("up.bin.part"));
            assertTrue(partSize > 0);
            try (QueueFixture f = new QueueFixture(Site.ftp(srv.host(), srv.port(), srv.user(), null), DataMode.PASSIVE,
                    QueueFixture.fast(), s -> new MissingPasswords(s, site -> srv.password()))) {
                assertEquals(1, f.queue.restoreFrom(new QueueStore(config)).jobs());
                f.queue.start();
                f.queue.resumeAll();
                f.awaitIdle();
                JobProgress j = f.queue.snapshot().get(0);
                assertEquals(JobState.DONE, j.state(), j::message);
                long at = Long.parseLong(j.message().replaceAll("\\D", ""));
                assertTrue(at >= partSize, "resumed at the server's .part size " + partSize + ": " + j.message());
            }
            assertArrayEquals(big, Files.readAllBytes(root.resolve("up.bin")));
            assertFalse(Files.exists(root.resolve("up.bin.part")));
        }
    }

    @Test
    void aRestoredJobRemovedTakesItsPartAlong() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Files.write(root.resolve("big.bin"), Trees.bytes(13, 2_000_000));
        Path config = tmp.resolve("config");
        Path local = Files.createDirectories(tmp.resolve("local"));
        try (SandboxServer srv = SandboxServer.start(root)) {
            try (QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast().withSpeedLimit(1_000_000))) {
                f.queue.restoreFrom(new QueueStore(config));
                f.queue.start();
                long id = f.queue.add(TransferJob.download(f.site, "/big.bin", local.resolve("big.bin").toString()));
                f.await(id, j -> j.bytesDone() > 200_000);
            }
            assertTrue(Files.exists(local.resolve("big.bin.part")));
            try (QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast())) {
                f.queue.restoreFrom(new QueueStore(config));
                f.queue.start();
                f.queue.remove(f.queue.ids());
                f.awaitIdle();
            }
            assertFalse(Files.exists(local.resolve("big.bin.part")), "no orphaned .part");
            assertFalse(Files.readString(config.resolve("queue.json")).contains("big.bin"));
        }
    }
}
