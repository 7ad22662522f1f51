package io.portside.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import io.portside.testing.FakeFtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The doctor against a real server and against fakes that fail in one way each. */
@Timeout(60)
class ConnectionDoctorTest {
    /** Short: the "never connects" case waits this long per active method. */
    static final SessionOptions FAST = SessionOptions.defaults()
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(3));

    @TempDir Path root;

    static DiagnosisReport diagnose(FakeFtpServer fake) {
        return new ConnectionDoctor(Site.ftp(fake.host(), fake.port(), fake.user(), fake.password()), FAST,
                new ProtocolEventBus()).run();
    }

    /** The text with its line wrapping undone, to look for sentences. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    static String explanation(DiagnosisReport r, String prefix) {
        List<String> found = r.explanations().stream().filter(e -> e.startsWith(prefix)).toList();
        assertEquals(1, found.size(), () -> "one explanation for " + prefix + " expected:\n" + r.toText(false));
        return found.get(0);
    }

    @Test
    void embeddedServerEveryMethodWorks() throws Exception {
        Files.writeString(root.resolve("hello.txt"), "hello world");
        try (SandboxServer srv = SandboxServer.start(root)) {
            DiagnosisReport r = new ConnectionDoctor(Site.ftp(srv.host(), srv.port(), srv.user(), srv.password()),
                    FAST, new ProtocolEventBus()).run();
            String text = r.toText(false);
            assertTrue(r.loggedIn(), text);
            for (DataMethod m : DataMethod.values()) {
                Attempt a = r.attempt(m);
                assertEquals(AttemptOutcome.OK, a.outcome(), text);
                assertEquals(1, a.entries(), text);
                assertTrue(a.took().toNanos() > 0, text);
                // each method really used its own command, and nothing else
                List<String> verbs = a.events().stream().filter(e -> e instanceof ProtocolEvent.CommandSent)
                        .map(e -> ((ProtocolEvent.CommandSent) e).verb()).toList();
                assertTrue(verbs.contains(m.name()), text);
                DataMethod.values();
                for (DataMethod other : DataMethod.values()) {
                    assertTrue(other == m || !verbs.contains(other.name()), m + " also sent " + other + ": " + verbs);
                }
            }
            // every plain method works; the one thing to explain is the server's TLS, listed but not set up
            assertEquals(1, r.explanations().size(), text);
            assertTrue(r.explanations().get(0).startsWith("The server lists AUTH TLS in its FEAT reply but refused it"
                    + " (431 Service is unavailable.)"), text);
            assertTrue(r.recommendation().get(0).startsWith("Use passive mode (the default). EPSV works"), text);
            assertTrue(text.contains("PASV     OK"), text);
            assertTrue(text.contains("listed 1 entry"), text);
            assertTrue(text.contains("Control: 127.0.0.1 -> 127.0.0.1"), text);
            assertFalse(text.contains(srv.password()), "the password must never appear");
        }
    }

    @Test
    void passiveReplyNamingAPrivateAddressIsExplainedAndTheControlAddressUsedInstead() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().on("PASV", (c, arg) -> c.enterPassive("10,0,0,5")).start()) {
            DiagnosisReport r = diagnose(fake);
            String text = r.toText(false);
            assertEquals(AttemptOutcome.OK, r.attempt(DataMethod.PASV).outcome(), text);
            String e = explanation(r, "PASV");
            assertTrue(e.contains("the private address 10.0.0.5:"), e);
            assertTrue(e.contains("while the control connection goes to 127.0.0.1"), e);
            assertTrue(e.contains("behind NAT and its external address is not configured"), e);
            assertTrue(e.contains("Connecting to the control address 127.0.0.1:") && e.endsWith("instead worked."), e);
            assertTrue(flat(text).contains("listed 2 entries (after replacing the announced address)"), text);
            assertTrue(String.join(" ", r.recommendation()).contains("configure its external address"), text);
            // we never tried to reach 10.0.0.5: every outbound connection went to loopback
            for (Attempt a : r.attempts()) {
                for (ProtocolEvent ev : a.events()) {
                    if (ev instanceof ProtocolEvent.TcpConnecting c) {
                        assertTrue(c.remote().getAddress().isLoopbackAddress(), c.toString());
                    }
                }
            }
        }
    }

    @Test
    void portAcceptedButNeverConnectedPointsAtAnInboundFirewall() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer()
                .on("PORT", FakeFtpServer.acceptButNeverConnect())
                .on("EPRT", FakeFtpServer.acceptButNeverConnect()).start()) {
            DiagnosisReport r = diagnose(fake);
            String text = r.toText(false);
            assertEquals(AttemptOutcome.OK, r.attempt(DataMethod.PASV).outcome(), text);
            assertEquals(AttemptOutcome.OK, r.attempt(DataMethod.EPSV).outcome(), text);
            assertEquals(AttemptOutcome.FAILED, r.attempt(DataMethod.PORT).outcome(), text);
            assertEquals(AttemptOutcome.FAILED, r.attempt(DataMethod.EPRT).outcome(), text);
            int port = r.attempt(DataMethod.PORT).evidence().advertised().orElseThrow().getPort();
            String e = explanation(r, "PORT");
            assertTrue(e.matches("PORT was accepted \\(200\\) but the server's connection to 127\\.0\\.0\\.1:" + port
                    + " never arrived within (9\\d\\d ms|1000 ms|1\\.\\d s) \\(no answer: .*"), e);
            assertTrue(e.contains("an inbound firewall or NAT in front of us"), e);
            assertTrue(explanation(r, "EPRT").startsWith("EPRT was accepted (200)"), text);
            assertTrue(r.recommendation().get(0).startsWith("Use passive mode"), text);
            assertTrue(String.join(" ", r.recommendation()).contains("Do not use active mode from this network"), text);
            // the table shows what took the time: the wait for the connection that never came
            assertTrue(r.attempt(DataMethod.PORT).took().compareTo(Duration.ofMillis(900)) > 0, text);
        }
    }

    @Test
    void portRefusedWith5xxIsExplainedAsBounceProtectionOrWrongAddress() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer()
                .on("PORT", FakeFtpServer.reply("500 Illegal PORT command."))
                .on("EPRT", FakeFtpServer.reply("504 Command not implemented for that parameter.")).start()) {
            DiagnosisReport r = diagnose(fake);
            String text = r.toText(false);
            assertEquals(AttemptOutcome.FAILED, r.attempt(DataMethod.PORT).outcome(), text);
            assertEquals(AttemptOutcome.FAILED, r.attempt(DataMethod.EPRT).outcome(), text);
            String e = explanation(r, "PORT");
            assertTrue(e.startsWith("PORT was refused (the server answered \"500 Illegal PORT command.\")"), e);
            assertTrue(e.contains("bounce protection"), e);
            assertTrue(e.contains("We advertised 127.0.0.1:"), e);
            assertTrue(explanation(r, "EPRT").contains("\"504 Command not implemented for that parameter.\""), text);
            assertTrue(fake.received().stream().anyMatch(l -> l.startsWith("PORT 127,0,0,1,")), fake.received()::toString);
            assertTrue(r.recommendation().get(0).startsWith("Use passive mode (the default). EPSV works"), text);
        }
    }

    @Test
    void serverWithoutEpsvGetsPasvRecommended() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().features("SIZE")
                .on("EPSV", FakeFtpServer.reply("500 'EPSV': command not understood.")).start()) {
            DiagnosisReport r = diagnose(fake);
            String text = r.toText(false);
            assertEquals(AttemptOutcome.FAILED, r.attempt(DataMethod.EPSV).outcome(), text);
            assertEquals(AttemptOutcome.OK, r.attempt(DataMethod.PASV).outcome(), text);
            assertTrue(explanation(r, "EPSV").startsWith("EPSV is not supported by the server (the server answered"
                    + " \"500 'EPSV': command not understood.\")"), text);
            assertTrue(r.recommendation().get(0).startsWith("Use passive mode with PASV; EPSV does not work here"), text);
        }
    }

    @Test
    void authTlsOfferedButRefusedIsAFailedTlsAttempt() throws Exception {
        // FEAT lists AUTH TLS, but the fake answers AUTH with 502 (as pure-ftpd does when built without TLS)
        try (FakeFtpServer fake = new FakeFtpServer().features("EPSV", "AUTH TLS").start()) {
            DiagnosisReport r = diagnose(fake);
            String text = r.toText(false);
            assertEquals(AttemptOutcome.FAILED, r.tlsAttempt().outcome(), text);
            assertTrue(flat(text).contains("TLS PASV FAILED"), text);
            assertEquals(1, r.rows().stream().filter(row -> row.step().startsWith("TLS")).count(), text);
            assertTrue(r.tls().startsWith("AUTH TLS offered, but a listing over TLS (ftpes://) failed: the server"
                    + " refused TLS (AUTH TLS): 502"), r.tls());
            assertTrue(text.contains("connected to 127.0.0.1, FEAT: AUTH TLS, EPSV"), text);
        }
    }

    @Test
    void failedLoginStopsTheDiagnosisAndNeverShowsThePassword() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().start()) {
            DiagnosisReport r = new ConnectionDoctor(Site.ftp(fake.host(), fake.port(), fake.user(), "wrong-pass-42"),
                    FAST, new ProtocolEventBus()).run();
            String text = r.toText(false);
            assertFalse(r.loggedIn());
            assertEquals(1, r.attempts().size(), text);
            assertTrue(explanation(r, "Could not connect and log in").contains("530"), text);
            assertTrue(r.recommendation().get(0).startsWith("Fix the connection or the login first"), text);
            assertFalse(text.contains("wrong-pass-42"), text);
            assertFalse(r.attempts().stream().flatMap(a -> a.events().stream()).map(Object::toString)
                    .collect(Collectors.joining()).contains("wrong-pass-42"), "events carry PASS masked");
        }
    }

    @Test
    void aFailedLoginIsExplainedInChineseWithTheEnginesReasonInChinese() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().start()) {
            DiagnosisReport r = new ConnectionDoctor(Site.ftp(fake.host(), fake.port(), fake.user(), "wrong-pass-42"),
                    FAST, new ProtocolEventBus(), io.portside.ftp.tls.TlsPolicy.systemOnly(),
                    java.util.Locale.SIMPLIFIED_CHINESE).run();
            String said = explanation(r, "无法连接并登录：");
            assertTrue(said.startsWith("无法连接并登录：以 " + fake.user() + " 身份登录失败：530"), said);
        }
    }

    @Test
    void redactedTextHidesEveryAddress() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().on("PASV", (c, arg) -> c.enterPassive("10,0,0,5"))
                .on("PORT", FakeFtpServer.reply("500 Illegal PORT command 127,0,0,1,4,1")).start()) {
            DiagnosisReport r = diagnose(fake);
            String plain = r.toText(false);
            String red = r.toText(true);
            assertTrue(plain.contains("127.0.0.1") && plain.contains("10.0.0.5"), plain);
            assertFalse(red.contains("127.0.0.1") || red.contains("127,0,0,1") || red.contains("10.0.0.5"), red);
            assertTrue(red.contains("Server:  ftp://test@<server>:" + fake.port()), red);
            assertTrue(flat(red).contains("the private address <server-internal>:"), red);
            assertTrue(flat(red).contains("\"500 Illegal PORT command <server>,4,1\""), red);
            for (String line : red.split("\n")) {
                assertTrue(line.length() <= DiagnosisReport.WIDTH, () -> "wrapped after redaction: " + line);
            }
            assertNotNull(r.attempt(DataMethod.PORT));
        }
    }
}
