package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** get and put against a real server on 127.0.0.1, checked on disk and in the --log text. */
@Timeout(60)
class CliTransferTest {
    @TempDir Path serverRoot;
    @TempDir Path local;
    SandboxServer server;
    byte[] data;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(serverRoot.resolve("dir"));
        data = new byte[300_000 + new Random().nextInt(100_000)];
        new Random().nextBytes(data);
        Files.write(serverRoot.resolve("dir/data.bin"), data);
        server = SandboxServer.start(serverRoot);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String url(String path) {
        return CliRun.url(server, path);
    }

    @Test
    void passiveGetWritesTheExactBytesAndTheLogExplainsEveryStep() throws Exception {
        Path target = local.resolve("copy.bin");
        CliRun run = CliRun.of("get", "--log", "-", url("dir/data.bin"), target.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertArrayEquals(data, Files.readAllBytes(target));
        assertFalse(Files.exists(local.resolve("copy.bin.part")), "the .part file was renamed");
        assertEquals("downloaded dir/data.bin to " + target + " (" + String.format(Locale.ROOT, "%,d", data.length)
                + " bytes)\n", run.out());

        String log = run.err();
        assertHandshake(log);
        assertTrue(log.contains("->   CWD dir"), "RFC 1738: one CWD per folder\n" + log);
        assertTrue(log.contains("->   RETR data.bin"), log);

        Matcher pasv = find(log, "server listens on 127\\.0\\.0\\.1:(\\d+) \\((\\d+)\\*256\\+(\\d+),");
        int port = Integer.parseInt(pasv.group(1));
        assertEquals(Integer.parseInt(pasv.group(2)) * 256 + Integer.parseInt(pasv.group(3)), port);
        Matcher reply = find(log, "<-   227 .*\\(127,0,0,1,(\\d+),(\\d+)\\)");
        assertEquals(port, Integer.parseInt(reply.group(1)) * 256 + Integer.parseInt(reply.group(2)));

        Matcher established = find(log, "(data#\\d+\\.\\d+) +TCP  established 127\\.0\\.0\\.1:(\\d+) -> 127\\.0\\.0\\.1:(\\d+)");
        assertEquals(port, Integer.parseInt(established.group(3)), "we connect to the decoded port");
        assertClosedWithAllBytes(log, established.group(1));
        assertTrue(log.contains("TCP  closed by us"), "the control connection's end is logged\n" + log);
    }

    @Test
    void activeGetWritesTheExactBytesAndLogsPortAndTheAcceptedConnection() throws Exception {
        Path target = local.resolve("copy.bin");
        Path logFile = local.resolve("session.log");
        CliRun run = CliRun.of("--mode", "active", "--log=" + logFile, "get", url("dir/data.bin"), target.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals("", run.err(), "with --log FILE nothing goes to stderr");

        String log = Files.readString(logFile);
        assertHandshake(log);
        Matcher command = find(log, "->   PORT 127,0,0,1,(\\d+),(\\d+)");
        int port = Integer.parseInt(command.group(1)) * 256 + Integer.parseInt(command.group(2));
        Matcher decoded = find(log, "we listen on 127\\.0\\.0\\.1:(\\d+) \\((\\d+)\\*256\\+(\\d+),");
        assertEquals(port, Integer.parseInt(decoded.group(1)));
        assertEquals(port, Integer.parseInt(decoded.group(2)) * 256 + Integer.parseInt(decoded.group(3)));

        Matcher accepted = find(log, "(data#\\d+\\.\\d+) +TCP  accepted 127\\.0\\.0\\.1:(\\d+) -> 127\\.0\\.0\\.1:(\\d+)");
        assertEquals(port, Integer.parseInt(accepted.group(3)), "the server connected to the port we sent");
        assertFalse(log.contains("PASV"), "--mode active does not fall back to passive\n" + log);
        assertClosedWithAllBytes(log, accepted.group(1));
    }

    @Test
    void getIntoAnExistingFolderKeepsTheRemoteName() throws Exception {
        CliRun run = CliRun.of("get", url("dir/data.bin"), local.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("data.bin")));
        try (Stream<Path> files = Files.list(local)) {
            assertEquals(List.of(local.resolve("data.bin")), files.toList(), "nothing else left behind");
        }
    }

    /** The documented default: with no LOCALFILE (or "." / "./") the file lands in the working folder. */
    @ParameterizedTest
    @ValueSource(strings = {"", ".", "./"})
    void getIntoTheWorkingFolderKeepsTheRemoteName(String where) throws Exception {
        CliRun run = where.isEmpty() ? CliRun.in(local, "get", url("dir/data.bin"))
                : CliRun.in(local, "get", url("dir/data.bin"), where);

        assertEquals(0, run.exitCode(), run.toString());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("data.bin")));
        assertEquals("downloaded dir/data.bin to " + local.resolve("data.bin") + " ("
                + String.format(Locale.ROOT, "%,d", data.length) + " bytes)\n", run.out());
        try (Stream<Path> files = Files.list(local)) {
            assertEquals(List.of(local.resolve("data.bin")), files.toList(), "nothing else left behind");
        }
    }

    /** A relative folder is relative to the working folder, with or without its trailing slash. */
    @ParameterizedTest
    @ValueSource(strings = {"sub", "sub/"})
    void getIntoARelativeFolderKeepsTheRemoteName(String where) throws Exception {
        Files.createDirectory(local.resolve("sub"));
        CliRun run = CliRun.in(local, "get", url("dir/data.bin"), where);

        assertEquals(0, run.exitCode(), run.toString());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("sub/data.bin")));
        try (Stream<Path> files = Files.list(local.resolve("sub"))) {
            assertEquals(List.of(local.resolve("sub/data.bin")), files.toList(), "nothing else left behind");
        }
    }

    /** A relative file name is relative to the working folder too. */
    @Test
    void getToARelativeFileName() throws Exception {
        CliRun run = CliRun.in(local, "get", url("dir/data.bin"), "copy.bin");

        assertEquals(0, run.exitCode(), run.toString());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("copy.bin")));
    }

    /** Into a folder the remote name obeys the one rule for local names (SafeLocalName), before connecting. */
    @Test
    void aRemoteNameTheLocalRuleRefusesNeedsALocalName() throws Exception {
        Files.write(serverRoot.resolve("dir/CON"), data);
        Files.write(serverRoot.resolve("dir/trailing."), data);
        Files.createSymbolicLink(local.resolve("data.bin"), serverRoot.resolve("dir/data.bin"));
        for (String name : List.of("CON", "trailing.", "data.bin")) {
            CliRun run = CliRun.in(local, "get", url("dir/" + name));

            assertEquals(ExitCode.USAGE, run.exitCode(), run.toString());
            assertTrue(run.err().startsWith("portside: the remote name '" + name + "' cannot be a local file name ("),
                    run.toString());
            assertTrue(run.err().contains("give LOCALFILE with a name"), run.toString());
        }
        try (Stream<Path> files = Files.list(local)) {
            assertEquals(List.of(local.resolve("data.bin")), files.toList(), "nothing written");
        }
        CliRun named = CliRun.in(local, "get", url("dir/CON"), "con-file");
        assertEquals(0, named.exitCode(), named.toString());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("con-file")));
    }

    @Test
    void absolutePathWithEncodedSlash() throws Exception {
        CliRun run = CliRun.of("get", "--log", "-", url("%2Fdir/data.bin"), local.resolve("abs.bin").toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("abs.bin")));
        assertTrue(run.err().contains("->   CWD /dir"), run.err());
    }

    @Test
    void getOfAMissingFileLeavesTheExistingTargetUntouched() throws Exception {
        Path target = local.resolve("keep.txt");
        Files.writeString(target, "precious");

        CliRun run = CliRun.of("get", url("dir/missing.bin"), target.toString());

        assertEquals(ExitCode.REMOTE_FAILURE, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        // get runs the transfer queue, which asks SIZE before RETR: a 550 there means "no such file"
        assertEquals("portside: there is no file missing.bin on the server", run.errLines().get(0));
        assertEquals("precious", Files.readString(target));
        assertFalse(Files.exists(local.resolve("keep.txt.part")), "no .part left behind");
    }

    @Test
    void putWritesTheExactBytesOnTheServer() throws Exception {
        Path source = local.resolve("upload.bin");
        Files.write(source, data);

        CliRun named = CliRun.of("put", "--mode", "active", source.toString(), url("dir/renamed.bin"));
        CliRun keepsName = CliRun.of("put", source.toString(), url("dir/"));

        assertEquals(0, named.exitCode(), named.toString());
        assertArrayEquals(data, Files.readAllBytes(serverRoot.resolve("dir/renamed.bin")));
        assertEquals(0, keepsName.exitCode(), keepsName.toString());
        assertArrayEquals(data, Files.readAllBytes(serverRoot.resolve("dir/upload.bin")));
    }

    @Test
    void refusedUploadIsAServerFailureNotALocalOne() throws Exception {
        Files.createDirectories(serverRoot.resolve("dir/taken"));
        Path source = local.resolve("taken");
        Files.write(source, data);

        CliRun run = CliRun.of("put", source.toString(), url("dir/"));

        assertEquals(ExitCode.REMOTE_FAILURE, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        // put runs the transfer queue: the bytes go to taken.part, and renaming it over the folder
        // is refused. The server's failure, never "cannot read" the local file.
        assertTrue(run.err().startsWith("portside: the server refused RNFR taken.part / RNTO taken: 553"), run.err());
        assertTrue(Files.isDirectory(serverRoot.resolve("dir/taken")));
        assertFalse(Files.exists(serverRoot.resolve("dir/taken.part")), "the failed upload's .part is deleted");
    }

    @Test
    void putOfAMissingLocalFileFailsBeforeConnecting() {
        CliRun run = CliRun.of("--log", "-", "put", local.resolve("nope.bin").toString(), url("dir/"));

        assertEquals(ExitCode.LOCAL_FAILURE, run.exitCode(), run.toString());
        assertEquals(List.of("portside: there is no file " + local.resolve("nope.bin")), run.errLines());
    }

    @Test
    void wrongPasswordIsOneLineWith530AndNoStackTrace() {
        String bad = "ftp://" + server.user() + ":wrong-pw@127.0.0.1:" + server.port() + "/dir/data.bin";
        CliRun run = CliRun.of("get", bad, local.resolve("x").toString());

        assertEquals(ExitCode.REMOTE_FAILURE, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith("portside: login as " + server.user() + " failed: 530"), run.err());
        assertFalse(run.err().contains("wrong-pw"), run.err());
        assertFalse(Files.exists(local.resolve("x")) || Files.exists(local.resolve("x.part")));
    }

    @Test
    void debugAddsTheStackTrace() {
        String bad = "ftp://" + server.user() + ":wrong-pw@127.0.0.1:" + server.port() + "/dir/data.bin";
        CliRun run = CliRun.of("--debug", "get", bad, local.resolve("x").toString());

        assertEquals(ExitCode.REMOTE_FAILURE, run.exitCode());
        assertTrue(run.errLines().size() > 1 && run.err().contains("at io.portside."), run.toString());
    }

    @Test
    void passwordNeverAppearsInTheLog() {
        CliRun run = CliRun.of("ls", "--log", "-", url("dir/"));

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.err().contains("->   PASS ********"), run.err());
        assertFalse(run.err().contains(server.password()), run.err());
        assertFalse(run.out().contains(server.password()), run.out());
    }

    private static void assertHandshake(String log) {
        assertTrue(log.contains("TCP  connecting to 127.0.0.1:"), log);
        assertTrue(log.contains("<-   220 "), "the server's greeting\n" + log);
        assertTrue(log.contains("->   USER portside"), log);
        assertTrue(log.contains("->   PASS ********"), log);
        assertTrue(log.contains("<-   230 "), log);
        assertTrue(log.contains("->   TYPE I"), log);
        assertTrue(log.contains("->   QUIT"), "the log is complete to the end\n" + log);
    }

    private void assertClosedWithAllBytes(String log, String connection) {
        Matcher closed = find(log, Pattern.quote(connection) + " +TCP  closed by (server|us): ([\\d,]+) bytes received");
        assertEquals(data.length, Long.parseLong(closed.group(2).replace(",", "")), closed.group());
    }

    private static Matcher find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no line matches /" + regex + "/ in:\n" + text);
        return m;
    }
}
