package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEvent.TlsEstablished;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.tls.CertificateInfo;
import io.portside.ftp.tls.FingerprintFile;
import io.portside.ftp.tls.FingerprintStore;
import io.portside.ftp.tls.TlsPolicy;
import io.portside.ftp.tls.TrustDecision;
import io.portside.ftp.tls.TrustPrompt;
import io.portside.server.SandboxServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Explicit and implicit FTPS against the embedded server, and the certificate decisions. */
class FtpsTest {
    @TempDir static Path keys;
    static Path keystore;
    static String fingerprint;
    @TempDir Path root;
    @TempDir Path config;
    final ProtocolEventBus bus = new ProtocolEventBus();

    @BeforeAll
    static void makeCertificate() throws Exception {
        keystore = TestCertificates.create(keys, "a");
        fingerprint = TestCertificates.fingerprint(keystore);
    }

    SandboxServer server(boolean implicit) throws Exception {
        return SandboxServer.start(root, "tls-user", "tls-pw", SandboxServer.NetworkQuirks.NONE,
                new SandboxServer.Tls(keystore, TestCertificates.PASSWORD, implicit));
    }

    Site site(SandboxServer s, Protocol p) {
        return new Site(p, s.host(), s.port(), s.user(), s.password());
    }

    /** FileZilla's default: TLS when the server offers it, plain FTP with a warning when it refuses. */
    @Test
    void tlsIfAvailableTakesTlsWhereOfferedAndPlainFtpWhereRefused() throws Exception {
        TlsPolicy trustOnce = new TlsPolicy(Set.of(), FingerprintStore.NONE, (hp, cert, prev) -> TrustDecision.ONCE);
        Files.writeString(root.resolve("f.txt"), "payload");
        try (SandboxServer s = server(false);
             FtpSession session = FtpSession.open(site(s, Protocol.FTP_TLS_IF_AVAILABLE),
                     SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), bus, "", trustOnce)) {
            assertTrue(session.isSecure(), "the server offered TLS: it is used");
            assertTrue(session.tlsVersion().startsWith("TLSv1."), session.tlsVersion());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SessionCopy.download(session, "f.txt", 0, out);
            assertEquals("payload", out.toString());
        }
        // the sandbox without a certificate answers AUTH TLS with 431
        try (SandboxServer s = SandboxServer.start(root, "u", "p"); EventRecorder events = new EventRecorder(bus);
             FtpSession session = FtpSession.open(site(s, Protocol.FTP_TLS_IF_AVAILABLE),
                     SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), bus, "", trustOnce)) {
            assertEquals(false, session.isSecure());
            assertNull(session.tlsVersion());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SessionCopy.download(session, "f.txt", 0, out);
            assertEquals("payload", out.toString(), "the plain session works");
            var warning = events.await(io.portside.ftp.event.ProtocolEvent.Notice.class,
                    n -> n.key().equals("tls.unavailable"));
            String line = new LogFormatter(Locale.ENGLISH).format(warning).text();
            assertTrue(line.startsWith("the server refused TLS (431"), line);
            assertTrue(line.contains("continuing in plain FTP"), line);
        }
        // FTPES insists: the same refusal is a failure
        try (SandboxServer s = SandboxServer.start(root, "u", "p")) {
            FtpException e = assertThrows(FtpException.class, () -> FtpSession.open(site(s, Protocol.FTPES),
                    SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), bus, "", trustOnce));
            assertTrue(e.getMessage().contains("431"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"FTPES,PASSIVE", "FTPES,ACTIVE", "FTPS,PASSIVE", "FTPS,ACTIVE"})
    void transfersAreEncryptedAndByteExact(Protocol protocol, DataMode mode) throws Exception {
        byte[] content = FtpSessionOperationsTest.randomBytes(150_000);
        List<CertificateInfo> asked = new ArrayList<>();
        TlsPolicy policy = new TlsPolicy(Set.of(), FingerprintStore.NONE, (hp, cert, prev) -> {
            asked.add(cert);
            return TrustDecision.ONCE;
        });
        try (SandboxServer s = server(protocol == Protocol.FTPS); EventRecorder events = new EventRecorder(bus)) {
            try (FtpSession session = FtpSession.open(site(s, protocol), SandboxFixture.fast(mode, ExtendedMode.AUTO),
                    bus, "", policy)) {
                assertTrue(session.isSecure());
                SessionCopy.upload(session, new ByteArrayInputStream(content), "secret.bin", 0);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                SessionCopy.download(session, "secret.bin", 0, out);
                assertArrayEquals(content, out.toByteArray());
            }
            assertArrayEquals(content, Files.readAllBytes(root.resolve("secret.bin")));
            assertEquals(1, asked.size(), "asked once per session, not again for each data connection");
            assertEquals(fingerprint, asked.get(0).sha256());
            assertTrue(asked.get(0).hostMatches());
            assertTrue(asked.get(0).problem() != null, "the system's trust store does not know a self-signed certificate");
            TlsEstablished control = events.await(TlsEstablished.class, t -> t.connection().isControl());
            assertNull(control.resumed());
            assertEquals(fingerprint, control.sha256());
            TlsEstablished data = events.await(TlsEstablished.class, t -> !t.connection().isControl());
            assertTrue(data.resumed() != null);
            // the download's data connection was ended by the server (its TLS close_notify)
            events.await(io.portside.ftp.event.ProtocolEvent.TcpClosed.class, c -> !c.connection().isControl()
                    && c.by() == io.portside.ftp.event.ClosedBy.SERVER && c.bytesReceived() > content.length);
            String line = new LogFormatter(Locale.ENGLISH).format(control).text();
            assertTrue(line.startsWith("TLS " + control.protocol() + " established"), line);
            assertTrue(line.contains("trusted once by the user's choice"), line);
        }
    }

    @Test
    void untrustedCertificateIsRefusedWithHowToTrustIt() throws Exception {
        try (SandboxServer s = server(false)) {
            FtpException e = assertThrows(FtpException.class, () -> FtpSession.open(site(s, Protocol.FTPES),
                    SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), bus, "", TlsPolicy.systemOnly()));
            assertTrue(e.getMessage().contains("is not trusted"), e.getMessage());
            assertTrue(e.getMessage().contains("--trust-fingerprint " + fingerprint), e.getMessage());
        }
    }

    @Test
    void aPinnedFingerprintInAnyFormatIsTrustedWithoutAsking() throws Exception {
        String pasted = fingerprint.replace(":", "").toLowerCase(Locale.ROOT);
        TrustPrompt never = (hp, c, p) -> {
            throw new AssertionError("must not ask");
        };
        try (SandboxServer s = server(false); FtpSession session = FtpSession.open(site(s, Protocol.FTPES),
                SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), bus, "",
                new TlsPolicy(Set.of(pasted), FingerprintStore.NONE, never))) {
            assertEquals("/", session.pwd());
        }
    }

    @Test
    void trustAlwaysIsRememberedAndAChangedCertificateIsALoudWarning() throws Exception {
        FingerprintFile store = new FingerprintFile(config.resolve("trusted-certificates.properties"));
        try (SandboxServer s = server(false)) {
            String hostPort = s.host() + ":" + s.port();
            TlsPolicy always = new TlsPolicy(Set.of(), store, (hp, c, p) -> TrustDecision.ALWAYS);
            FtpSession.open(site(s, Protocol.FTPES), SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), bus, "",
                    always).close();
            assertEquals(fingerprint, store.get(hostPort));

            // remembered: no question next time, even for a policy without a prompt
            FtpSession.open(site(s, Protocol.FTPES), SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), bus, "",
                    new TlsPolicy(Set.of(), store, null)).close();

            // the stored fingerprint no longer matches: as if the server's certificate changed
            // (the certificate is made afresh each run: a fixed "AA:" prefix matched it one run in 256)
            String old = (fingerprint.startsWith("AA") ? "BB:" : "AA:") + fingerprint.substring(3);
            store.put(hostPort, old);
            FtpException e = assertThrows(FtpException.class, () -> FtpSession.open(site(s, Protocol.FTPES),
                    SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), bus, "", new TlsPolicy(Set.of(), store, null)));
            assertTrue(e.getMessage().contains("CHANGED since you trusted it"), e.getMessage());
            List<String> previous = new ArrayList<>();
            FtpException rejected = assertThrows(FtpException.class, () -> FtpSession.open(site(s, Protocol.FTPES),
                    SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), bus, "", new TlsPolicy(Set.of(), store,
                            (hp, c, p) -> {
                                previous.add(p);
                                return TrustDecision.REJECT;
                            })));
            assertEquals(List.of(old), previous, "the user is shown the fingerprint trusted before");
            assertTrue(rejected.getMessage().contains("did not trust"), rejected.getMessage());
            assertEquals(old, store.get(hostPort), "a rejected certificate changes nothing");
        }
    }

    @Test
    void fingerprintsAreAcceptedAsUsersPasteThem() {
        String canonical = fingerprint;
        assertEquals(canonical, CertificateInfo.normalizeFingerprint("SHA256 Fingerprint=" + canonical));
        assertEquals(canonical, CertificateInfo.normalizeFingerprint(canonical.replace(":", "").toLowerCase(Locale.ROOT)));
        assertThrows(IllegalArgumentException.class, () -> CertificateInfo.normalizeFingerprint("AB:CD"));
    }

    @Test
    void theSessionSaysWhichTlsVersionItRunsAndPlainFtpSaysNone() throws Exception {
        TlsPolicy pinned = new TlsPolicy(Set.of(fingerprint), FingerprintStore.NONE, null);
        try (SandboxServer s = server(false); EventRecorder events = new EventRecorder(bus);
             FtpSession session = FtpSession.open(site(s, Protocol.FTPES),
                     SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), bus, "w1", pinned)) {
            TlsEstablished control = events.await(TlsEstablished.class, t -> t.connection().isControl());
            assertTrue(control.protocol().startsWith("TLSv1."), control.protocol());
            assertEquals(control.protocol(), session.tlsVersion(), "any owner, not only the window's \"browse\"");
        }
        try (SandboxServer s = SandboxServer.start(root, "u", "p");
             FtpSession plain = FtpSession.open(new Site(Protocol.FTP, s.host(), s.port(), "u", "p"),
                     SandboxFixture.fast(DataMode.PASSIVE, ExtendedMode.AUTO), bus, "browse")) {
            assertNull(plain.tlsVersion());
        }
    }
}
