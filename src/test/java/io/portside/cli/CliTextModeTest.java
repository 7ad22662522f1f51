package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.server.SandboxServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * --type: text files cross as ASCII (TYPE A) and arrive with this system's line ends; binary
 * (the default) keeps every byte; auto decides by extension. Checked on disk and in the log.
 */
@Timeout(60)
class CliTextModeTest {
    static final String WINDOWS_TEXT = "first line\r\nsecond line\r\n";
    static final byte[] BINARY_WITH_CRLF = {0, 1, '\r', '\n', 2, '\r', '\n', (byte) 0xFF};
    @TempDir Path serverRoot;
    @TempDir Path local;
    SandboxServer server;

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createDirectories(serverRoot.resolve("site"));
        Files.writeString(dir.resolve("index.html"), WINDOWS_TEXT);
        Files.write(dir.resolve("logo.bin"), BINARY_WITH_CRLF);
        server = SandboxServer.start(serverRoot);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url(String path) {
        return CliRun.url(server, path);
    }

    @Test
    void asciiGetConvertsLineEndsAndBinaryKeepsThem() throws Exception {
        Path text = local.resolve("text.html");
        CliRun ascii = CliRun.of("get", "--type", "ascii", "--log", "-", url("site/index.html"), text.toString());
        assertEquals(0, ascii.exitCode(), ascii.toString());
        assertEquals(WINDOWS_TEXT.replace("\r\n", System.lineSeparator()), Files.readString(text));
        assertTrue(ascii.err().contains("->   TYPE A"), ascii.err());

        Path bytes = local.resolve("bytes.html");
        CliRun binary = CliRun.of("get", "--log", "-", url("site/index.html"), bytes.toString());
        assertEquals(0, binary.exitCode(), binary.toString());
        assertArrayEquals(WINDOWS_TEXT.getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(bytes));
        assertTrue(!binary.err().contains("TYPE A"), binary.err());
    }

    @Test
    void autoMirrorsTextAsTextAndEverythingElseByteForByte() throws Exception {
        Path copy = local.resolve("copy");
        CliRun run = CliRun.of("mirror", "--type", "auto", "--parallel", "1", "--log", "-", url("site"), copy.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals(WINDOWS_TEXT.replace("\r\n", System.lineSeparator()), Files.readString(copy.resolve("index.html")));
        assertArrayEquals(BINARY_WITH_CRLF, Files.readAllBytes(copy.resolve("logo.bin")));
        // TYPE A for the page, TYPE I again before the next binary file
        String log = run.err();
        int a = log.indexOf("->   TYPE A");
        assertTrue(a >= 0, log);
        int page = log.indexOf("RETR site/index.html", a);
        int backToBinary = log.indexOf("->   TYPE I", page);
        assertTrue(page > a && backToBinary > page && log.indexOf("RETR site/logo.bin", backToBinary) > backToBinary, log);
    }

    @Test
    void asciiPutSendsTextAndAWrongTypeIsAUsageError() throws Exception {
        Path source = Files.writeString(local.resolve("notes.txt"), "one\ntwo\n");
        CliRun put = CliRun.of("put", "--type", "ascii", "--log", "-", source.toString(), url("site/"));
        assertEquals(0, put.exitCode(), put.toString());
        assertTrue(put.err().contains("->   TYPE A"), put.err());
        assertEquals("one\ntwo\n", Files.readString(serverRoot.resolve("site/notes.txt")).replace("\r\n", "\n"));

        // Auto, into a folder that exists: every SIZE (is the target there?) is asked in binary
        // mode, as servers such as vsftpd refuse SIZE in ASCII mode.
        Files.writeString(local.resolve("logo.bin"), "not text");
        Files.writeString(local.resolve("zebra.bin"), "after the text file");
        // mirror copies only what differs: notes.txt is there already, readme.txt is new text
        Files.writeString(local.resolve("readme.txt"), "new\ntext\n");
        CliRun auto = CliRun.of("mirror", "--reverse", "--type", "auto", "--parallel", "1", "--log", "-",
                local.toString(), url("site"));
        assertEquals(0, auto.exitCode(), auto.toString());
        String lastType = "TYPE I";
        for (String line : auto.err().split("\n")) {
            if (line.contains("->   TYPE ")) {
                lastType = line.substring(line.indexOf("TYPE "));
            } else if (line.contains("->   SIZE ")) {
                assertEquals("TYPE I", lastType.strip(), "SIZE in ASCII mode:\n" + auto.err());
            }
        }
        assertTrue(auto.err().contains("->   TYPE A"), auto.err());

        CliRun wrong = CliRun.of("get", "--type", "ebcdic", url("site/index.html"), local.toString());
        assertEquals(2, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.err().contains("binary, ascii or auto"), wrong.err());
    }
}
