package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEvent.Notice;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.testing.FakeFtpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A server that says {@code 215 UNIX Type: L8} but lists IIS/DOS lines is read by what its
 * lines contain; what no parser reads is counted and named, never dropped silently.
 */
class ListingByContentTest {
    static final String[] DOS = {
        "11-24-26  09:15AM       <DIR>          Reports Q3",
        "11-24-26  09:16AM                 1234 notes.txt",
        "01-02-25  11:00PM             10485760 big archive.zip"};

    private final ProtocolEventBus bus = new ProtocolEventBus();

    private FtpSession open(FakeFtpServer fake) throws FtpException {
        SessionOptions opts = SessionOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3));
        return FtpSession.open(Site.ftp(fake.host(), fake.port(), fake.user(), fake.password()), opts, bus, "");
    }

    @Test
    void dosLinesFromAServerThatSaysUnixAreListed() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().listing(DOS).start(); FtpSession s = open(fake);
             EventRecorder events = new EventRecorder(bus)) {
            Listing listing = s.listing(null);
            assertEquals(List.of(), listing.unreadable());
            List<RemoteFile> files = listing.files();
            assertEquals(List.of("Reports Q3", "notes.txt", "big archive.zip"), files.stream().map(RemoteFile::name).toList());
            assertEquals(RemoteFile.Type.DIRECTORY, files.get(0).type());
            assertEquals(1234, files.get(1).size());
            assertEquals(10_485_760, files.get(2).size());
            // Commons Net reads a DOS time as the server's local time (by default this JVM's zone)
            assertEquals(LocalDateTime.parse("2026-11-24T09:16"),
                    LocalDateTime.ofInstant(files.get(1).modified(), ZoneId.systemDefault()));
            assertTrue(events.of(Notice.class).stream().noneMatch(n -> n.key().equals("listing.unreadable")));
        }
    }

    @Test
    void mixedFormatsInOneListingAreEachReadAndTheRestIsCountedInTheLog() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().listing(
                "-rw-r--r--   1 owner    group          11 Jan 01 12:00 hello.txt", DOS[0],
                "### not a listing line ###", "ls: cannot read x: Permission denied").start();
             FtpSession s = open(fake); EventRecorder events = new EventRecorder(bus)) {
            Listing listing = s.listing(null);
            assertEquals(List.of("hello.txt", "Reports Q3"), listing.files().stream().map(RemoteFile::name).toList());
            assertEquals(List.of("### not a listing line ###", "ls: cannot read x: Permission denied"), listing.unreadable());
            Notice n = events.await(Notice.class, e -> e.key().equals("listing.unreadable"));
            String line = new LogFormatter(Locale.ENGLISH).format(n).text();
            assertTrue(line.startsWith("lines of the listing of . that no listing parser could read: 2,"), line);
            assertTrue(line.contains("\"### not a listing line ###\""), line);
        }
    }

    @Test
    void aListingOfWhichNoLineCanBeReadIsAnErrorNotAnEmptyFolder() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().listing("??? one", "??? two", "??? three").start();
             FtpSession s = open(fake)) {
            FtpException e = assertThrows(FtpException.class, () -> s.list(null));
            assertTrue(e.getMessage().contains("none of its 3 lines is in a listing format Portside knows"), e.getMessage());
            assertTrue(e.getMessage().contains("\"??? one\""), e.getMessage());
        }
        try (FakeFtpServer fake = new FakeFtpServer().listing().start(); FtpSession s = open(fake)) {
            assertEquals(List.of(), s.list(null), "a listing with no lines is an empty folder");
        }
    }

    @Test
    void offlineParsingKeepsTheUnreadableLinesAndSkipsTotalAndBlankLines() {
        Listing l = ListingParser.readList("UNIX", ("total 4\r\n\r\n" + DOS[0] + "\r\n\u0001bad\u0007line\r\n")
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertEquals(List.of("Reports Q3"), l.files().stream().map(RemoteFile::name).toList());
        assertEquals(1, l.unreadable().size());
        assertEquals("\"\\u0001bad\\u0007line\"", l.unreadableSample(), "control characters are shown, not sent to a terminal");
    }
}
