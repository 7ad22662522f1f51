package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.server.SandboxServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorCommandTest {
    @TempDir Path tmp;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int mirror(String... args) {
        return MirrorCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
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
            assertTrue(Files.readString(log).contains("w1"), "the log names the workers");

            assertEquals(0, mirror("--reverse", local.toString(), url(srv, "copy"), "--mode", "active"), err::toString);
            assertEquals("alpha", Files.readString(root.resolve("copy/a.txt")));
            assertEquals("beta", Files.readString(root.resolve("copy/sub/b.txt")));

            out.reset();
            assertEquals(0, mirror(url(srv, "tree"), local.toString(), "--on-conflict", "skip"));
            assertTrue(out.toString().contains("2 skipped"), out.toString());
        }
    }

    @Test
    void failedFilesAreNamedAndTheExitCodeIsOne() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("server"));
        Files.createDirectories(root.resolve("tree"));
        Files.writeString(root.resolve("tree/ok.txt"), "fine");
        Files.writeString(root.resolve("tree/clash"), "file on the server");
        Path local = Files.createDirectories(tmp.resolve("local"));
        Files.createDirectories(local.resolve("clash")); // a local folder where the file should go
        try (SandboxServer srv = SandboxServer.start(root)) {
            assertEquals(1, mirror(url(srv, "tree"), local.toString(), "--retries", "0"));
        }
        assertTrue(err.toString().contains("failed: tree/clash"), err.toString());
        assertEquals("fine", Files.readString(local.resolve("ok.txt")));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, mirror("ftp://127.0.0.1/x"));
        assertEquals(2, mirror("ftp://127.0.0.1/x", "dir", "--parallel", "11"));
        assertEquals(2, mirror("ftp://127.0.0.1/x", "dir", "--on-conflict", "maybe"));
        assertTrue(err.toString().contains("--parallel must be a number from 1 to 10"), err.toString());
    }
}
