package io.portside.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.Site;
import io.portside.ftp.TestCertificates;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.tls.FingerprintStore;
import io.portside.ftp.tls.TlsPolicy;
import io.portside.server.SandboxServer;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On an ftp:// diagnosis of a server that offers AUTH TLS, the doctor also lists over TLS. */
class DoctorTlsTest {
    @TempDir Path root;
    @TempDir Path keys;

    @Test
    void aServerOfferingAuthTlsIsTriedOverTls() throws Exception {
        Path keystore = TestCertificates.create(keys, "doctor");
        String fingerprint = TestCertificates.fingerprint(keystore);
        try (SandboxServer srv = SandboxServer.start(root, "u", "pw", SandboxServer.NetworkQuirks.NONE,
                new SandboxServer.Tls(keystore, TestCertificates.PASSWORD, false))) {
            Site site = Site.ftp(srv.host(), srv.port(), "u", "pw");

            DiagnosisReport trusted = new ConnectionDoctor(site, ConnectionDoctorTest.FAST, new ProtocolEventBus(),
                    new TlsPolicy(Set.of(fingerprint), FingerprintStore.NONE, null)).run();
            String text = trusted.toText(false);
            assertEquals(AttemptOutcome.OK, trusted.tlsAttempt().outcome(), text);
            assertTrue(trusted.tls().startsWith("AUTH TLS works: a listing over TLS"), text);
            assertTrue(text.contains("TLS      OK"), text);

            DiagnosisReport untrusted = new ConnectionDoctor(site, ConnectionDoctorTest.FAST, new ProtocolEventBus(),
                    TlsPolicy.systemOnly()).run();
            assertEquals(AttemptOutcome.FAILED, untrusted.tlsAttempt().outcome());
            assertTrue(untrusted.tls().contains("--trust-fingerprint " + fingerprint), untrusted.tls());
            assertTrue(!untrusted.toText(false).contains("pw@"), "no password in the report");
        }
    }

    @Test
    void inChineseTheTlsSentenceTheRefusedCertificateAndTheLogsTrustLineAreChinese() throws Exception {
        Path keystore = TestCertificates.create(keys, "doctor-zh");
        String fingerprint = TestCertificates.fingerprint(keystore);
        java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;
        io.portside.ftp.event.LogFormatter log = new io.portside.ftp.event.LogFormatter(zh);
        try (SandboxServer srv = SandboxServer.start(root, "u", "pw", SandboxServer.NetworkQuirks.NONE,
                new SandboxServer.Tls(keystore, TestCertificates.PASSWORD, false))) {
            Site site = Site.ftp(srv.host(), srv.port(), "u", "pw");
            DiagnosisReport trusted = new ConnectionDoctor(site, ConnectionDoctorTest.FAST, new ProtocolEventBus(),
                    new TlsPolicy(Set.of(fingerprint), FingerprintStore.NONE, null), zh).run();
            assertTrue(trusted.tls().startsWith("AUTH TLS 可用：通过 TLS（ftpes://，PASV）列目录用时"), trusted.tls());
            String established = trusted.tlsAttempt().events().stream()
                    .filter(e -> e instanceof io.portside.ftp.event.ProtocolEvent.TlsEstablished)
                    .map(e -> log.format(e).text()).findFirst().orElseThrow();
            assertTrue(established.endsWith("按指纹信任（在命令行中给出）"), established);
            assertTrue(trusted.toText(false).contains("\nTLS      成功"), trusted.toText(false));

            DiagnosisReport untrusted = new ConnectionDoctor(site, ConnectionDoctorTest.FAST, new ProtocolEventBus(),
                    TlsPolicy.systemOnly(), zh).run();
            assertTrue(untrusted.tls().contains(":" + srv.port() + " 的证书不受信任"), untrusted.tls());
            assertTrue(untrusted.tls().contains("请用 --trust-fingerprint " + fingerprint + " 信任它"), untrusted.tls());
            String failed = untrusted.tlsAttempt().events().stream()
                    .filter(e -> e instanceof io.portside.ftp.event.ProtocolEvent.TlsFailed)
                    .map(e -> log.format(e).text()).findFirst().orElseThrow();
            assertTrue(failed.contains("的证书不受信任"), failed);
        }
    }

    @Test
    void noAuthTlsMeansNoTlsAttempt() throws Exception {
        try (io.portside.testing.FakeFtpServer fake = new io.portside.testing.FakeFtpServer().features("EPSV").start()) {
            DiagnosisReport r = new ConnectionDoctor(Site.ftp(fake.host(), fake.port(), fake.user(), fake.password()),
                    ConnectionDoctorTest.FAST, new ProtocolEventBus()).run();
            assertNull(r.tlsAttempt());
            assertTrue(r.tls().startsWith("not tested: the server does not offer AUTH TLS"), r.tls());
        }
    }
}
