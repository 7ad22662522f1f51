package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.diagnose.ProbeCheck;
import io.portside.diagnose.ProbeResult;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.probe.ProbeServer;
import io.portside.testing.FakeFtpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code portside diagnose --probe} against a probe running in this JVM on 127.0.0.1, and the
 * command line of {@code probe-server}: the words printed and the exit code.
 */
@Timeout(60)
class ProbeCommandTest {
    static ProbeServer probe() throws Exception {
        return ProbeServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                ProbeServer.Limits.defaults(ProbeServer.Limits.DEFAULT_PASSIVE), line -> { });
    }

    static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void diagnoseProbeSaysWhatTheProbeSawOnLoopback() throws Exception {
        try (ProbeServer probe = probe()) {
            CliRun r = CliRun.of("diagnose", "--timeout", "5", "--probe", "127.0.0.1:" + probe.address().getPort());
            assertEquals(0, r.exitCode(), r.toString());
            String out = flat(r.out());
            assertTrue(out.startsWith("Portside probe check Probe: 127.0.0.1:" + probe.address().getPort()), out);
            assertTrue(out.contains("PORT OK") && out.contains("EPSV OK"), out);
            assertTrue(out.contains("The probe at 127.0.0.1 saw our connection come from 127.0.0.1, our own address:"
                    + " there is no NAT between us and the probe."), out);
            assertTrue(out.contains("PORT arrived at the probe exactly as we sent it (PORT 127,0,0,1,"), out);
            assertTrue(out.contains("EPRT arrived at the probe exactly as we sent it (EPRT |1|127.0.0.1|"), out);
            assertTrue(out.contains("worked") && out.contains("its marker arrived in our listing"), out);
            assertTrue(out.contains("PASV: we reached the probe's passive port 127.0.0.1:409"), out);
            assertFalse(out.contains("rewrote PORT"), out);
            assertTrue(r.err().contains("diagnose: PORT   OK"), r.err());
        }
    }

    @Test
    void aServerThatIsNoProbeIsNamedSo() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().start()) {
            CliRun r = CliRun.of("diagnose", "--timeout", "3", "--probe", "127.0.0.1:" + fake.port());
            assertTrue(flat(r.out()).contains("The server at 127.0.0.1:" + fake.port() + " is not a Portside probe"), r.toString());
        }
    }

    @Test
    void noProbeListeningIsExit1InWords() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        CliRun r = CliRun.of("diagnose", "--timeout", "2", "--probe", "127.0.0.1:" + free);
        assertEquals(ExitCode.REMOTE_FAILURE, r.exitCode(), r.toString());
        assertTrue(flat(r.out()).contains("Could not connect to the probe and log in (PASV):"), r.toString());
    }

    @Test
    void badAddressesAreUsageErrors() {
        CliRun probe = CliRun.of("diagnose", "--probe", "no-port-here");
        assertEquals(ExitCode.USAGE, probe.exitCode(), probe.toString());
        assertTrue(probe.err().contains("--probe must be HOST:PORT"), probe.err());
        CliRun listen = CliRun.of("probe-server");
        assertEquals(ExitCode.USAGE, listen.exitCode(), listen.toString());
        assertTrue(listen.err().contains("probe-server needs --listen ADDR:PORT"), listen.err());
        CliRun range = CliRun.of("probe-server", "--listen", "127.0.0.1:2121", "--passive-ports", "80-90");
        assertEquals(ExitCode.USAGE, range.exitCode(), range.toString());
        assertTrue(range.err().contains("--passive-ports must be MIN-MAX with ports from 1024"), range.err());
    }

    @Test
    void theFindingsReadInChinese() throws Exception {
        try (ProbeServer probe = probe()) {
            ProbeResult r = new ProbeCheck("127.0.0.1", probe.address().getPort(),
                    SessionOptions.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)),
                    new ProtocolEventBus(), Locale.SIMPLIFIED_CHINESE).run(line -> { });
            String text = r.toText();
            assertTrue(text.contains("位于 127.0.0.1 的探针看到我们的连接来自 127.0.0.1，正是我们自己的地址"), text);
            assertTrue(text.contains("原样到达探针"), text);
        }
    }
}
