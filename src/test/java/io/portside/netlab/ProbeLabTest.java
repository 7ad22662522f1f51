package io.portside.netlab;

import static io.portside.netlab.LabAssertions.assertContains;
import static io.portside.netlab.LabAssertions.assertRow;
import static io.portside.netlab.LabAssertions.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The open probe in the lab (issue 12 §3): {@code portside probe-server} in the server namespace
 * on 198.18.0.2:2124 (a port the router's FTP helper watches), {@code portside diagnose --probe}
 * from the client 10.77.0.2 behind the masquerading router. With the helper the probe proves the
 * rewrite (PORT 10,77,0,2,... arrived as 198,18,0,1,...); without it PORT arrives unchanged,
 * the probe sees the router's address, and its connection back there is refused.
 */
class ProbeLabTest {
    @RegisterExtension
    static final NetLab LAB = new NetLab("probe", "client-nat");
    static final String PROBE = "198.18.0.2:2124";
    private static Process probe;
    private static Path probeOut;

    @BeforeAll
    static void probeServer() throws Exception {
        probeOut = Files.createTempFile("netlab-probe", ".out");
        probe = LAB.startPortside("s", probeOut, "probe-server", "--listen", PROBE, "--passive-ports", "40900-40949");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.readString(probeOut).contains("Portside probe listening on 198.18.0.2:2124")) {
            if (!probe.isAlive() || System.nanoTime() > deadline) {
                fail("the probe did not start: " + Files.readString(probeOut));
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopProbe() throws Exception {
        if (probe != null) {
            probe.destroy();
            probe.waitFor();
        }
        Files.deleteIfExists(probeOut);
    }

    private static String check(String policy) throws Exception {
        LAB.firewall(policy);
        NetLab.Run r = LAB.portside(Duration.ofSeconds(90), "diagnose", "--timeout", "3", "--probe", PROBE);
        assertEquals(0, r.exit(), r.toString()); // passive works either way
        return flat(r.out());
    }

    @Test
    void withTheHelperTheProbeProvesTheRouterRewrotePort() throws Exception {
        String out = check("masq-helper");
        assertRow(out, "PASV", "OK");
        assertRow(out, "PORT", "OK");
        assertContains(out, "The probe at 198.18.0.2 saw our connection come from 198.18.0.1, while our own end of it is"
                + " 10.77.0.2: a NAT router between us and the probe translates our address (NAT).");
        Matcher m = Pattern.compile("our router rewrote PORT 10,77,0,2,(\\d+),(\\d+) into 198,18,0,1,(\\d+),(\\d+)")
                .matcher(out);
        if (!m.find()) {
            fail("expected the rewrite of PORT 10,77,0,2,... into 198,18,0,1,... in:\n" + out);
        }
        int port = Integer.parseInt(m.group(3)) * 256 + Integer.parseInt(m.group(4));
        assertContains(out, "A connection from the probe back to 198.18.0.1:" + port + " worked");
        assertContains(out, "its marker arrived in our listing");
        assertContains(out, "over FTPS it cannot read the command, and active mode will fail there");
        assertFalse(out.contains("PORT arrived at the probe exactly as we sent it"), out);
    }

    @Test
    void withoutTheHelperPortArrivesUnchangedAndTheConnectionBackIsRefused() throws Exception {
        String out = check("masq");
        assertRow(out, "PASV", "OK");
        assertRow(out, "EPSV", "OK");
        assertRow(out, "PORT", "FAILED");
        assertRow(out, "EPRT", "FAILED");
        assertContains(out, "The probe at 198.18.0.2 saw our connection come from 198.18.0.1, while our own end of it is"
                + " 10.77.0.2: a NAT router between us and the probe translates our address (NAT).");
        Matcher m = Pattern.compile("PORT arrived at the probe exactly as we sent it \\(PORT 10,77,0,2,(\\d+),(\\d+)\\):"
                + " nothing on the way rewrote it.").matcher(out);
        if (!m.find()) {
            fail("expected PORT 10,77,0,2,... to arrive unchanged in:\n" + out);
        }
        int port = Integer.parseInt(m.group(1)) * 256 + Integer.parseInt(m.group(2));
        assertContains(out, "It names 10.77.0.2:" + port + ", but the probe connects only to the address our connection"
                + " comes from, so it tried 198.18.0.1:" + port + " instead.");
        assertContains(out, "A connection from the probe back to 198.18.0.1:" + port + " was refused (RST");
        assertContains(out, "EPRT arrived at the probe exactly as we sent it (EPRT |1|10.77.0.2|");
        assertContains(out, "PASV: we reached the probe's passive port 198.18.0.2:");
        assertContains(out, "and the probe saw that data connection come from 198.18.0.1:");
        assertFalse(out.contains("router rewrote"), out);
    }

    @Test
    void theProbeNeverConnectsToTheAddressPortNames() throws Exception {
        // the run above named 10.77.0.2; the probe's own log shows it connected only to the router's address
        check("masq");
        String log = Files.readString(probeOut);
        assertContains(log, "connect back to 198.18.0.1:");
        assertFalse(log.contains("connect back to 10.77.0.2"), log);
    }
}
