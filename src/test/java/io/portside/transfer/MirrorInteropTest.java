package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.Site;
import io.portside.interop.InteropServers;
import io.portside.interop.InteropServers.ServerInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The queue against the real servers of the interop set-up (vsftpd, proftpd, pure-ftpd,
 * pyftpdlib): a tree of 250 files goes up and comes back down byte-exact, passive and active,
 * one worker and four.
 */
class MirrorInteropTest {
    @TempDir Path tmp;
    private Path onServer;

    @BeforeAll
    static void servers() {
        InteropServers.require();
    }

    static Stream<Arguments> cases() {
        return InteropServers.plain().stream().flatMap(s -> Stream.of(
                Arguments.of(s, DataMode.PASSIVE, 1), Arguments.of(s, DataMode.PASSIVE, 4),
                Arguments.of(s, DataMode.ACTIVE, 1), Arguments.of(s, DataMode.ACTIVE, 4)));
    }

    @AfterEach
    void tidy() throws IOException {
        if (onServer != null && Files.exists(onServer)) {
            try (Stream<Path> all = Files.walk(onServer)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} parallel {2}")
    @MethodSource("cases")
    void treeUpAndDownByteExact(ServerInfo s, DataMode mode, int parallel) throws Exception {
        Path tree = tmp.resolve("tree");
        Trees.make(tree, 250, parallel * 31L + mode.ordinal());
        String dir = "/mirror-" + mode.name().toLowerCase() + "-" + parallel + "-" + Long.toHexString(System.nanoTime());
        onServer = s.onDisk(dir);
        Path back = tmp.resolve("back");
        Site site = Site.ftp(s.host(), s.port(), s.user(), s.password());
        try (QueueFixture f = new QueueFixture(site, mode, QueueFixture.fast().withParallelism(parallel))) {
            f.queue.start();
            f.queue.add(TransferJob.uploadTree(f.site, tree.toString(), dir));
            f.awaitIdle();
            assertEquals(0, f.failed().size(), () -> "upload failed: " + f.failed());
            Trees.assertSame(tree, onServer);

            f.queue.add(TransferJob.downloadTree(f.site, dir, back.toString()));
            f.awaitIdle();
            assertEquals(0, f.failed().size(), () -> "download failed: " + f.failed());
            Trees.assertSame(tree, back);
            assertEquals(0, Trees.count(onServer, ".part") + Trees.count(back, ".part"));
            assertTrue(f.log.of(io.portside.ftp.event.ProtocolEvent.CommandSent.class).stream()
                    .anyMatch(c -> c.command().startsWith(mode == DataMode.ACTIVE ? "EPRT" : "EPSV")
                            || c.command().startsWith(mode == DataMode.ACTIVE ? "PORT" : "PASV")), "mode used");
        }
    }
}
