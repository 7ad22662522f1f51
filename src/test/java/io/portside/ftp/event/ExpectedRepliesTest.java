package io.portside.ftp.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portside.ftp.event.ProtocolEvent.CommandSent;
import io.portside.ftp.event.ProtocolEvent.ReplyReceived;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 550 that answers "is the file there?" is drawn as an answer; the same code to RETR or STOR stays an error. */
class ExpectedRepliesTest {
    private final LogFormatter f = new LogFormatter();
    private final ConnectionId ctl = ConnectionId.control("browse", 1);
    private final Instant t = Instant.now();

    @Test
    void a550ToSizeOrMdtmIsAnAnswer() {
        assertEquals(LogKind.REPLY_ANSWER, kindAfter("SIZE new.txt.part", 550));
        assertEquals(LogKind.REPLY_ANSWER, kindAfter("MDTM new.txt", 550));
        assertEquals(LogKind.REPLY_5XX, kindAfter("RETR new.txt", 550));
        assertEquals(LogKind.REPLY_5XX, kindAfter("SIZE new.txt", 501));
        assertEquals(LogKind.REPLY_2XX, kindAfter("SIZE new.txt", 213));
        // a reply the formatter cannot pair with a command (a 421 out of the blue) keeps its colour
        assertEquals(LogKind.REPLY_5XX, f.format(new ReplyReceived(t, ctl, 550, List.of("550 x"))).kind());
    }

    private LogKind kindAfter(String command, int code) {
        f.format(new CommandSent(t, ctl, command));
        return f.format(new ReplyReceived(t, ctl, code, List.of(code + " x"))).kind();
    }
}
