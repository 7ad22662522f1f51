package io.portside.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.cli.Cli;
import io.portside.interop.InteropServers.ServerInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code portside diagnose} against the real servers: what a user pasting its report would see. */
class DiagnoseInteropTest {
    @BeforeAll
    static void servers() {
        InteropServers.require();
    }

    static Stream<ServerInfo> plain() {
        return InteropServers.plain().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plain")
    void everyMethodWorksOnAPlainServer(ServerInfo s) {
        String report = diagnose("ftp://" + s.user() + ":" + s.password() + "@" + s.host() + ":" + s.port() + "/");
        for (String method : new String[] {"log in", "PASV", "EPSV", "PORT", "EPRT"}) {
            assertTrue(report.matches("(?s).*\\n" + method + " +OK .*"), method + " works:\n" + report);
        }
        assertTrue(report.contains("Use passive mode"), report);
        assertTrue(!report.contains(s.password()), "no password in the report");
    }

    @Test
    void aServerRequiringTlsSessionReuseIsExplained() throws Exception {
        ServerInfo s = InteropServers.tls();
        String fingerprint = InteropServers.tlsFingerprint();
        String report = diagnose("--trust-fingerprint", fingerprint,
                "ftpes://" + s.user() + ":" + s.password() + "@" + s.host() + ":" + s.port() + "/");
        assertTrue(report.matches("(?s).*\\nTLS +OK .*"), report);
        String flat = report.replaceAll("\\s+", " ");
        assertTrue(flat.contains("data connections TLSv1.2"), report);
        assertTrue(flat.contains("resuming the control connection's TLS session"), report);
        assertTrue(flat.contains("The server requires TLS session reuse"), report);
    }

    private static String diagnose(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "diagnose";
        System.arraycopy(args, 0, all, 1, args.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, report + err.toString(StandardCharsets.UTF_8));
        return report;
    }
}
