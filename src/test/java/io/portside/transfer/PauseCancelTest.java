package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pause keeps the .part and resumes from it; cancel aborts and leaves nothing under the target name. */
class PauseCancelTest {
    static final int SIZE = 4_000_000;
    @TempDir Path tmp;

    /** Slow enough (1 MB/s) to catch the transfer in the middle. */
    static QueueSettings slow() {
        return QueueFixture.fast().withSpeedLimit(1_000_000);
    }

    @Test
    void pausedDownloadKeepsItsPartAndResumesFromIt() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        byte[] content = Trees.bytes(1, SIZE);
        Files.write(root.resolve("big.bin"), content);
        Path local = tmp.resolve("big.bin");
        try (SandboxServer srv = SandboxServer.start(root); QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, slow())) {
            f.queue.start();
            long id = f.queue.add(TransferJob.download(f.site, "/big.bin", local.toString()));
            f.await(id, j -> j.bytesDone() > 300_000);
            f.queue.pause(List.of(id));
            JobProgress paused = f.await(id, j -> j.state() == JobState.PAUSED);
            assertFalse(Files.exists(local), "nothing under the target name while paused");
            long part = Files.size(tmp.resolve("big.bin.part"));
            assertTrue(part > 0 && part < SIZE, "part: " + part);
            assertTrue(f.log.of(ProtocolEvent.CommandSent.class).stream().anyMatch(c -> c.command().equals("ABOR")));

            f.queue.setSpeedLimit(0);
            f.queue.resume(List.of(id));
            f.awaitIdle();
            JobProgress done = f.queue.get(id);
            assertEquals(JobState.DONE, done.state(), done::message);
            assertTrue(done.message().startsWith("resumed at byte"), done.message());
            assertArrayEquals(content, Files.readAllBytes(local));
            assertFalse(Files.exists(tmp.resolve("big.bin.part")));
            assertTrue(paused.bytesDone() > 0);
        }
    }

    @Test
    void cancelledDownloadLeavesNoPartAndNoTarget() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Files.write(root.resolve("big.bin"), Trees.bytes(2, SIZE));
        Path local = tmp.resolve("big.bin");
        try (SandboxServer srv = SandboxServer.start(root); QueueFixture f = new QueueFixture(srv, DataMode.ACTIVE, slow())) {
            f.queue.start();
            long id = f.queue.add(TransferJob.download(f.site, "/big.bin", local.toString()));
            f.await(id, j -> j.bytesDone() > 300_000);
            f.queue.cancel(List.of(id));
            f.awaitIdle();
            assertEquals(JobState.CANCELLED, f.queue.get(id).state());
            assertFalse(Files.exists(local));
            assertFalse(Files.exists(tmp.resolve("big.bin.part")));
        }
    }

    @Test
    void cancelledUploadLeavesNothingOnTheServer() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Path local = tmp.resolve("up.bin");
        Files.write(local, Trees.bytes(3, SIZE));
        try (SandboxServer srv = SandboxServer.start(root); QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, slow())) {
            f.queue.start();
            long id = f.queue.add(TransferJob.upload(f.site, local.toString(), "/up.bin"));
            f.await(id, j -> j.bytesDone() > 300_000);
            f.queue.cancel(List.of(id));
            f.awaitIdle();
            assertEquals(JobState.CANCELLED, f.queue.get(id).state());
            assertEquals(List.of(), Trees.relative(root), "nothing half-written on the server");
            assertTrue(Files.exists(local), "the source is left alone");
        }
    }

    @Test
    void cancellingAPausedUploadDeletesItsRemotePart() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Path local = tmp.resolve("up.bin");
        Files.write(local, Trees.bytes(4, SIZE));
        try (SandboxServer srv = SandboxServer.start(root); QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, slow())) {
            f.queue.start();
            long id = f.queue.add(TransferJob.upload(f.site, local.toString(), "/up.bin"));
            f.await(id, j -> j.bytesDone() > 300_000);
            f.queue.pause(List.of(id));
            f.await(id, j -> j.state() == JobState.PAUSED);
            assertTrue(Files.exists(root.resolve("up.bin.part")));
            f.queue.cancel(List.of(id));
            f.awaitIdle();
            assertEquals(List.of(), Trees.relative(root));
        }
    }

    @Test
    void pauseAllAndResumeAllFinishATreeByteExact() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Trees.make(root.resolve("tree"), 40, 5);
        Path local = tmp.resolve("local");
        try (SandboxServer srv = SandboxServer.start(root);
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast().withSpeedLimit(2_000_000))) {
            f.queue.start();
            long id = f.queue.add(TransferJob.downloadTree(f.site, "/tree", local.toString()));
            f.await(id, j -> j.state() == JobState.DONE); // expanded
            f.queue.pauseAll();
            Thread.sleep(200);
            QueueTotals t = f.queue.totals();
            assertEquals(0, t.running() + t.queued(), t.toString());
            assertTrue(t.paused() > 0, t.toString());
            f.queue.setSpeedLimit(0);
            f.queue.resumeAll();
            f.awaitIdle();
            assertEquals(List.of(), f.failed());
            Trees.assertSame(root.resolve("tree"), local);
        }
    }
}
