package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each conflict policy, on a download whose local target exists. */
class ConflictPolicyTest {
    @TempDir Path tmp;
    Path root;
    Path local;

    private JobProgress download(ConflictPolicy policy, String remoteContent, String localContent) throws Exception {
        return download(policy, remoteContent, localContent, null);
    }

    private JobProgress download(ConflictPolicy policy, String remoteContent, String localContent,
                                 ConflictResolver resolver) throws Exception {
        root = Files.createDirectories(tmp.resolve("server"));
        local = Files.createDirectories(tmp.resolve("local")).resolve("a.txt");
        Files.writeString(root.resolve("a.txt"), remoteContent);
        Files.writeString(local, localContent);
        try (SandboxServer srv = SandboxServer.start(root);
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast().withConflict(policy))) {
            f.queue.setConflictResolver(resolver);
            f.queue.start();
            long id = f.queue.add(TransferJob.download(f.site, "/a.txt", local.toString()));
            f.awaitIdle();
            return f.queue.get(id);
        }
    }

    @Test
    void overwrite() throws Exception {
        assertEquals(JobState.DONE, download(ConflictPolicy.OVERWRITE, "new", "old").state());
        assertEquals("new", Files.readString(local));
    }

    @Test
    void skip() throws Exception {
        JobProgress j = download(ConflictPolicy.SKIP, "new", "old");
        assertEquals(JobState.SKIPPED, j.state());
        assertEquals("the target exists", j.message());
        assertEquals("old", Files.readString(local));
    }

    @Test
    void sizeDiffers() throws Exception {
        assertEquals(JobState.SKIPPED, download(ConflictPolicy.OVERWRITE_IF_SIZE_DIFFERS, "new", "old").state());
        assertEquals("old", Files.readString(local));
        assertEquals(JobState.DONE, download(ConflictPolicy.OVERWRITE_IF_SIZE_DIFFERS, "newer", "old").state());
        assertEquals("newer", Files.readString(local));
    }

    @Test
    void newerOverwritesAnOlderTargetOnly() throws Exception {
        // the local copy is written after the remote one: it is newer, so it stays
        assertEquals(JobState.SKIPPED, download(ConflictPolicy.OVERWRITE_IF_NEWER, "new", "old").state());
        assertEquals("old", Files.readString(local));

        root = Files.createDirectories(tmp.resolve("server"));
        Files.writeString(local, "old");
        Files.setLastModifiedTime(local, FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
        try (SandboxServer srv = SandboxServer.start(root);
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE,
                     QueueFixture.fast().withConflict(ConflictPolicy.OVERWRITE_IF_NEWER))) {
            f.queue.start();
            long id = f.queue.add(TransferJob.download(f.site, "/a.txt", local.toString()));
            f.awaitIdle();
            assertEquals(JobState.DONE, f.queue.get(id).state(), f.queue.get(id)::message);
        }
        assertEquals("new", Files.readString(local));
    }

    @Test
    void resumeAppendsToAShorterTarget() throws Exception {
        JobProgress j = download(ConflictPolicy.RESUME, "0123456789", "01234");
        assertEquals(JobState.DONE, j.state(), j::message);
        assertEquals("0123456789", Files.readString(local));
        assertEquals("resumed at byte 5", j.message());
    }

    @Test
    void renameKeepsBoth() throws Exception {
        JobProgress j = download(ConflictPolicy.RENAME, "new", "old");
        assertEquals(JobState.DONE, j.state());
        assertEquals("old", Files.readString(local));
        assertEquals("new", Files.readString(local.resolveSibling("a (1).txt")));
        assertEquals(local.resolveSibling("a (1).txt").toString(), j.target());
    }

    @Test
    void askWithoutAResolverSkips() throws Exception {
        assertEquals(JobState.SKIPPED, download(ConflictPolicy.ASK, "new", "old").state());
        assertEquals("old", Files.readString(local));
    }

    @Test
    void askUsesTheAnswerAndApplyToAllStopsFurtherQuestions() throws Exception {
        root = Files.createDirectories(tmp.resolve("server"));
        Path dir = Files.createDirectories(tmp.resolve("many"));
        for (int i = 0; i < 5; i++) {
            Files.writeString(root.resolve("f" + i), "remote " + i);
            Files.writeString(dir.resolve("f" + i), "local " + i);
        }
        List<Conflict> asked = Collections.synchronizedList(new ArrayList<>());
        try (SandboxServer srv = SandboxServer.start(root);
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast().withConflict(ConflictPolicy.ASK))) {
            f.queue.setConflictResolver(c -> {
                asked.add(c);
                return new ConflictDecision(ConflictPolicy.OVERWRITE, true);
            });
            f.queue.start();
            f.queue.add(TransferJob.downloadTree(f.site, "/", dir.toString()));
            f.awaitIdle();
            assertEquals(1, asked.size(), "asked once, then the answer applied to all");
            // that batch is through: the next one that meets a conflict asks again, not silently overwrites
            f.queue.add(TransferJob.download(f.site, "/f0", dir.resolve("f0").toString()));
            f.awaitIdle();
            assertEquals(2, asked.size(), "a later drop is a new batch");
        }
        assertEquals(7, asked.get(0).target().size() + 0 * asked.get(0).source().size());
        for (int i = 0; i < 5; i++) {
            assertEquals("remote " + i, Files.readString(dir.resolve("f" + i)));
        }
    }

    @Test
    void uploadRenameOnTheServer() throws Exception {
        root = Files.createDirectories(tmp.resolve("server"));
        Files.writeString(root.resolve("a.txt"), "old");
        Path src = tmp.resolve("a.txt");
        Files.writeString(src, "new");
        try (SandboxServer srv = SandboxServer.start(root);
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast().withConflict(ConflictPolicy.RENAME))) {
            f.queue.start();
            long id = f.queue.add(TransferJob.upload(f.site, src.toString(), "/a.txt"));
            f.awaitIdle();
            assertEquals(JobState.DONE, f.queue.get(id).state(), f.queue.get(id)::message);
        }
        assertEquals("old", Files.readString(root.resolve("a.txt")));
        assertEquals("new", Files.readString(root.resolve("a (1).txt")));
        assertFalse(Files.exists(root.resolve("a (1).txt.part")));
        assertTrue(ConflictPolicy.parse("newer") == ConflictPolicy.OVERWRITE_IF_NEWER);
    }
}
