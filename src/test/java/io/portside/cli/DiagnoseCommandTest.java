package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.testing.FakeFtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DiagnoseCommandTest {
    @TempDir Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void printsTheRedactedReportAndWritesTheLog() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().on("EPSV", FakeFtpServer.reply("500 unknown command")).start()) {
            Path log = dir.resolve("diag.log");
            CliRun r = run("diagnose", "ftp://test:secret@127.0.0.1:" + fake.port() + "/", "--redact", "--timeout", "2",
                    "--log", log.toString());
            assertEquals(0, r.exitCode(), r.toString());
            assertTrue(r.out().startsWith("Portside connection diagnosis\nServer:  ftp://test@<server>:" + fake.port()),
                    r.out());
            assertTrue(r.out().contains("EPSV     FAILED"), r.out());
            assertTrue(r.out().contains("PASV     OK"), r.out());
            assertFalse(r.out().contains("127.0.0.1") || r.out().contains("secret"), r.out());
            String logText = Files.readString(log);
            assertTrue(logText.contains("-> ") && logText.contains("EPSV") && logText.contains("PASS ********"), logText);
            assertFalse(logText.contains("secret"), logText);
        }
    }

    @Test
    void exitsWithOneWhenNoMethodWorks() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer()
                .on("PASV", FakeFtpServer.reply("502 no passive")).on("EPSV", FakeFtpServer.reply("502 no"))
                .on("PORT", FakeFtpServer.reply("502 no active")).on("EPRT", FakeFtpServer.reply("502 no")).start()) {
            CliRun r = run("diagnose", "ftp://test:secret@127.0.0.1:" + fake.port(), "--timeout", "2");
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(r.out().replaceAll("\\s+", " ").contains("No data-connection method works"), r.out());
            assertTrue(r.out().replaceAll("\\s+", " ").contains("PASV was refused (the server answered \"502 no"
                    + " passive\"): the server does not offer passive mode."), r.out());
        }
    }

    @Test
    void wrongCommandLinesAreUsageErrors() {
        assertEquals(2, run("diagnose").exitCode());
        assertEquals(2, run("diagnose", "ftp://h", "--timeout", "soon").exitCode());
        CliRun r = run("diagnose", "not a url");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("portside: "), r.err());
    }
}
