package io.portside.ui.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import io.portside.transfer.ConflictPolicy;
import io.portside.transfer.Direction;
import io.portside.transfer.JobProgress;
import io.portside.transfer.JobState;
import io.portside.transfer.QueueSettings;
import io.portside.transfer.SessionFactory;
import io.portside.transfer.TransferJob;
import io.portside.transfer.TransferQueue;
import io.portside.ui.fx.FxBatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue tab's rows, sections and totals over the real transfer queue and the embedded
 * server, without a window: what the queue posts for the FX thread runs on the test's thread.
 */
class QueueViewModelTest {
    @TempDir Path tmp;
    Path serverRoot;
    Path localRoot;
    SandboxServer server;
    Site site;
    TransferQueue queue;
    QueueViewModel model;
    final BlockingQueue<Runnable> fxThread = new LinkedBlockingQueue<>();
    final List<Long> done = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        serverRoot = Files.createDirectories(tmp.resolve("server"));
        localRoot = Files.createDirectories(tmp.resolve("local"));
        server = SandboxServer.start(serverRoot);
        site = Site.ftp(server.host(), server.port(), server.user(), server.password());
        queue = new TransferQueue(QueueSettings.defaults(), SessionFactory.of(SessionOptions.defaults(), new ProtocolEventBus()));
        model = new QueueViewModel(queue, new FxBatcher(fxThread::add));
        model.onDone(j -> done.add(j.id()));
        queue.start();
    }

    @AfterEach
    void stop() {
        model.close();
        queue.close();
        server.close();
    }

    @Test
    void finishedTransfersBecomeDoneRowsAndTheirBytesLandOnDisk() throws Exception {
        byte[] up = bytes(1_000);
        byte[] down = bytes(50_000);
        Files.write(localRoot.resolve("up.bin"), up);
        Files.write(serverRoot.resolve("down.bin"), down);
        Files.createDirectories(localRoot.resolve("outbox/inner"));
        Files.writeString(localRoot.resolve("outbox/inner/note.txt"), "inside");

        long upId = queue.add(TransferJob.upload(site, local("up.bin"), "/up.bin"));
        long downId = queue.add(TransferJob.download(site, "/down.bin", local("down.bin")));
        long treeId = queue.add(TransferJob.uploadTree(site, local("outbox"), "/outbox"));
        awaitModel("every job done", () -> model.rows().size() == queue.ids().size()
                && model.rows().stream().allMatch(r -> r.progress().state() == JobState.DONE));

        assertArrayEquals(up, Files.readAllBytes(serverRoot.resolve("up.bin")));
        assertArrayEquals(down, Files.readAllBytes(localRoot.resolve("down.bin")));
        assertEquals("inside", Files.readString(serverRoot.resolve("outbox/inner/note.txt")));

        assertEquals(List.of(upId, downId, treeId), model.rows().stream().limit(3).map(JobRow::id).toList());
        assertEquals(5, model.rows().size(), "the folder's contents got rows of their own: inner, then note.txt");
        JobProgress upload = model.rows().get(0).progress();
        assertEquals(Direction.UPLOAD, upload.job().direction());
        assertEquals(local("up.bin"), upload.localPath());
        assertEquals("/up.bin", upload.remotePath());
        assertEquals(1_000, upload.bytesTotal());
        assertEquals(1_000, upload.bytesDone());
        JobProgress download = model.rows().get(1).progress();
        assertEquals(local("down.bin"), download.localPath());
        assertEquals("/down.bin", download.remotePath());
        assertEquals(50_000, download.bytesDone());

        assertEquals(Set.copyOf(queue.ids()), Set.copyOf(done), "every job was reported done");
        assertEquals(done.size(), Set.copyOf(done).size(), "and each only once");
        assertEquals(0, model.running().get());
        assertEquals(0, model.waiting().get());
        assertEquals(0, model.totalRate().get());
        assertTrue(model.shown().isEmpty(), "nothing is active any more");
        model.section().set(QueueViewModel.Section.DONE);
        assertEquals(5, model.shown().size());
    }

    @Test
    void aRunningJobKeepsItsRowThroughProgressPauseAndResume() throws Exception {
        byte[] big = bytes(600_000);
        Files.write(localRoot.resolve("big.bin"), big);
        queue.setSpeedLimit(150_000);
        long id = queue.add(TransferJob.upload(site, local("big.bin"), "/big.bin"));
        awaitModel("bytes moving", () -> !model.rows().isEmpty() && model.rows().get(0).progress().bytesDone() > 0
                && model.rows().get(0).progress().rate() > 0);
        JobRow row = model.rows().get(0);
        assertEquals(id, row.id());
        assertEquals(JobState.RUNNING, row.progress().state());
        assertEquals(600_000, row.progress().bytesTotal());
        assertNotNull(row.progress().eta(), "a running job with a rate has an ETA");
        assertEquals(1, model.running().get());
        assertTrue(model.totalRate().get() > 0);
        assertEquals(List.of(row), model.shown(), "the active section shows it");

        queue.pause(List.of(id));
        awaitModel("paused", () -> row.progress().state() == JobState.PAUSED);
        assertEquals(0, model.running().get());
        assertEquals(1, model.waiting().get(), "a paused job waits");
        assertEquals(0, model.totalRate().get());
        assertEquals(List.of(row), model.shown(), "and stays in the active section");

        queue.setSpeedLimit(0);
        queue.resume(List.of(id));
        awaitModel("done", () -> row.progress().state() == JobState.DONE);
        assertSame(row, model.rows().get(0), "progress updates keep the row (and the user's selection)");
        assertEquals(1, model.rows().size());
        assertEquals(List.of(id), done);
        assertArrayEquals(big, Files.readAllBytes(serverRoot.resolve("big.bin")));
    }

    @Test
    void aFailedJobShowsItsErrorAndRemovingAJobRemovesItsRow() throws Exception {
        Files.writeString(serverRoot.resolve("there.txt"), "here");
        long missing = queue.add(TransferJob.download(site, "/missing.txt", local("missing.txt")));
        long there = queue.add(TransferJob.download(site, "/there.txt", local("there.txt")));
        awaitModel("both finished", () -> model.rows().size() == 2
                && model.rows().stream().allMatch(r -> r.progress().state().isFinished()));
        assertEquals(1, model.failedCount().get());
        model.section().set(QueueViewModel.Section.FAILED);
        assertEquals(1, model.shown().size());
        JobProgress failed = model.shown().get(0).progress();
        assertEquals(missing, failed.id());
        assertEquals(JobState.FAILED, failed.state());
        assertTrue(failed.message() != null && failed.message().contains("missing.txt"), failed.message());
        assertEquals("there is no file /missing.txt on the server", failed.message());
        assertEquals("服务器上没有文件 /missing.txt", failed.words().render(java.util.Locale.SIMPLIFIED_CHINESE),
                "the queue's error column in the Chinese window");

        queue.remove(List.of(missing));
        awaitModel("its row gone", () -> model.rows().size() == 1);
        assertEquals(there, model.rows().get(0).id(), "the other job's row stays");
        assertTrue(model.shown().isEmpty());
        assertEquals(0, model.failedCount().get());
        assertEquals("here", Files.readString(localRoot.resolve("there.txt")));
    }

    @Test
    void aTargetRenamedOnConflictShowsWhereTheBytesWent() throws Exception {
        Files.writeString(serverRoot.resolve("same.txt"), "old");
        Files.writeString(localRoot.resolve("same.txt"), "new");
        queue.add(TransferJob.upload(site, local("same.txt"), "/same.txt").withConflict(ConflictPolicy.RENAME));
        awaitModel("done", () -> model.rows().size() == 1 && model.rows().get(0).progress().state() == JobState.DONE);
        assertEquals("/same (1).txt", model.rows().get(0).progress().remotePath());
        assertEquals("new", Files.readString(serverRoot.resolve("same (1).txt")));
        assertEquals("old", Files.readString(serverRoot.resolve("same.txt")));
    }

    private String local(String name) {
        return localRoot.resolve(name).toString();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    /** Runs what the queue posted for the FX thread until {@code condition} holds (20 s at most). */
    private void awaitModel(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting until " + what + "; rows: "
                        + model.rows().stream().map(JobRow::progress).toList());
            }
            Runnable posted = fxThread.poll(50, TimeUnit.MILLISECONDS);
            if (posted != null) {
                posted.run();
            }
        }
    }
}
