package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.server.SandboxServer;
import io.portside.transfer.FlakyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue settings the command line reaches (--limit-rate, --preserve-times,
 * --connections-per-site), run against the embedded server and checked by their effect: the
 * measured rate, the times on disk, the logins in the log.
 */
@Timeout(120)
class CliQueueSettingsTest {
    static final int FOUR_MB = 4 * 1024 * 1024;
    static final Instant OLD = Instant.parse("2019-05-06T07:08:09Z");
    @TempDir Path serverRoot;
    @TempDir Path local;
    SandboxServer server;

    @BeforeEach
    void start() throws Exception {
        server = SandboxServer.start(serverRoot);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String url(String path) {
        return CliRun.url(server, path);
    }

    static byte[] random(int size) {
        byte[] data = new byte[size];
        new Random().nextBytes(data);
        return data;
    }

    @Test
    void limitRateHoldsADownloadAndAnUploadToTheLimit() throws Exception {
        byte[] data = random(FOUR_MB);
        Files.write(serverRoot.resolve("big.bin"), data);
        CliRun down = CliRun.in(local, "get", "--log", "-", "--limit-rate", "1M", url("big.bin"));

        assertEquals(0, down.exitCode(), down.toString());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("big.bin")));
        assertRate(1024 * 1024, FOUR_MB, transferSeconds(down.err()));

        CliRun up = CliRun.in(local, "put", "--log", "-", "--limit-rate=2m", "big.bin", url("copy.bin"));

        assertEquals(0, up.exitCode(), up.toString());
        assertArrayEquals(data, Files.readAllBytes(serverRoot.resolve("copy.bin")));
        assertRate(2 * 1024 * 1024, FOUR_MB, transferSeconds(up.err()));

        CliRun free = CliRun.in(local, "get", "--log", "-", url("big.bin"), "free.bin");
        assertEquals(0, free.exitCode(), free.toString());
        assertTrue(FOUR_MB / transferSeconds(free.err()) > 4 * 1024 * 1024, "without a limit it is much faster");
    }

    /** Within 15% of the limit. */
    static void assertRate(long limit, long bytes, double seconds) {
        double rate = bytes / seconds;
        assertTrue(Math.abs(rate - limit) <= 0.15 * limit,
                String.format("%.0f bytes/s measured (%.2f s for %d bytes), limit %d", rate, seconds, bytes, limit));
    }

    /**
     * The transfer's own time in a --log text: from RETR or STOR sent to the server's 226, by
     * the log's millisecond timestamps (a slow login is not the transfer's rate).
     */
    static double transferSeconds(String log) {
        Matcher start = Pattern.compile("(?m)^(\\d\\d):(\\d\\d):(\\d\\d\\.\\d{3}) .*->   (RETR|STOR) ").matcher(log);
        assertTrue(start.find(), log);
        Matcher end = Pattern.compile("(?m)^(\\d\\d):(\\d\\d):(\\d\\d\\.\\d{3}) .*<-   226").matcher(log);
        assertTrue(end.find(start.end()), log);
        return seconds(end) - seconds(start);
    }

    private static double seconds(Matcher m) {
        return Integer.parseInt(m.group(1)) * 3600 + Integer.parseInt(m.group(2)) * 60 + Double.parseDouble(m.group(3));
    }

    @Test
    void preserveTimesGivesDownloadsAndUploadsTheSourcesTime() throws Exception {
        Files.writeString(serverRoot.resolve("old.txt"), "from 2019");
        Files.setLastModifiedTime(serverRoot.resolve("old.txt"), FileTime.from(OLD));
        Files.createDirectories(serverRoot.resolve("tree/sub"));
        Files.writeString(serverRoot.resolve("tree/sub/deep.txt"), "deep");
        Files.setLastModifiedTime(serverRoot.resolve("tree/sub/deep.txt"), FileTime.from(OLD.plusSeconds(61)));

        CliRun plain = CliRun.in(local, "get", url("old.txt"), "plain.txt");
        assertEquals(0, plain.exitCode(), plain.toString());
        assertFalse(mtime(local.resolve("plain.txt")).equals(OLD), "without the option the copy is new");

        CliRun get = CliRun.in(local, "get", "--preserve-times", url("old.txt"));
        assertEquals(0, get.exitCode(), get.toString());
        assertEquals(OLD, mtime(local.resolve("old.txt")));

        CliRun mirror = CliRun.in(local, "mirror", "--preserve-times", url("tree"), "tree");
        assertEquals(0, mirror.exitCode(), mirror.toString());
        assertEquals(OLD.plusSeconds(61), mtime(local.resolve("tree/sub/deep.txt")), "to the second, not the minute");

        Path upload = local.resolve("up.txt");
        Files.writeString(upload, "to the server");
        Files.setLastModifiedTime(upload, FileTime.from(OLD.plusSeconds(3600)));
        Path log = local.resolve("put.log");
        CliRun put = CliRun.in(local, "put", "--preserve-times", "--log", "put.log", "up.txt", url("up.txt"));
        assertEquals(0, put.exitCode(), put.toString());
        assertEquals(OLD.plusSeconds(3600), mtime(serverRoot.resolve("up.txt")));
        assertTrue(Files.readString(log).contains("->   MFMT 20190506080809 up.txt"), Files.readString(log));
        assertFalse(put.err().contains("cannot set modification times"), put.toString());
    }

    static Instant mtime(Path p) throws Exception {
        return Files.getLastModifiedTime(p).toInstant();
    }

    @Test
    void connectionsPerSiteCapsTheLoginsOfAParallelMirror() throws Exception {
        Files.createDirectories(serverRoot.resolve("tree"));
        for (int i = 0; i < 8; i++) {
            Files.write(serverRoot.resolve("tree/f" + i + ".bin"), random(128 * 1024));
        }
        // The rate limit keeps every file busy long enough that each allowed worker takes one.
        String[] common = {"mirror", "--parallel", "4", "--limit-rate", "1M", "--log"};
        CliRun capped = CliRun.in(local, concat(common, "capped.log", "--connections-per-site", "2", url("tree"), "a"));
        assertEquals(0, capped.exitCode(), capped.toString());
        assertEquals(2, logins(Files.readString(local.resolve("capped.log"))));

        CliRun open = CliRun.in(local, concat(common, "open.log", url("tree"), "b"));
        assertEquals(0, open.exitCode(), open.toString());
        assertEquals(4, logins(Files.readString(local.resolve("open.log"))), "as many as --parallel by default");
        assertEquals(8, Files.list(local.resolve("b")).count());
    }

    static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** Successful logins in a --log text. */
    /** The workers' logins: mirror's own listing session (ctl#1) compares first and has quit before they start. */
    static int logins(String log) {
        Matcher m = Pattern.compile("(?m) w\\d+ ctl#\\d+ +<-   230[ -]").matcher(log);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The server drops each file's data connection once, after 300,000 bytes: only a retry finishes it. */
    @Test
    void retriesDecideWhetherADroppedDownloadIsFinished() throws Exception {
        byte[] data = random(1_000_000);
        Files.write(serverRoot.resolve("a.bin"), data);
        Files.write(serverRoot.resolve("b.bin"), data);
        try (FlakyServer flaky = new FlakyServer(serverRoot, 300_000)) {
            String base = "ftp://" + FlakyServer.USER + ":" + FlakyServer.PASSWORD + "@127.0.0.1:" + flaky.port + "/";
            CliRun none = CliRun.in(local, "get", "--retries", "0", base + "a.bin");
            assertEquals(ExitCode.REMOTE_FAILURE, none.exitCode(), none.toString());
            assertFalse(Files.exists(local.resolve("a.bin")), none.toString());
            assertFalse(Files.exists(local.resolve("a.bin.part")), "a finished command line leaves no .part");

            CliRun one = CliRun.in(local, "get", "--retries", "1", "--log", "-", base + "b.bin");
            assertEquals(0, one.exitCode(), one.toString());
            assertArrayEquals(data, Files.readAllBytes(local.resolve("b.bin")));
            Matcher rest = Pattern.compile("->   REST (\\d+)").matcher(one.err());
            assertTrue(rest.find() && Long.parseLong(rest.group(1)) > 200_000, "the retry resumes near the drop\n"
                    + one.err());
            assertEquals(2, flaky.drops.get());
        }
    }

    @Test
    void badValuesAreUsageErrors() {
        for (String bad : new String[] {"fast", "0", "10", "-5K", "1.5Q", ""}) {
            CliRun run = CliRun.of("get", "--limit-rate", bad, "ftp://127.0.0.1/x");
            assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
            assertEquals("portside: --limit-rate must be bytes per second from 1K up, such as 500K or 2M, not '" + bad
                    + "'\n", run.err());
        }
        CliRun run = CliRun.of("mirror", "--connections-per-site", "0", "ftp://127.0.0.1/x", "d");
        assertEquals("portside: --connections-per-site must be a number from 1 to 10, not '0'\n", run.err());
        run = CliRun.of("get", "--preserve-times=yes", "ftp://127.0.0.1/x");
        assertEquals("portside: --preserve-times takes no value\n", run.err());
    }
}
