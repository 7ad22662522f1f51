package io.portside.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.EventRecorder;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpException;
import io.portside.ftp.FtpSession;
import io.portside.ftp.Protocol;
import io.portside.ftp.SessionCopy;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.server.SandboxServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a real session whose password came from the store, nothing in the config folder (the
 * site file, a saved protocol log, a crash report) holds the password in any encoding.
 */
class PasswordNeverInClearTest {
    private static final String PASSWORD = "Canary-Pw-7f3q-Ωmega";
    private static final String MASTER = "master of canaries 99";

    @TempDir
    Path config;
    @TempDir
    Path serverRoot;

    @Test
    void aSessionLogAndTheSiteFileNeverContainThePassword() throws Exception {
        try (SandboxServer server = SandboxServer.start(serverRoot, "canary", PASSWORD)) {
            SiteStore store = new SiteStore(config);
            store.createMasterPassword(MASTER.toCharArray());
            store.save(new SiteProfile("Sandbox", Protocol.FTP, server.host(), server.port(), "canary",
                    PasswordMode.STORED_ENCRYPTED, DataMode.PASSIVE, ExtendedMode.AUTO, "/", null, "UTF-8", 0),
                    PASSWORD.toCharArray());

            ProtocolEventBus bus = new ProtocolEventBus();
            StringBuilder crashReport = new StringBuilder();
            try (EventRecorder events = new EventRecorder(bus)) {
                SiteStore reopened = new SiteStore(config);
                reopened.unlock(MASTER.toCharArray());
                SiteProfile profile = reopened.find("Sandbox").orElseThrow();
                SessionOptions opts = profile.applyTo(SessionOptions.defaults()
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10)));
                Site site = reopened.sessionSite("Sandbox", null);
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                    try (FtpSession s = FtpSession.open(site, opts, bus, "leak")) {
                        byte[] content = "hello".getBytes(StandardCharsets.UTF_8);
                        SessionCopy.upload(s, new ByteArrayInputStream(content), "a.txt", 0);
                        s.list(null);
                        ByteArrayOutputStream back = new ByteArrayOutputStream();
                        SessionCopy.download(s, "a.txt", 0, back);
                        assertEquals("hello", back.toString(StandardCharsets.UTF_8));
                        crashReport.append("session: ").append(s.site()).append('\n');
                    }
                    // A failed login with a near-miss password: its error and stack trace go into the crash report.
                    Site wrong = new Site(Protocol.FTP, server.host(), server.port(), "canary", PASSWORD + "x");
                    FtpException e = assertThrows(FtpException.class, () -> FtpSession.open(wrong, opts, bus, "leak2"));
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    crashReport.append(trace).append("site: ").append(wrong).append('\n')
                            .append("profile: ").append(profile).append('\n');
                });
                events.await(ProtocolEvent.CommandSent.class, c -> c.command().startsWith("QUIT"));
                events.await(ProtocolEvent.TcpClosed.class, c -> c.connection().isControl() && c.connection().toString().startsWith("leak2"));

                LogFormatter formatter = new LogFormatter(Locale.ENGLISH);
                String log = events.all().stream().map(ev -> formatter.format(ev).render())
                        .collect(Collectors.joining("\n", "", "\n"));
                Files.writeString(config.resolve("session.log"), log, StandardCharsets.UTF_8);
                Files.writeString(config.resolve("session-utf16.log"), log, StandardCharsets.UTF_16);
                Files.writeString(config.resolve("crash.txt"), crashReport, StandardCharsets.UTF_8);

                // The log is the real one: it has the login, with PASS masked, and the transfer.
                assertTrue(log.contains("USER canary"), log);
                assertTrue(log.contains("PASS ********"), log);
                assertTrue(log.contains("RETR a.txt") && log.contains("STOR a.txt"), log);
                assertTrue(log.lines().filter(l -> l.contains("PASS")).count() >= 2, log);
            }
        }
        assertTrue(Files.size(config.resolve(SiteStore.FILE_NAME)) > 100);
        List<String> leaks = new LeakScanner(PASSWORD).findIn(config);
        assertTrue(leaks.isEmpty(), "the password leaked into " + leaks);
        assertTrue(new LeakScanner(MASTER).findIn(config).isEmpty(), "the master password leaked");
        assertFalse(new LeakScanner(PASSWORD).findIn(serverRoot).size() > 0, "nor is it in what was transferred");
    }
}
