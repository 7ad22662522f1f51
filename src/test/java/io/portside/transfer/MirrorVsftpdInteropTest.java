package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portside.ftp.DataMode;
import io.portside.ftp.Site;
import io.portside.interop.InteropServers;
import io.portside.interop.InteropServers.ServerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The queue against a real vsftpd: a tree of a few hundred files up and back down, byte-exact. */
class MirrorVsftpdInteropTest {
    @TempDir Path tmp;

    @BeforeAll
    static void servers() {
        InteropServers.require();
    }

    @ParameterizedTest(name = "{0}, parallel {1}")
    @CsvSource({"PASSIVE, 1", "PASSIVE, 4", "ACTIVE, 1", "ACTIVE, 4"})
    void treeUpAndDownByteExact(DataMode mode, int parallel) throws Exception {
        ServerInfo vsftpd = InteropServers.byName("vsftpd").orElseThrow();
        Site site = Site.ftp(vsftpd.host(), vsftpd.port(), vsftpd.user(), vsftpd.password());
        String remote = "/mirror-" + mode + "-" + parallel + "-" + Long.toHexString(System.nanoTime());
        Path source = tmp.resolve("source");
        Trees.make(source, 250, parallel * 31L + mode.ordinal());
        Path back = tmp.resolve("back");
        try (QueueFixture f = new QueueFixture(site, mode, QueueFixture.fast().withParallelism(parallel))) {
            f.queue.start();
            f.queue.add(TransferJob.uploadTree(f.site, source.toString(), remote));
            f.awaitIdle();
            assertEquals(0, f.failed().size(), () -> "failed: " + f.failed());
            Trees.assertSame(source, vsftpd.onDisk(remote));

            f.queue.add(TransferJob.downloadTree(f.site, remote, back.toString()));
            f.awaitIdle();
            assertEquals(0, f.failed().size(), () -> "failed: " + f.failed());
            Trees.assertSame(source, back);
            assertEquals(0, Trees.count(back, ".part") + Trees.count(vsftpd.onDisk(remote), ".part"));
        } finally {
            deleteTree(vsftpd.onDisk(remote));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
