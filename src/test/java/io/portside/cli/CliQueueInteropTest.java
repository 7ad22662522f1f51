package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.Site;
import io.portside.interop.InteropServers;
import io.portside.interop.InteropServers.ServerInfo;
import io.portside.transfer.TransferJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code portside queue list} and {@code resume} against the real servers (vsftpd, proftpd,
 * pure-ftpd, pyftpdlib): a download and an upload cut off as by the window's quit are listed,
 * then finished from their .part files (the local one, the server's), byte for byte.
 */
@Timeout(180)
class CliQueueInteropTest {
    @TempDir Path local;
    @TempDir Path config;
    @RegisterExtension final ServerFiles files = new ServerFiles();

    @BeforeAll
    static void up() {
        InteropServers.require();
    }

    private String fresh(ServerInfo s, String what) {
        return files.fresh(s, "queue-" + what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.portside.interop.InteropServers#plain")
    void cutOffTransfersAreListedAndResumedFromTheirParts(ServerInfo s) throws Exception {
        byte[] data = new byte[3_000_000];
        new Random(17).nextBytes(data);
        Site site = Site.ftp(s.host(), s.port(), s.user(), s.password());
        String down = fresh(s, "down");
        Files.write(s.onDisk(down), data);
        Path target = local.resolve("down.bin");
        CliQueueTest.saveCutOff(config, TransferJob.download(site, "/" + down, target.toString()));
        Path source = local.resolve("up.bin");
        Files.write(source, data);
        String up = fresh(s, "up");
        CliQueueTest.saveCutOff(config, TransferJob.upload(site, source.toString(), "/" + up));
        long localPart = Files.size(local.resolve("down.bin.part"));
        assertTrue(localPart > 0 && localPart < data.length, "a .part on disk: " + localPart);
        assertTrue(Files.size(s.onDisk(up + ".part")) > 0, "a .part on the server");

        CliRun list = CliRun.in(local, "queue", "list", "--config", config.toString());
        assertEquals(0, list.exitCode(), list.toString());
        List<String> lines = list.out().lines().toList();
        assertEquals(2, lines.size(), list.out());
        assertTrue(lines.get(0).startsWith("paused    download  " + CliQueueTest.bytes(localPart) + " / "
                + CliQueueTest.bytes(data.length) + " bytes  ftp://" + s.user() + "@"), lines.get(0));
        assertTrue(lines.get(1).startsWith("paused    upload  "), lines.get(1));

        CliRun resume = CliRun.in(local, q -> s.password().toCharArray(), "queue", "resume", "--config",
                config.toString());

        assertEquals(0, resume.exitCode(), resume.toString());
        assertArrayEquals(data, Files.readAllBytes(target));
        assertArrayEquals(data, Files.readAllBytes(s.onDisk(up)));
        assertFalse(Files.exists(local.resolve("down.bin.part")));
        assertFalse(Files.exists(s.onDisk(up + ".part")), "the server's .part renamed over the target");
        assertTrue(resume.out().contains("(" + CliQueueTest.bytes(data.length) + " bytes; resumed at byte "
                + localPart + ")"), resume.out());
        assertEquals(2, resume.out().split("resumed at byte").length - 1, "both resumed:\n" + resume.out());
        assertEquals("no unfinished transfers saved in " + config.resolve("queue.json") + "\n",
                CliRun.in(local, "queue", "list", "--config", config.toString()).out());
    }
}
