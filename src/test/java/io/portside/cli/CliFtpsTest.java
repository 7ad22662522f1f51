package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.TestCertificates;
import io.portside.server.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CliFtpsTest {
    @TempDir Path serverRoot;
    @TempDir Path local;
    @TempDir Path keys;

    @Test
    void ftpesGetNeedsTheFingerprintAndThenWorks() throws Exception {
        Path keystore = TestCertificates.create(keys, "cli");
        String fingerprint = TestCertificates.fingerprint(keystore);
        byte[] data = "encrypted payload".getBytes();
        Files.write(serverRoot.resolve("f.txt"), data);
        try (SandboxServer s = SandboxServer.start(serverRoot, "u", "pw", SandboxServer.NetworkQuirks.NONE,
                new SandboxServer.Tls(keystore, TestCertificates.PASSWORD, false))) {
            String url = "ftpes://u:pw@127.0.0.1:" + s.port() + "/f.txt";
            Path target = local.resolve("f.txt");

            CliRun refused = CliRun.of("get", url, target.toString());
            assertEquals(1, refused.exitCode(), refused.toString());
            assertTrue(refused.err().contains("--trust-fingerprint " + fingerprint), refused.err());
            assertFalse(Files.exists(target));

            String pasted = fingerprint.replace(":", "").toLowerCase(Locale.ROOT);
            CliRun ok = CliRun.of("get", "--trust-fingerprint", pasted, "--log", "-", url, target.toString());
            assertEquals(0, ok.exitCode(), ok.toString());
            assertArrayEquals(data, Files.readAllBytes(target));
            assertTrue(ok.err().contains("->   AUTH TLS"), ok.err());
            assertTrue(ok.err().contains("trusted by its fingerprint"), ok.err());
            assertTrue(ok.err().contains("->   PROT P"), ok.err());
        }
    }

    @Test
    void aMalformedFingerprintIsAUsageError() {
        CliRun run = CliRun.of("get", "--trust-fingerprint", "12:34", "ftpes://h/f", "x");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("not a SHA-256 fingerprint"), run.err());
    }
}
