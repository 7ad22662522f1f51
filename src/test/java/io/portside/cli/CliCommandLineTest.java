package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.server.SandboxServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ls, usage errors and connection failures, as a user sees them on stdout and stderr. */
@Timeout(60)
class CliCommandLineTest {
    @TempDir Path serverRoot;
    @TempDir Path local;

    @Test
    void lsPrintsTheFolderLikeLsDashL() throws Exception {
        Files.createDirectories(serverRoot.resolve("pub/sub"));
        Files.write(serverRoot.resolve("pub/b.txt"), new byte[1234]);
        Files.write(serverRoot.resolve("pub/a.txt"), new byte[7]);
        try (SandboxServer srv = SandboxServer.start(serverRoot)) {
            CliRun run = CliRun.of("ls", url(srv, "pub/"));

            assertEquals(0, run.exitCode(), run.toString());
            List<String> lines = run.out().lines().toList();
            assertEquals(3, lines.size(), run.out());
            assertTrue(lines.get(0).matches("-\\S* +7 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d a\\.txt"), lines.get(0));
            assertTrue(lines.get(1).matches("-\\S* +1234 .* b\\.txt"), lines.get(1));
            assertTrue(lines.get(2).matches("d.* sub"), lines.get(2));
            assertEquals("", run.err());
        }
    }

    @Test
    void lsOfAFileShowsItsOneLineAndOfAFolderWithoutSlashItsContents() throws Exception {
        Files.createDirectories(serverRoot.resolve("pub/sub"));
        Files.write(serverRoot.resolve("pub/b.txt"), new byte[1234]);
        Files.write(serverRoot.resolve("pub/sub/inner.txt"), new byte[5]);
        try (SandboxServer srv = SandboxServer.start(serverRoot)) {
            CliRun file = CliRun.of("ls", url(srv, "pub/b.txt"));
            CliRun folder = CliRun.of("ls", url(srv, "pub/sub"));
            CliRun missing = CliRun.of("ls", url(srv, "pub/nothing"));

            assertEquals(0, file.exitCode(), file.toString());
            assertTrue(file.out().matches("-\\S* +1234 .* b\\.txt\\n"), file.out());
            assertTrue(folder.out().matches("-\\S* +5 .* inner\\.txt\\n"), folder.out());
            assertEquals(ExitCode.REMOTE_FAILURE, missing.exitCode());
            assertEquals(List.of("portside: there is no file or folder pub/nothing on the server"), missing.errLines());
        }
    }

    @Test
    void refusedPortIsOneClearLine() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CliRun run = CliRun.of("ls", "--timeout", "5", "ftp://127.0.0.1:" + closedPort + "/");

        assertEquals(ExitCode.REMOTE_FAILURE, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("portside: connecting to 127.0.0.1:" + closedPort + ": connection refused"),
                run.err());
    }

    /** A port that accepts TCP but never greets (implicit FTPS on 990, another protocol): said so, not "a firewall". */
    @Test
    void silentServerIsDescribedAsNoGreeting() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("ls", "--timeout", "1", "ftp://127.0.0.1:" + silent.getLocalPort() + "/");

            assertEquals(ExitCode.REMOTE_FAILURE, run.exitCode(), run.toString());
            assertTrue(run.err().startsWith("portside: connecting to 127.0.0.1:" + silent.getLocalPort()
                    + ": the server accepted the connection but sent no FTP greeting (220) within 1.0 s"), run.err());
            assertTrue(run.err().contains("implicit FTPS"), run.err());
            assertFalse(run.err().contains("firewall"), run.err());
        }
    }

    @Test
    void refusedPortWithLogShowsTheFailedConnectionThenTheErrorLast() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CliRun run = CliRun.of("--log", "-", "ls", "ftp://127.0.0.1:" + closedPort + "/");

        List<String> lines = run.errLines();
        assertTrue(run.err().contains("TCP  connecting to 127.0.0.1:" + closedPort), run.err());
        assertTrue(lines.get(lines.size() - 1).startsWith("portside: connecting to"), run.err());
    }

    @Test
    void usageErrorsExitWith2AndOneLine() {
        assertUsage(CliRun.of("frobnicate"), "portside: unknown command 'frobnicate' (commands: ls, get, put, mirror, compare, diagnose, queue, probe-server)");
        assertUsage(CliRun.of("get", "--colour", "x"), "portside: unknown option --colour");
        assertUsage(CliRun.of("get", "--mode", "sideways", "ftp://h/x"),
                "portside: --mode must be passive or active, not 'sideways'");
        assertUsage(CliRun.of("get", "--extended"), "portside: --extended needs a value");
        assertUsage(CliRun.of("ls", "--timeout", "-3", "ftp://h/"),
                "portside: --timeout must be a number of seconds between 0.001 and 86400, not '-3'");
        assertUsage(CliRun.of("get"), "portside: get needs URL [LOCALFILE] (usage: portside [options] get URL [LOCALFILE])");
        assertUsage(CliRun.of("put", "a", "b", "c"),
                "portside: too many operands for put: c (usage: portside [options] put LOCALFILE URL)");
        assertUsage(CliRun.of("get", "ftp://h/dir/", "x"),
                "portside: the URL names a folder, not a file (it ends with /) (usage: portside [options] get URL [LOCALFILE])");
        assertUsage(CliRun.of(), "portside: no command given (try: portside --help)");
        CliRun badUrl = CliRun.of("ls", "ftp://u:pw123@h:70000/");
        assertEquals(ExitCode.USAGE, badUrl.exitCode());
        assertFalse(badUrl.err().contains("pw123"), badUrl.err());
    }

    @Test
    void helpListsCommandsOptionsAndExitCodes() {
        CliRun general = CliRun.of("--help");
        CliRun get = CliRun.of("get", "--help");

        assertEquals(0, general.exitCode());
        for (String word : List.of("ls URL", "get URL [LOCALFILE]", "put LOCALFILE URL", "queue list|resume|clear", "--config DIR",
                "--master-password-file FILE",
                "compare URL LOCALDIR [--recursive]", "--include GLOB", "--exclude GLOB", "--time-offset MINUTES",
                "--dry-run", "--delete", "--mode", "--extended",
                "--log", "--timeout", "--debug", "Exit codes")) {
            assertTrue(general.out().contains(word), word + " missing in:\n" + general.out());
        }
        assertTrue(get.out().startsWith("Usage: portside [options] get URL [LOCALFILE]"), get.out());
        assertTrue(get.out().contains(".part"), get.out());
        CliRun queue = CliRun.of("queue", "--help");
        assertTrue(queue.out().startsWith("Usage: portside [options] queue list|resume|clear"), queue.out());
        assertTrue(queue.out().contains("queue.json"), queue.out());
    }

    @Test
    void getToAFolderThatDoesNotExistFailsBeforeConnecting() {
        CliRun run = CliRun.of("--log", "-", "get", "ftp://127.0.0.1:1/x", local.resolve("no/such/x").toString());

        assertEquals(ExitCode.LOCAL_FAILURE, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), "no connection was attempted:\n" + run.err());
        assertTrue(run.err().contains("does not exist"), run.err());
    }

    @Test
    void unwritableLogFileIsALocalError() {
        CliRun run = CliRun.of("--log", local.resolve("no/dir/log.txt").toString(), "ls", "ftp://127.0.0.1:1/");

        assertEquals(ExitCode.LOCAL_FAILURE, run.exitCode(), run.toString());
        assertEquals(List.of("portside: cannot write the log file " + local.resolve("no/dir/log.txt")
                + ": no such file or folder"), run.errLines());
    }

    private static void assertUsage(CliRun run, String line) {
        assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
        assertEquals(List.of(line), run.errLines());
    }

    private static String url(SandboxServer srv, String path) {
        return "ftp://" + srv.user() + ":" + srv.password() + "@127.0.0.1:" + srv.port() + "/" + path;
    }
}
