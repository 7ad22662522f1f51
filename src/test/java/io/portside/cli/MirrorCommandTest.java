package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** mirror through Cli's command table, against a real server on 127.0.0.1. */
@Timeout(60)
class MirrorCommandTest {
    @TempDir Path tmp;
    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();

    /** Runs "portside mirror ARGS" through the command table; keeps what it printed. */
    private int mirror(String... args) {
        List<String> line = new ArrayList<>(List.of("mirror"));
        line.addAll(Arrays.asList(args));
        CliRun run = CliRun.of(line.toArray(String[]::new));
        out.append(run.out());
        err.append(run.err());
        return run.exitCode();
    }

    private static String url(SandboxServer srv, String path) {
        return "ftp://" + srv.user() + ":" + srv.password() + "@" + srv.host() + ":" + srv.port() + "/" + path;
    }

    @Test
    void mirrorsDownAndBackUp() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Files.createDirectories(root.resolve("tree/sub"));
        Files.writeString(root.resolve("tree/a.txt"), "alpha");
        Files.writeString(root.resolve("tree/sub/b.txt"), "beta");
        Path local = tmp.resolve("local");
        Path log = tmp.resolve("log.txt");
        try (SandboxServer srv = SandboxServer.start(root)) {
            assertEquals(0, mirror(url(srv, "tree"), local.toString(), "--parallel", "3", "--log", log.toString()), err::toString);
            assertEquals("beta", Files.readString(local.resolve("sub/b.txt")));
            assertTrue(out.toString().startsWith("2 files"), out.toString());
            // any of the three workers may be the one that takes the jobs, and an idle one never connects
            assertTrue(Files.readString(log).matches("(?s).*\\bw[123] ctl#\\d.*"), "the log names the workers");

            assertEquals(0, mirror("--reverse", local.toString(), url(srv, "copy"), "--mode", "active"), err::toString);
            assertEquals("alpha", Files.readString(root.resolve("copy/a.txt")));
            assertEquals("beta", Files.readString(root.resolve("copy/sub/b.txt")));

            out.setLength(0);
            // the copies are there (and newer here): nothing goes again, whatever --on-conflict says
            assertEquals(0, mirror(url(srv, "tree"), local.toString(), "--on-conflict", "skip"));
            assertTrue(out.toString().startsWith("0 files, 0 B in "), out.toString());
            assertTrue(out.toString().contains("; 2 unchanged, 0 skipped, 0 failed"), out.toString());
        }
    }

    @Test
    void failedFilesAreNamedAndTheExitCodeIsOne() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Files.createDirectories(root.resolve("tree"));
        Files.writeString(root.resolve("tree/ok.txt"), "fine");
        // listed, but not there to read: RETR fails
        Files.createSymbolicLink(root.resolve("tree/gone"), root.resolve("nowhere"));
        Path local = Files.createDirectories(tmp.resolve("local"));
        try (SandboxServer srv = SandboxServer.start(root)) {
            assertEquals(1, mirror(url(srv, "tree"), local.toString(), "--retries", "0"), out + "\n" + err);
        }
        assertTrue(err.toString().contains("failed: tree/gone"), err.toString());
        assertEquals("fine", Files.readString(local.resolve("ok.txt")));
    }

    @Test
    void theUrlIsReadLikeGetsPercentDecodedWithOneCwdPerFolder() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Files.createDirectories(root.resolve("a b/tree"));
        Files.writeString(root.resolve("a b/tree/c.txt"), "gamma");
        Path local = tmp.resolve("local");
        try (SandboxServer srv = SandboxServer.start(root)) {
            CliRun run = CliRun.of("mirror", "--log", "-", "--parallel", "1", url(srv, "a%20b/tree"), local.toString());

            assertEquals(0, run.exitCode(), run.toString());
            assertEquals("gamma", Files.readString(local.resolve("c.txt")));
            assertTrue(run.err().contains("->   CWD a b"), run.err());

            // uploads make the URL's missing folders
            assertEquals(0, mirror("--reverse", local.toString(), url(srv, "new/deep/copy")), err::toString);
            assertEquals("gamma", Files.readString(root.resolve("new/deep/copy/c.txt")));
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertUsage(CliRun.of("mirror", "ftp://127.0.0.1/x"),
                "portside: mirror needs URL LOCALDIR | --reverse LOCALDIR URL"
                        + " (usage: portside [options] mirror URL LOCALDIR | --reverse LOCALDIR URL)");
        assertUsage(CliRun.of("mirror", "ftp://127.0.0.1/x", "dir", "--parallel", "11"),
                "portside: --parallel must be a number from 1 to 10, not '11'");
        assertUsage(CliRun.of("mirror", "--parallel=0", "ftp://127.0.0.1/x", "dir"),
                "portside: --parallel must be a number from 1 to 10, not '0'");
        assertUsage(CliRun.of("mirror", "ftp://127.0.0.1/x", "dir", "--parallel", "four"),
                "portside: --parallel must be a number from 1 to 10, not 'four'");
        assertUsage(CliRun.of("mirror", "ftp://127.0.0.1/x", "dir", "--on-conflict", "maybe"),
                "portside: --on-conflict must be overwrite, skip, resume, newer or rename, not 'maybe'");
        assertUsage(CliRun.of("mirror", "ftp://127.0.0.1/x", "dir", "--on-conflict", "ask"),
                "portside: --on-conflict must be overwrite, skip, resume, newer or rename, not 'ask'");
        assertUsage(CliRun.of("mirror", "ftp://127.0.0.1/x", "dir", "--retries", "-1"),
                "portside: --retries must be a number from 0 to 100, not '-1'");
        assertUsage(CliRun.of("mirror", "ftp://127.0.0.1/x", "dir", "--retries"), "portside: --retries needs a value");
        assertUsage(CliRun.of("mirror", "--reverse=yes", "dir", "ftp://127.0.0.1/x"),
                "portside: --reverse takes no value");
        assertUsage(CliRun.of("mirror", "ftp://u:pw@127.0.0.1:99999/x", "dir"), null);
    }

    @Test
    void reverseNeedsAnExistingLocalFolderAndFailsBeforeConnecting() {
        CliRun run = CliRun.of("mirror", "--reverse", "--log", "-", tmp.resolve("nope").toString(), "ftp://127.0.0.1:1/x");

        assertEquals(ExitCode.LOCAL_FAILURE, run.exitCode(), run.toString());
        assertEquals(List.of("portside: " + tmp.resolve("nope") + " is not a folder"), run.errLines());
    }

    @Test
    void helpNamesTheMirrorOptions() {
        CliRun help = CliRun.of("mirror", "--help");

        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: portside [options] mirror URL LOCALDIR | --reverse LOCALDIR URL"),
                help.out());
        for (String word : List.of("--parallel N", "--on-conflict overwrite|skip|resume|newer|rename", "--retries N",
                "--reverse")) {
            assertTrue(help.out().contains(word), word + " missing in:\n" + help.out());
        }
    }

    /** Exit 2 and exactly one line (the given one, unless null); a password never shows. */
    private static void assertUsage(CliRun run, String line) {
        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        if (line != null) {
            assertEquals(line, run.errLines().get(0));
        }
        assertFalse(run.err().contains("pw"), run.err());
    }
}
