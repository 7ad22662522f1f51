package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.compare.ComparisonResult;
import io.portside.compare.ComparisonSettings;
import io.portside.compare.FolderComparer;
import io.portside.compare.SyncDirection;
import io.portside.compare.SyncJobs;
import io.portside.compare.SyncPlan;
import io.portside.compare.SyncPlanner;
import io.portside.files.FtpFiles;
import io.portside.files.LocalFiles;
import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpSession;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync plan run on the queue, as the window's Synchronize… runs it: missing folders made,
 * one job per ticked file, the deletes as queue jobs after them, an unticked line left alone,
 * and a delete that waits in a saved queue is still a delete after a restart.
 */
class SyncJobsQueueTest {
    @TempDir Path tmp;

    @Test
    void aPlanRunsOnTheQueueAndOnlyItsTickedLines() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Path local = Files.createDirectories(tmp.resolve("local"));
        Files.createDirectories(local.resolve("new dir/深"));
        Files.writeString(local.resolve("new dir/深/文件 1.txt"), "one");
        Files.writeString(local.resolve("keep.txt"), "local only, unticked");
        Files.writeString(root.resolve("extra.txt"), "only on the server");
        Files.createDirectories(root.resolve("old/inner"));
        Files.writeString(root.resolve("old/inner/x.txt"), "x");
        try (SandboxServer srv = SandboxServer.start(root);
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast())) {
            SyncPlan full;
            SyncPlan ticked;
            SyncJobs sync = new SyncJobs(f.site, local, "/");
            try (FtpSession s = FtpSession.open(f.site, SessionOptions.defaults().withMode(DataMode.PASSIVE,
                    ExtendedMode.AUTO), new ProtocolEventBus(), "")) {
                ComparisonResult c = new FolderComparer(LocalFiles.INSTANCE, new FtpFiles(s), ComparisonSettings.DEFAULT)
                        .compare(local.toString(), "/");
                full = SyncPlanner.plan(c, SyncDirection.LOCAL_TO_REMOTE, ConflictPolicy.OVERWRITE, true);
                assertEquals(List.of("upload keep.txt", "upload new dir", "upload new dir/深", "upload new dir/深/文件 1.txt",
                        "delete extra.txt", "delete old"), full.actions().stream()
                        .map(a -> a.kind().words() + " " + a.path()).toList());
                // the user unticks keep.txt and the folder lines, keeps the file in them
                ticked = full.only(a -> !a.path().equals("keep.txt") && !(a.kind().transfer() && a.folder()));
                sync.makeFolders(ticked, full, LocalFiles.INSTANCE, new FtpFiles(s));
            }
            assertTrue(Files.isDirectory(root.resolve("new dir/深")), "the folders of a kept file are made");
            List<TransferJob> jobs = sync.jobs(ticked);
            assertEquals(3, jobs.size());
            assertTrue(jobs.get(1).deletes() && jobs.get(2).deletes(), "the deletes come last");
            f.queue.start();
            f.queue.addAll(jobs);
            f.awaitIdle();
            assertEquals(List.of(), f.failed());
            assertEquals("one", Files.readString(root.resolve("new dir/深/文件 1.txt")));
            assertFalse(Files.exists(root.resolve("keep.txt")), "an unticked line is not run");
            assertFalse(Files.exists(root.resolve("extra.txt")));
            assertFalse(Files.exists(root.resolve("old")), "a folder is deleted with what it holds");
            assertTrue(Files.exists(local.resolve("keep.txt")));
        }
    }

    @Test
    void aSavedDeleteIsStillADeleteAfterARestart() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Path config = tmp.resolve("config");
        Path doomed = Files.writeString(tmp.resolve("doomed.txt"), "the source lacks it");
        try (SandboxServer srv = SandboxServer.start(root)) {
            try (QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast())) {
                f.queue.restoreFrom(new QueueStore(config));
                long id = f.queue.add(TransferJob.delete(f.site, Direction.DOWNLOAD, doomed.toString(), false));
                f.queue.pause(List.of(id));
            }
            assertTrue(Files.exists(doomed), "a paused delete deletes nothing");
            // the saved queue keeps no passwords: the restored job's site asks for it
            try (QueueFixture f = new QueueFixture(io.portside.ftp.Site.ftp(srv.host(), srv.port(), srv.user(), null),
                    DataMode.PASSIVE, QueueFixture.fast(), s -> new MissingPasswords(s, site -> srv.password()))) {
                assertEquals(1, f.queue.restoreFrom(new QueueStore(config)).jobs());
                JobProgress restored = f.queue.snapshot().get(0);
                assertTrue(restored.job().deletes());
                assertEquals(doomed.toString(), restored.localPath());
                assertEquals("", restored.remotePath(), "a local delete has no remote end");
                f.queue.start();
                f.queue.resumeAll();
                f.awaitIdle();
                assertEquals(JobState.DONE, f.queue.get(restored.id()).state(), f.queue.get(restored.id()).message());
            }
            assertFalse(Files.exists(doomed));
        }
    }
}
