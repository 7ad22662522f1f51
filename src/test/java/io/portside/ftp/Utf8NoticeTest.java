package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEvent.Notice;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.testing.FakeFtpServer;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What the log concludes from FEAT's UTF8 and the answer to OPTS UTF8 ON, in both languages. */
class Utf8NoticeTest {
    private final ProtocolEventBus bus = new ProtocolEventBus();

    private Notice utf8Notice(FakeFtpServer fake) throws Exception {
        SessionOptions opts = SessionOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(3));
        try (EventRecorder events = new EventRecorder(bus);
             FtpSession s = FtpSession.open(Site.ftp(fake.host(), fake.port(), fake.user(), fake.password()), opts,
                     bus, "")) {
            return events.await(Notice.class, n -> n.key().startsWith("utf8"));
        }
    }

    @Test
    void a501ToOptsUtf8OnIsExplainedNotReadAsUtf8Confirmed() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().features("UTF8", "EPSV")
                .on("OPTS", FakeFtpServer.reply("501 Invalid argument.")).start()) {
            Notice n = utf8Notice(fake);
            assertEquals("utf8.refused", n.key());
            assertEquals(Notice.Severity.WARNING, n.severity());
            String en = new LogFormatter(Locale.ENGLISH).format(n).text();
            assertTrue(en.startsWith("file names are sent in UTF-8: the server lists UTF8 in FEAT"), en);
            assertTrue(en.contains("it refused OPTS UTF8 ON (501 Invalid argument.)"), en);
            assertFalse(en.contains("server uses UTF-8 for file names (501"), en);
            String zh = new LogFormatter(Locale.SIMPLIFIED_CHINESE).format(n).text();
            assertTrue(zh.contains("拒绝了 OPTS UTF8 ON（501 Invalid argument.）"), zh);
        }
    }

    @Test
    void anAcceptedOptsUtf8OnSaysSo() throws Exception {
        try (FakeFtpServer fake = new FakeFtpServer().features("UTF8")
                .on("OPTS", FakeFtpServer.reply("200 Always in UTF8 mode.")).start()) {
            Notice n = utf8Notice(fake);
            assertEquals("utf8.accepted", n.key());
            String en = new LogFormatter(Locale.ENGLISH).format(n).text();
            assertEquals("file names are sent in UTF-8: the server lists UTF8 in FEAT (its names are UTF-8, RFC 2640)"
                    + " and accepted OPTS UTF8 ON (200 Always in UTF8 mode.)", en);
        }
    }
}
