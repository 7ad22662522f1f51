package io.portside.netlab;

import static io.portside.netlab.LabAssertions.assertContains;
import static io.portside.netlab.LabAssertions.assertRow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenario 3: the servers sit at 10.88.0.2 behind a router (198.18.1.1) that forwards the
 * control ports and the passive range (DNAT); the client is 198.18.1.2. A server that does not
 * know its external address announces 10.88.0.2 in 227; vsftpd's pasv_address, ProFTPD's
 * MasqueradeAddress and Pure-FTPd's -P make each announce 198.18.1.1.
 */
class ServerNatLabTest {
    @RegisterExtension
    static final NetLab LAB = new NetLab("snat", "server-nat");

    @BeforeAll
    static void servers() throws Exception {
        LAB.server("vsftpd", 21, "40000-40049");
        LAB.server("vsftpd", 2121, "40200-40249", "external=198.18.1.1");
        LAB.server("proftpd", 2122, "40050-40099", "external=198.18.1.1");
        LAB.server("pure-ftpd", 2123, "40100-40149", "external=198.18.1.1");
    }

    @Test
    void serverAnnouncingItsPrivateAddressIsNamedWithTheSettingThatFixesIt() throws Exception {
        LabAssertions.Diagnosis d = LabAssertions.diagnose(LAB, "ftp://portside:portside-interop@198.18.1.1/");
        String out = d.report();
        assertRow(out, "PASV", "OK");
        assertContains(out, "listed 2 entries (after replacing the announced address)");
        assertContains(out, "PASV: the reply named the private address 10.88.0.2:");
        assertContains(out, "while the control connection goes to 198.18.1.1 (the server is behind NAT and its external"
                + " address is not configured; the server's admin sets it with vsftpd pasv_address, ProFTPD"
                + " MasqueradeAddress, Pure-FTPd -P or FileZilla Server's passive mode \"public IP\").");
        assertContains(out, "Connecting to the control address 198.18.1.1:");
        assertRow(out, "PORT", "OK");
        assertFalse(out.contains("we are behind NAT"), "the client is not behind NAT here: " + out);
        String logText = d.log();
        assertContains(logText, "227 Entering Passive Mode (10,88,0,2,");
        assertContains(logText, "! the server says it listens on 10.88.0.2:");
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"2121, vsftpd pasv_address", "2122, ProFTPD MasqueradeAddress", "2123, Pure-FTPd -P"})
    void withTheExternalAddressConfiguredPassiveNeedsNoRepair(int port, String setting) throws Exception {
        String out = LabAssertions.diagnose(LAB, "ftp://portside:portside-interop@198.18.1.1:" + port + "/").report();
        assertRow(out, "PASV", "OK");
        assertRow(out, "EPSV", "OK");
        assertFalse(out.contains("after replacing the announced address"), setting + ": " + out);
        assertFalse(out.contains("the reply named"), setting + ": " + out);
    }
}
