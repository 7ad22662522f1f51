package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.Site;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures fail the job in words, at once when retrying cannot help, and leave existing files alone. */
class NoDataLossTest {
    @TempDir Path tmp;

    @Test
    void aMissingRemoteFileFailsAtOnceAndTheLocalFileIsUntouched() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Path local = tmp.resolve("keep.txt");
        Files.writeString(local, "precious");
        try (SandboxServer srv = SandboxServer.start(root);
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast().withConflict(ConflictPolicy.OVERWRITE))) {
            f.queue.start();
            long id = f.queue.add(TransferJob.download(f.site, "/keep.txt", local.toString()));
            f.awaitIdle();
            JobProgress j = f.queue.get(id);
            assertEquals(JobState.FAILED, j.state());
            assertEquals(1, j.attempts(), "a permanent failure is not retried");
            assertTrue(j.message().contains("/keep.txt"), j.message());
        }
        assertEquals("precious", Files.readString(local));
        assertFalse(Files.exists(tmp.resolve("keep.txt.part")));
    }

    @Test
    void aRefusedDownloadIs550InWords() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Files.createDirectories(root.resolve("adir"));
        try (SandboxServer srv = SandboxServer.start(root); QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast())) {
            f.queue.start();
            // a size hint skips the SIZE check, so the server's own refusal of RETR shows
            long id = f.queue.add(new TransferJob(Direction.DOWNLOAD, false, f.site, "/nope.bin",
                    tmp.resolve("nope.bin").toString(), null, 10, null));
            f.awaitIdle();
            JobProgress j = f.queue.get(id);
            assertEquals(JobState.FAILED, j.state());
            assertTrue(j.message().contains("550"), j.message());
            assertEquals(1, j.attempts());
        }
    }

    @Test
    void aTargetThatIsAFolderFailsClearly() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Files.writeString(root.resolve("x"), "data");
        Path local = Files.createDirectories(tmp.resolve("x"));
        Files.writeString(local.resolve("inside"), "keep");
        try (SandboxServer srv = SandboxServer.start(root);
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast().withConflict(ConflictPolicy.OVERWRITE))) {
            f.queue.start();
            long id = f.queue.add(TransferJob.download(f.site, "/x", local.toString()));
            f.awaitIdle();
            JobProgress j = f.queue.get(id);
            assertEquals(JobState.FAILED, j.state());
            assertTrue(j.message().contains("is a folder"), j.message());
        }
        assertEquals("keep", Files.readString(local.resolve("inside")));
    }

    @Test
    void aWrongPasswordFailsTheJobWithThe530() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Files.writeString(root.resolve("a"), "data");
        try (SandboxServer srv = SandboxServer.start(root);
             QueueFixture f = new QueueFixture(Site.ftp(srv.host(), srv.port(), srv.user(), "wrong"), DataMode.PASSIVE,
                     QueueFixture.fast())) {
            f.queue.start();
            long id = f.queue.add(TransferJob.download(f.site, "/a", tmp.resolve("a").toString()));
            f.awaitIdle();
            JobProgress j = f.queue.get(id);
            assertEquals(JobState.FAILED, j.state());
            assertEquals(1, j.attempts());
            assertTrue(j.message().contains("530"), j.message());
        }
        assertFalse(Files.exists(tmp.resolve("a")));
    }

    @Test
    void aServerThatIsGoneIsRetriedThenFails() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        int port;
        try (SandboxServer srv = SandboxServer.start(root)) {
            port = srv.port();
        }
        try (QueueFixture f = new QueueFixture(Site.ftp("127.0.0.1", port, "u", "p"), DataMode.PASSIVE, QueueFixture.fast())) {
            f.queue.start();
            long id = f.queue.add(TransferJob.download(f.site, "/a", tmp.resolve("a").toString()));
            f.awaitIdle();
            JobProgress j = f.queue.get(id);
            assertEquals(JobState.FAILED, j.state());
            assertEquals(4, j.attempts(), "the first attempt and three retries");
            assertTrue(j.message().contains("refused"), j.message());
        }
    }
}
