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
 * --limit-rate, --preserve-times, --connections-per-site and --retries through the command line against
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

    /**
     * --retries against the real servers: mid-download our data connection is torn down
     * ({@code ss -K}, this JVM's socket only, so the server sees a reset): with no retry the get
     * fails and leaves nothing, with one it continues from the .part (REST) to the whole file.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void retriesResumeADownloadWhoseDataConnectionWasReset(ServerInfo s) throws Exception {
        byte[] data = CliQueueSettingsTest.random(2_000_000);
        String name = fresh(s, "retry");
        Files.write(s.onDisk(name), data);

        CliRun none = resetMidway(s, local.resolve("none.bin"), "get", "--retries", "0", "--limit-rate", "500K",
                url(s, name), "none.bin");
        assertEquals(ExitCode.REMOTE_FAILURE, none.exitCode(), none.toString());
        assertFalse(Files.exists(local.resolve("none.bin")) || Files.exists(local.resolve("none.bin.part")), none.toString());

        CliRun one = resetMidway(s, local.resolve("one.bin"), "get", "--retries", "1", "--limit-rate", "500K", "--log",
                "-", url(s, name), "one.bin");
        assertEquals(0, one.exitCode(), one.toString());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("one.bin")));
        java.util.regex.Matcher rest = java.util.regex.Pattern.compile("->   REST (\\d+)").matcher(one.err());
        assertTrue(rest.find() && Long.parseLong(rest.group(1)) > 100_000, "resumed from the .part:\n" + one.err());
    }

    /** Runs the command line; once {@code target}'s .part has 200 KB, resets this JVM's data connection to {@code s}. */
    private CliRun resetMidway(ServerInfo s, Path target, String... args) throws Exception {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        java.util.concurrent.CompletableFuture<CliRun> run = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> CliRun.in(local, args));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!(Files.exists(part) && Files.size(part) > 200_000) && !run.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(Files.exists(part) && !run.isDone(), "the download never got going: " + (run.isDone() ? run.get() : ""));
        int ourPort = dataConnectionPort(s);
        Process kill = new ProcessBuilder("ss", "-K", "src", s.host(), "sport", "=", ":" + ourPort)
                .redirectErrorStream(true).start();
        assertTrue(kill.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
        return run.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** The local port of this JVM's connection into the server's passive range (from {@code ss -tnp}). */
    private static int dataConnectionPort(ServerInfo s) throws Exception {
        Process ss = new ProcessBuilder("ss", "-tnpH", "state", "established").redirectErrorStream(true).start();
        String me = "pid=" + ProcessHandle.current().pid() + ",";
        for (String line : new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5 || !line.contains(me)) {
                continue;
            }
            int local = Integer.parseInt(f[2].substring(f[2].lastIndexOf(':') + 1));
            int peer = Integer.parseInt(f[3].substring(f[3].lastIndexOf(':') + 1));
            if (peer >= s.passiveMin() && peer <= s.passiveMax()) {
                return local;
            }
        }
        throw new AssertionError("no data connection of ours to " + s + " in ss -tnp");
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
