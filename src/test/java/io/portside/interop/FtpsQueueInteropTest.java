package io.portside.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.cli.Cli;
import io.portside.interop.InteropServers.ServerInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transfer queue (through the command line's mirror, as the window's drags use it) against
 * the TLS vsftpd with {@code require_ssl_reuse=YES}. Its data connections cannot resume the
 * control connection's TLS 1.3 session, so the first transfer fails with 522; the session must
 * say why, reconnect with TLS 1.2, and the queue's retry must then move every file byte-exact
 * over data connections that resume the control session. Both directions, passive and active.
 */
class FtpsQueueInteropTest {
    private static final Pattern DATA_TLS = Pattern.compile("data#\\S+\\s+TLS\\s+TLS (TLSv1\\.[23]) .*?, (NEW session|session of the control connection resumed)");
    private static String fingerprint;
    @TempDir Path tmp;
    private Path scratch;

    @BeforeAll
    static void certificate() throws Exception {
        InteropServers.require();
        fingerprint = InteropServers.tlsFingerprint();
    }

    @AfterEach
    void tidy() throws Exception {
        if (scratch != null) {
            FtpSessionInteropTest.deleteTree(scratch);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"passive", "active"})
    void mirrorUpAndDownFallsBackToTls12AndEveryFileArrives(String mode) throws Exception {
        ServerInfo s = InteropServers.tls();
        String dir = "ftps-queue-" + mode + "-" + Long.toHexString(System.nanoTime());
        scratch = s.onDisk(dir);
        Path up = Files.createDirectories(tmp.resolve("up"));
        Random random = new Random(mode.length());
        List<String> names = List.of("a.bin", "b.bin", "c.bin");
        for (String n : names) {
            byte[] b = new byte[50_000 + random.nextInt(200_000)];
            random.nextBytes(b);
            Files.write(up.resolve(n), b);
        }
        String url = "ftpes://" + s.user() + ":" + s.password() + "@" + s.host() + ":" + s.port() + "/" + dir;

        String upLog = run("mirror", "--reverse", "--mode", mode, "--parallel", "1", up.toString(), url);
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(up.resolve(n)), Files.readAllBytes(scratch.resolve(n)), n + "\n" + upLog);
        }
        assertTrue(upLog.contains("Reconnecting with TLS 1.2"), "the fallback is explained:\n" + upLog);
        assertEveryDataConnectionAfterTheFallbackResumed(upLog, names.size());

        Path down = tmp.resolve("down");
        String downLog = run("mirror", "--mode", mode, "--parallel", "2", url, down.toString());
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(up.resolve(n)), Files.readAllBytes(down.resolve(n)), n + "\n" + downLog);
        }
        assertFalse(Files.list(down).anyMatch(p -> p.toString().endsWith(".part")), downLog);
        // The session that lists falls back; the second worker, opened after, starts with TLS 1.2.
        assertEquals(1, downLog.split("Reconnecting with TLS 1.2", -1).length - 1, downLog);
        assertEveryDataConnectionAfterTheFallbackResumed(downLog, names.size());
    }

    private static void assertEveryDataConnectionAfterTheFallbackResumed(String log, int files) {
        Matcher m = DATA_TLS.matcher(log);
        int resumed12 = 0;
        boolean after = false;
        while (m.find()) {
            if (m.group(1).equals("TLSv1.2")) {
                after = true;
                assertEquals("session of the control connection resumed", m.group(2), log);
                resumed12++;
            } else {
                assertFalse(after, "no TLS 1.3 data connection after the fallback:\n" + log);
            }
        }
        assertTrue(resumed12 >= files, "each file over a resumed TLS 1.2 data connection:\n" + log);
    }

    private static String run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args[0], "--log", "-", "--trust-fingerprint=" + fingerprint));
        all.addAll(List.of(args).subList(1, args.length));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        return text;
    }
}
