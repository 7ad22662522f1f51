package io.portside.netlab;

import static io.portside.netlab.LabAssertions.assertContains;
import static io.portside.netlab.LabAssertions.assertRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenarios 4, 5 and 7 on a routed lab without NAT (client 198.18.1.2, server 198.18.0.2, and
 * fd77:1::2 / fd77::2 over IPv6): the router drops or rejects the server's passive range, or
 * new connections towards the client (active mode).
 */
class FirewallLabTest {
    @RegisterExtension
    static final NetLab LAB = new NetLab("fw", "routed");
    static final String URL = "ftp://portside:portside-interop@198.18.0.2/";
    static final String URL6 = "ftp://portside:portside-interop@[fd77::2]:2121/";

    @BeforeAll
    static void servers() throws Exception {
        LAB.server("vsftpd", 21, "40000-40049");
        LAB.server("vsftpd", 2121, "40200-40249", "v6");
    }

    private static LabAssertions.Diagnosis diagnose(String policy, String url) throws Exception {
        LAB.firewall(policy);
        return LabAssertions.diagnose(LAB, url);
    }

    @Test
    void passiveRangeDroppedIsNoAnswerOnTheServersSide() throws Exception {
        LabAssertions.Diagnosis out = diagnose("drop-passive", URL);
        assertRow(out.report(), "PASV", "FAILED");
        assertRow(out.report(), "EPSV", "FAILED");
        assertRow(out.report(), "PORT", "OK");
        assertContains(out.report(), "PASV: the server said it listens on 198.18.0.2:");
        assertContains(out.report(), "but connecting to it got no answer within 3.0 s (a firewall on the server's side drops it)");
        assertContains(out.report(), "Use active mode (PORT)");
        assertContains(out.log(), "timed out");
    }

    @Test
    void passiveRangeRejectedIsRefusedByRst() throws Exception {
        LabAssertions.Diagnosis out = diagnose("reject-passive", URL);
        assertRow(out.report(), "PASV", "FAILED");
        assertContains(out.report(), "but connecting to it was refused (RST: nothing listens there, or a firewall on the server's"
                + " side rejects it");
        assertContains(out.log(), "refused");
    }

    @Test
    void inboundDroppedIsNoAnswerOnOurSide() throws Exception {
        LabAssertions.Diagnosis out = diagnose("drop-inbound", URL);
        assertRow(out.report(), "PASV", "OK");
        assertRow(out.report(), "PORT", "FAILED");
        // vsftpd connects before it answers LIST: silence on both channels, until our 3 s are up
        assertContains(out.report(), "PORT was accepted (200), but after LIST neither the server's connection to 198.18.1.2:");
        assertContains(out.report(), "nor its reply came within 3.0 s: the server was still trying to connect to us");
        assertContains(out.report(), "no answer means an inbound firewall or NAT in front of us drops its connection");
        assertContains(out.report(), "Do not use active mode from this network");
    }

    @Test
    void inboundRejectedIsReportedAtOnceByTheServer() throws Exception {
        LabAssertions.Diagnosis out = diagnose("reject-inbound", URL);
        assertRow(out.report(), "PORT", "FAILED");
        assertContains(out.report(), "PORT was accepted, but the server reported after only");
        assertContains(out.report(), "that it could not connect to 198.18.1.2:");
        assertContains(out.report(), "(\"425 Failed to establish connection.\"): its connection was refused (RST: a firewall on"
                + " our side rejects it, or nothing listens there)");
    }

    @Test
    void ipv6UsesEpsvAndEprtAndTellsDropsApart() throws Exception {
        LabAssertions.Diagnosis open = diagnose("open", URL6);
        assertContains(open.report(), "Control: fd77:1::2 -> fd77::2");
        assertRow(open.report(), "EPSV", "OK");
        assertRow(open.report(), "EPRT", "OK");
        LabAssertions.Diagnosis dropped = diagnose("drop-inbound", URL6);
        assertRow(dropped.report(), "EPSV", "OK");
        assertRow(dropped.report(), "EPRT", "FAILED");
        assertContains(dropped.report(), "EPRT was accepted (200), but after LIST neither the server's connection to [fd77:1::2]:");
        assertContains(dropped.report(), "no answer means an inbound firewall or NAT in front of us drops its connection");
                assertContains(dropped.log(), "EPRT |2|fd77:1::2|");
    }
}
