package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server breaks the data connection mid-file: the job retries, resumes where it stopped, and ends byte-exact. */
class DroppedConnectionTest {
    static final int SIZE = 3_000_000;
    static final long DROP_AFTER = 1_000_000;
    @TempDir Path tmp;

    @Test
    void downloadResumesWithRestAndIsByteExact() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        byte[] content = Trees.bytes(7, SIZE);
        Files.write(root.resolve("big.bin"), content);
        Path local = tmp.resolve("big.bin");
        try (FlakyServer srv = new FlakyServer(root, DROP_AFTER);
             QueueFixture f = new QueueFixture(site(srv), DataMode.PASSIVE, QueueFixture.fast())) {
            f.queue.start();
            long id = f.queue.add(TransferJob.download(f.site, "/big.bin", local.toString()));
            f.awaitIdle();
            JobProgress j = f.queue.get(id);
            assertEquals(JobState.DONE, j.state(), () -> j.message());
            assertEquals(1, srv.drops.get());
            assertEquals(2, j.attempts());
            assertArrayEquals(content, Files.readAllBytes(local));
            assertFalse(Files.exists(tmp.resolve("big.bin.part")));
            assertTrue(f.log.of(ProtocolEvent.CommandSent.class).stream().anyMatch(c -> c.command().startsWith("REST ")),
                    "the retry resumed with REST");
        }
    }

    @Test
    void uploadResumesAndIsByteExact() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        byte[] content = Trees.bytes(8, SIZE);
        Path local = tmp.resolve("up.bin");
        Files.write(local, content);
        try (FlakyServer srv = new FlakyServer(root, DROP_AFTER);
             QueueFixture f = new QueueFixture(site(srv), DataMode.ACTIVE, QueueFixture.fast())) {
            f.queue.start();
            long id = f.queue.add(TransferJob.upload(f.site, local.toString(), "/up.bin"));
            f.awaitIdle();
            JobProgress j = f.queue.get(id);
            assertEquals(JobState.DONE, j.state(), () -> j.message());
            assertEquals(1, srv.drops.get());
            assertArrayEquals(content, Files.readAllBytes(root.resolve("up.bin")));
            assertFalse(Files.exists(root.resolve("up.bin.part")));
            assertTrue(j.message() != null && j.message().startsWith("resumed at byte"), j.message());
        }
    }

    @Test
    void withoutRetriesTheJobFailsAndTheExistingFileIsUntouched() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Files.write(root.resolve("big.bin"), Trees.bytes(9, SIZE));
        Path local = tmp.resolve("big.bin");
        Files.writeString(local, "precious old content");
        try (FlakyServer srv = new FlakyServer(root, DROP_AFTER);
             QueueFixture f = new QueueFixture(site(srv), DataMode.PASSIVE, QueueFixture.fast()
                     .withRetry(new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                     .withConflict(ConflictPolicy.OVERWRITE))) {
            f.queue.start();
            long id = f.queue.add(TransferJob.download(f.site, "/big.bin", local.toString()));
            f.awaitIdle();
            JobProgress j = f.queue.get(id);
            assertEquals(JobState.FAILED, j.state());
            assertTrue(j.message().contains("426") || j.message().contains("broke") || j.message().contains("early"),
                    j.message());
            assertEquals("precious old content", Files.readString(local));
            long part = Files.size(tmp.resolve("big.bin.part"));
            assertTrue(part > 0 && part <= DROP_AFTER, "what arrived waits for a resume: " + part);
        }
    }

    static Site site(FlakyServer srv) {
        return Site.ftp("127.0.0.1", srv.port, FlakyServer.USER, FlakyServer.PASSWORD);
    }
}
