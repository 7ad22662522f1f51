package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.interop.InteropServers;
import io.portside.interop.InteropServers.ServerInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * --limit-rate, --preserve-times and --connections-per-site through the command line against
 * the real servers (vsftpd, proftpd, pure-ftpd, pyftpdlib), checked by their effect on disk,
 * on the clock and in the log.
 */
@Timeout(180)
class CliQueueSettingsInteropTest {
    @TempDir Path local;
    @RegisterExtension final ServerFiles files = new ServerFiles();

    @BeforeAll
    static void up() {
        InteropServers.require();
    }

    static List<ServerInfo> servers() {
        return InteropServers.plain();
    }

    private static String url(ServerInfo s, String path) {
        return "ftp://" + s.user() + ":" + URLEncoder.encode(s.password(), StandardCharsets.UTF_8) + "@" + s.host()
                + ":" + s.port() + "/" + path;
    }

    /** A fresh name on the server, removed after the test. */
    private String fresh(ServerInfo s, String what) {
        return files.fresh(s, what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void limitRateHoldsBothDirections(ServerInfo s) throws Exception {
        byte[] data = CliQueueSettingsTest.random(CliQueueSettingsTest.FOUR_MB);
        String name = fresh(s, "rate");
        Files.write(s.onDisk(name), data);

        CliRun down = CliRun.in(local, "get", "--log", "-", "--limit-rate", "2M", url(s, name), "down.bin");
        assertEquals(0, down.exitCode(), down.toString());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("down.bin")));
        CliQueueSettingsTest.assertRate(2 << 20, data.length, CliQueueSettingsTest.transferSeconds(down.err()));

        String up = fresh(s, "rate-up");
        CliRun put = CliRun.in(local, "put", "--log", "-", "--limit-rate", "2048K", "down.bin", url(s, up));
        assertEquals(0, put.exitCode(), put.toString());
        CliQueueSettingsTest.assertRate(2 << 20, data.length, CliQueueSettingsTest.transferSeconds(put.err()));
        assertArrayEquals(data, Files.readAllBytes(s.onDisk(up)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void preserveTimesKeepsTheSourcesTimeOrSaysOnceWhyNot(ServerInfo s) throws Exception {
        Instant old = CliQueueSettingsTest.OLD;
        String name = fresh(s, "old");
        Files.writeString(s.onDisk(name), "from 2019");
        Files.setLastModifiedTime(s.onDisk(name), FileTime.from(old));

        CliRun get = CliRun.in(local, "get", "--preserve-times", url(s, name), "old.txt");
        assertEquals(0, get.exitCode(), get.toString());
        assertEquals(old, CliQueueSettingsTest.mtime(local.resolve("old.txt")), "the server's MDTM, to the second");

        String tree = fresh(s, "tree");
        Files.createDirectories(s.onDisk(tree + "/sub"));
        Files.writeString(s.onDisk(tree + "/sub/deep.txt"), "deep");
        Files.setLastModifiedTime(s.onDisk(tree + "/sub/deep.txt"), FileTime.from(old.plusSeconds(61)));
        CliRun mirror = CliRun.in(local, "mirror", "--preserve-times", url(s, tree), "tree");
        assertEquals(0, mirror.exitCode(), mirror.toString());
        assertEquals(old.plusSeconds(61), CliQueueSettingsTest.mtime(local.resolve("tree/sub/deep.txt")));

        Files.setLastModifiedTime(local.resolve("old.txt"), FileTime.from(old.plusSeconds(3600)));
        String up = fresh(s, "up");
        CliRun put = CliRun.in(local, "put", "--preserve-times", "--log", "put.log", "old.txt", url(s, up));
        assertEquals(0, put.exitCode(), put.toString());
        String log = Files.readString(local.resolve("put.log"));
        Instant onServer = Files.getLastModifiedTime(s.onDisk(up)).toInstant();
        if (log.contains("->   MFMT ")) {
            assertEquals(old.plusSeconds(3600), onServer, "MFMT set the server's time\n" + log);
            assertFalse(put.err().contains("cannot set modification times"), put.toString());
        } else {
            assertNotEquals(old.plusSeconds(3600), onServer, s + " offers no MFMT");
            String note = "portside: note: " + s.host() + " cannot set modification times (its FEAT lists no MFMT),"
                    + " so --preserve-times cannot keep the uploaded files' times";
            assertEquals(List.of(note), put.errLines(), put.toString());
            assertTrue(log.contains("the server cannot set modification times (its FEAT lists no MFMT)"), log);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void connectionsPerSiteCapsTheLogins(ServerInfo s) throws Exception {
        String tree = fresh(s, "conns");
        Files.createDirectories(s.onDisk(tree));
        for (int i = 0; i < 8; i++) {
            Files.write(s.onDisk(tree + "/f" + i + ".bin"), CliQueueSettingsTest.random(128 * 1024));
        }
        CliRun capped = CliRun.in(local, "mirror", "--parallel", "4", "--connections-per-site", "2", "--limit-rate",
                "1M", "--log", "capped.log", url(s, tree), "a");
        assertEquals(0, capped.exitCode(), capped.toString());
        assertEquals(2, CliQueueSettingsTest.logins(Files.readString(local.resolve("capped.log"))));
        try (Stream<Path> files = Files.list(local.resolve("a"))) {
            assertEquals(8, files.count());
        }

        CliRun three = CliRun.in(local, "mirror", "--parallel", "4", "--connections-per-site", "3", "--limit-rate",
                "1M", "--log", "three.log", url(s, tree), "b");
        assertEquals(0, three.exitCode(), three.toString());
        assertEquals(3, CliQueueSettingsTest.logins(Files.readString(local.resolve("three.log"))));
    }
}
