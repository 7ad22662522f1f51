package io.portside.netlab;

import static io.portside.netlab.LabAssertions.assertContains;
import static io.portside.netlab.LabAssertions.assertRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenarios 1 and 2 of the lab: the client 10.77.0.2 behind a masquerading router, vsftpd on
 * 198.18.0.2 (bounce protection on, AUTH TLS offered, plain FTP allowed). Without the router's
 * FTP helper PORT/EPRT are refused; with it they work in plain FTP and fail over FTPS.
 */
class ClientNatLabTest {
    @RegisterExtension
    static final NetLab LAB = new NetLab("cnat", "client-nat");
    static final String URL = "ftp://portside:portside-interop@198.18.0.2/";
    static String fingerprint;

    @BeforeAll
    static void servers() throws Exception {
        LAB.server("vsftpd", 21, "40000-40049", "tls-optional");
        fingerprint = LAB.tlsFingerprint();
    }

    private static NetLab.Run diagnose(Path log) throws Exception {
        return LAB.portside(Duration.ofSeconds(90), "diagnose", "--timeout", "3", "--trust-fingerprint", fingerprint,
                "--log", log.toString(), URL);
    }

    @Test
    void behindNatWithoutHelperPortIsRefusedAndTheDoctorSaysWhyWithCertainty() throws Exception {
        LAB.firewall("masq");
        Path log = Files.createTempFile("netlab-masq", ".log");
        NetLab.Run r = diagnose(log);
        assertEquals(0, r.exit(), r.toString());
        String out = LabAssertions.flat(r.out());
        assertRow(out, "PASV", "OK");
        assertRow(out, "EPSV", "OK");
        assertRow(out, "PORT", "FAILED");
        assertRow(out, "EPRT", "FAILED");
        assertRow(out, "TLS PASV", "OK");
        assertRow(out, "TLS PORT", "FAILED");
        assertContains(out, "PORT was refused (the server answered \"500 Illegal PORT command.\"): we are behind NAT."
                + " Our address 10.77.0.2 is private and the server's 198.18.0.2 is public");
        assertContains(out, "EPRT was refused (the server answered \"500 Illegal EPRT command.\"): we are behind NAT.");
        assertContains(out, "The server lists EPRT in its FEAT reply, so this is a refusal, not a missing command.");
        assertFalse(out.contains("not supported"), out);
        assertFalse(out.contains(" either "), "certain, not either/or: " + out);
        assertContains(out, "We are behind NAT (our address 10.77.0.2 is private): use passive mode.");
        String logText = LabAssertions.flat(Files.readString(log));
        assertContains(logText, "! we advertise our private address 10.77.0.2 to the public server 198.18.0.2: we are"
                + " behind NAT, so the server cannot reach 10.77.0.2 unless the router's FTP helper rewrites our PORT command");
        assertContains(logText, "! the server refused PORT with our private address 10.77.0.2: it sees us under our NAT"
                + " router's public address");
        Files.deleteIfExists(log);
    }

    @Test
    void helperRewritesPortInPlainFtpButNotOverTls() throws Exception {
        LAB.firewall("masq-helper");
        Path log = Files.createTempFile("netlab-helper", ".log");
        NetLab.Run r = diagnose(log);
        assertEquals(0, r.exit(), r.toString());
        String out = LabAssertions.flat(r.out());
        assertRow(out, "PORT", "OK");
        assertRow(out, "EPRT", "OK");
        assertRow(out, "TLS PASV", "OK");
        assertRow(out, "TLS PORT", "FAILED");
        assertRow(out, "TLS EPRT", "FAILED");
        assertContains(out, "PORT worked although our address 10.77.0.2 is private and the server's 198.18.0.2 is"
                + " public: the router's FTP helper (ALG) read our PORT command, rewrote our address");
        assertContains(out, "PORT over TLS failed while plain PORT worked: the router's FTP helper rewrites PORT only"
                + " when it can read it; TLS hides the command, so the server got our private address 10.77.0.2");
        assertContains(out, "Over FTPS use passive mode: active mode here relies on the router's FTP helper");
        String logText = LabAssertions.flat(Files.readString(log));
        assertContains(logText, "i the server connected to us although we advertised the private address 10.77.0.2:"
                + " the router's FTP helper rewrote our PORT command");
        assertContains(logText, "! we advertise our private address 10.77.0.2 to the public server 198.18.0.2 over TLS:"
                + " we are behind NAT, and a router's FTP helper cannot read (or rewrite) the encrypted PORT command");
        Files.deleteIfExists(log);
    }
}
