package io.portside.netlab;

import static io.portside.netlab.LabAssertions.assertContains;
import static io.portside.netlab.LabAssertions.assertRow;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenarios 1, 2 and 6 of the lab: the client 10.77.0.2 behind a masquerading router, vsftpd on
 * 198.18.0.2 (bounce protection on, AUTH TLS offered, plain FTP allowed). Without the router's
 * FTP helper PORT/EPRT are refused; with it they work in plain FTP and fail over FTPS. A vsftpd
 * without bounce protection accepts the private address and then cannot reach it; one whose
 * PASV names a third host is not followed there.
 */
class ClientNatLabTest {
    @RegisterExtension
    static final NetLab LAB = new NetLab("cnat", "client-nat");
    static final String URL = "ftp://portside:portside-interop@198.18.0.2";

    @BeforeAll
    static void servers() throws Exception {
        LAB.server("vsftpd", 21, "40000-40049", "tls-optional");
        LAB.server("vsftpd", 2121, "40200-40249", "promiscuous");
        LAB.server("vsftpd", 2122, "40300-40349", "pasv=198.18.0.99");
    }

    @Test
    void behindNatWithoutHelperPortIsRefusedAndTheDoctorSaysWhyWithCertainty() throws Exception {
        LAB.firewall("masq");
        LabAssertions.Diagnosis d = LabAssertions.diagnose(LAB, URL + "/", "--trust-fingerprint", LAB.tlsFingerprint());
        assertRow(d.report(), "PASV", "OK");
        assertRow(d.report(), "EPSV", "OK");
        assertRow(d.report(), "PORT", "FAILED");
        assertRow(d.report(), "EPRT", "FAILED");
        assertRow(d.report(), "TLS PASV", "OK");
        assertRow(d.report(), "TLS PORT", "FAILED");
        assertContains(d.report(), "PORT was refused (the server answered \"500 Illegal PORT command.\"): we are behind"
                + " NAT. Our address 10.77.0.2 is private and the server's 198.18.0.2 is public");
        assertContains(d.report(), "EPRT was refused (the server answered \"500 Illegal EPRT command.\"): we are behind NAT.");
        assertContains(d.report(), "The server lists EPRT in its FEAT reply, so this is a refusal, not a missing command.");
        assertFalse(d.report().contains("not supported"), d.report());
        assertFalse(d.report().contains(" either "), "certain, not either/or: " + d.report());
        assertContains(d.report(), "We are behind NAT (our address 10.77.0.2 is private): use passive mode.");
        assertContains(d.log(), "! we advertise our private address 10.77.0.2 to the public server 198.18.0.2: we are"
                + " behind NAT, so the server cannot reach 10.77.0.2 unless the router's FTP helper rewrites our PORT command");
        assertContains(d.log(), "! the server refused PORT with our private address 10.77.0.2: it sees us under our NAT"
                + " router's public address");
    }

    @Test
    void helperRewritesPortInPlainFtpButNotOverTls() throws Exception {
        LAB.firewall("masq-helper");
        LabAssertions.Diagnosis d = LabAssertions.diagnose(LAB, URL + "/", "--trust-fingerprint", LAB.tlsFingerprint());
        assertRow(d.report(), "PORT", "OK");
        assertRow(d.report(), "EPRT", "OK");
        assertRow(d.report(), "TLS PASV", "OK");
        assertRow(d.report(), "TLS PORT", "FAILED");
        assertRow(d.report(), "TLS EPRT", "FAILED");
        assertContains(d.report(), "PORT worked although our address 10.77.0.2 is private and the server's 198.18.0.2 is"
                + " public: the router's FTP helper (ALG) read our PORT command, rewrote our address");
        assertContains(d.report(), "PORT over TLS failed while plain PORT worked: the router's FTP helper rewrites PORT"
                + " only when it can read it; TLS hides the command, so the server got our private address 10.77.0.2");
        assertContains(d.report(), "Over FTPS use passive mode: active mode here relies on the router's FTP helper");
        assertContains(d.log(), "i the server connected to us although we advertised the private address 10.77.0.2:"
                + " the router's FTP helper rewrote our PORT command");
        assertContains(d.log(), "! we advertise our private address 10.77.0.2 to the public server 198.18.0.2 over TLS:"
                + " we are behind NAT, and a router's FTP helper cannot read (or rewrite) the encrypted PORT command");
    }

    @Test
    void serverWithoutBounceProtectionAcceptsThePrivateAddressAndCannotReachIt() throws Exception {
        LAB.firewall("masq");
        LabAssertions.Diagnosis d = LabAssertions.diagnose(LAB, URL + ":2121/");
        assertRow(d.report(), "PASV", "OK");
        assertRow(d.report(), "PORT", "FAILED");
        assertContains(d.report(), "PORT was accepted (200), but after LIST neither the server's connection to 10.77.0.2:");
        assertContains(d.report(), "We are behind NAT (our address 10.77.0.2 is private, the server's 198.18.0.2 public):"
                + " without a forwarded port the router has nowhere to send the server's connection.");
        assertContains(d.log(), "200 PORT command successful.");
    }

    @Test
    void pasvNamingAThirdHostIsNotFollowed() throws Exception {
        LAB.firewall("masq");
        LabAssertions.Diagnosis d = LabAssertions.diagnose(LAB, URL + ":2122/");
        assertRow(d.report(), "PASV", "OK");
        assertContains(d.report(), "PASV: the reply named the address 198.18.0.99:");
        assertContains(d.report(), "while the control connection goes to 198.18.0.2 (a wrongly configured external"
                + " address, or an attempt to make us connect to a third host: FTP bounce). Portside does not connect to"
                + " a third host. Connecting to the control address 198.18.0.2:");
        assertContains(d.log(), "227 Entering Passive Mode (198,18,0,99,");
        assertFalse(d.log().contains("connecting 10.77.0.2 -> 198.18.0.99") || d.log().contains("-> 198.18.0.99:"),
                "never a connection to the third host: " + d.log());
    }
}
