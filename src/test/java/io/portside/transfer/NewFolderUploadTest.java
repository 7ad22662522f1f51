package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portside.ftp.DataMode;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploading into a folder the queue itself just made asks the server nothing about targets that
 * cannot exist yet (no SIZE of the file nor of its .part before writing: two round trips per file
 * less); into a folder that was there, every file is checked as before.
 */
class NewFolderUploadTest {
    @TempDir Path tmp;

    @Test
    void aNewFolderSkipsTheChecksAnExistingOneKeepsThem() throws Exception {
        Path tree = tmp.resolve("tree");
        Trees.make(tree, 40, 7);
        long files = Trees.relative(tree).stream().filter(p -> Files.isRegularFile(tree.resolve(p))).count();
        Path serverRoot = Files.createDirectories(tmp.resolve("server"));
        try (SandboxServer srv = SandboxServer.start(serverRoot);
             QueueFixture f = new QueueFixture(srv, DataMode.PASSIVE, QueueFixture.fast())) {
            f.queue.start();
            f.queue.add(TransferJob.uploadTree(f.site, tree.toString(), "/fresh"));
            f.awaitIdle();
            assertEquals(0, f.failed().size(), () -> "failed: " + f.failed());
            Trees.assertSame(tree, serverRoot.resolve("fresh"));
            List<String> sizes = sizeCommands(f);
            assertEquals(0, sizes.stream().filter(NewFolderUploadTest::isFile).count(), "no SIZE before writing: " + sizes);
            assertEquals(files, sizes.stream().filter(c -> c.endsWith(".part")).count(),
                    "only the size check after each upload: " + sizes);

            // The same tree again, into the folder that now exists: each target is found and skipped.
            f.queue.setConflictPolicy(ConflictPolicy.SKIP);
            int before = sizes.size();
            f.queue.add(TransferJob.uploadTree(f.site, tree.toString(), "/fresh"));
            f.awaitIdle();
            assertEquals(files, f.queue.snapshot().stream().filter(j -> j.state() == JobState.SKIPPED).count());
            assertEquals(files, sizeCommands(f).subList(before, sizeCommands(f).size()).stream()
                    .filter(NewFolderUploadTest::isFile).count());
        }
    }

    /** SIZE of a file of the tree itself (Trees names them .txt and .bin), not of a .part or a folder. */
    private static boolean isFile(String sizeCommand) {
        return sizeCommand.endsWith(".txt") || sizeCommand.endsWith(".bin");
    }

    private static List<String> sizeCommands(QueueFixture f) {
        return f.log.of(ProtocolEvent.CommandSent.class).stream().map(ProtocolEvent.CommandSent::command)
                .filter(c -> c.startsWith("SIZE ")).toList();
    }
}
