package io.portside.ftp.event;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One line of the protocol log: the same text in the window, the CLI's {@code --log} and a
 * saved log file. A multi-line reply keeps its lines in {@code text}, separated by newlines.
 */
public record LogLine(Instant time, ConnectionId connection, LogKind kind, String text) {
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private static final String CONTINUATION = " ".repeat(12 + 1 + 14 + 1 + 4 + 1);

    /** {@code 12:41:07.512 ctl#1          ->   USER ftptest}; continuation lines are indented. */
    public String render() {
        String head = String.format("%s %-14s %-4s ", CLOCK.format(time), connection, kind.marker());
        return head + text.replace("\n", "\n" + CONTINUATION);
    }

    @Override
    public String toString() {
        return render();
    }
}
