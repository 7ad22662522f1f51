package io.portside.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.LogKind;
import io.portside.ftp.event.LogLine;
import io.portside.ui.fx.FxBatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log's memory bound, spill, filters and save, without a window (the bridge runs inline). */
class LogViewModelTest {
    @TempDir Path tmp;

    private LogViewModel model(int capacity) {
        return new LogViewModel(new LogFormatter(Locale.ENGLISH), new FxBatcher(Runnable::run), capacity,
                tmp.resolve("spill.txt"));
    }

    private static LogLine line(int i, LogKind kind, ConnectionId c) {
        return new LogLine(Instant.now(), c, kind, "line " + i);
    }

    @Test
    void aMillionLinesStayBoundedAndAllAreSaved() throws Exception {
        ConnectionId c = ConnectionId.control("browse", 1);
        // Like the FX thread: drains run once per "pulse", here every 5,000 lines.
        java.util.ArrayDeque<Runnable> pulse = new java.util.ArrayDeque<>();
        try (LogViewModel m = new LogViewModel(new LogFormatter(Locale.ENGLISH), new FxBatcher(pulse::add), 100_000,
                tmp.resolve("spill.txt"))) {
            long t0 = System.nanoTime();
            long fxNanos = 0;
            long worstPulse = 0;
            for (int i = 0; i < 1_000_000; i++) {
                m.add(line(i, LogKind.COMMAND, c));
                if (i % 5_000 == 4_999) {
                    long p0 = System.nanoTime();
                    while (!pulse.isEmpty()) {
                        pulse.poll().run();
                    }
                    long took = System.nanoTime() - p0;
                    fxNanos += took;
                    worstPulse = Math.max(worstPulse, took);
                }
            }
            System.out.printf("1,000,000 log lines added in %d ms; FX-thread work %d ms in total, worst pulse %.1f ms%n",
                    (System.nanoTime() - t0) / 1_000_000, fxNanos / 1_000_000, worstPulse / 1e6);
            assertTrue(worstPulse < 400_000_000L, "a pulse of 5,000 lines took " + worstPulse / 1_000_000 + " ms");
            assertEquals(100_000, m.visible().size(), "only the ring is in memory");
            assertEquals(1_000_000, m.totalLines().get());
            assertEquals(900_000, m.spilledLines().get());
            assertTrue(m.visible().get(99_999).text().equals("line 999999"));
            assertTrue(m.visible().get(0).text().equals("line 900000"));

            Path saved = tmp.resolve("saved.txt");
            m.saveTo(saved).run();
            List<String> lines = Files.readAllLines(saved);
            assertEquals(1_000_000, lines.size());
            assertTrue(lines.get(0).endsWith("line 0"));
            assertTrue(lines.get(999_999).endsWith("line 999999"));
        }
    }

    @Test
    void aSpillFileThatCannotBeWrittenIsSaidWhenSavingNotThrownOnItsThread() throws Exception {
        ConnectionId c = ConnectionId.control("browse", 1);
        Path unwritable = tmp.resolve("no-such-folder").resolve("spill.txt");
        try (LogViewModel m = new LogViewModel(new LogFormatter(Locale.ENGLISH), new FxBatcher(Runnable::run), 10,
                unwritable)) {
            for (int i = 0; i < 50; i++) {
                m.add(line(i, LogKind.COMMAND, c));
            }
            Path saved = tmp.resolve("saved.txt");
            m.saveTo(saved).run();
            List<String> lines = Files.readAllLines(saved);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("(some older lines are missing")), lines.toString());
            assertTrue(lines.get(lines.size() - 1).endsWith("line 49"), "the lines still in memory are saved");
        }
    }

    @Test
    void filtersByKindTextAndConnection() {
        ConnectionId browse = ConnectionId.control("browse", 1);
        ConnectionId w1 = ConnectionId.control("w1", 2);
        try (LogViewModel m = model(1000)) {
            m.add(new LogLine(Instant.now(), browse, LogKind.COMMAND, "PASV"));
            m.add(new LogLine(Instant.now(), browse, LogKind.REPLY_2XX, "227 Entering Passive Mode (127,0,0,1,200,10)"));
            m.add(new LogLine(Instant.now(), browse.dataConnection(1), LogKind.TCP_DATA, "connecting"));
            m.add(new LogLine(Instant.now(), w1, LogKind.COMMAND, "PORT 127,0,0,1,1,2"));
            assertEquals(4, m.visible().size());

            m.groupShown(LogGroup.COMMANDS).set(false);
            assertEquals(2, m.visible().size());
            m.groupShown(LogGroup.COMMANDS).set(true);

            m.textFilter().set("passive");
            assertEquals(1, m.visible().size());
            m.textFilter().set("");

            assertTrue(m.connections().containsAll(List.of("browse #1", "w1 #2")));
            m.connectionFilter().set("browse #1");
            assertEquals(3, m.visible().size(), "a session's data connections belong to it");
            m.connectionFilter().set("w1 #2");
            assertEquals("PORT 127,0,0,1,1,2", m.visible().get(0).text());

            // New lines respect the filter too.
            m.add(new LogLine(Instant.now(), browse, LogKind.COMMAND, "LIST"));
            assertEquals(1, m.visible().size());
            m.connectionFilter().set(LogViewModel.ALL_CONNECTIONS);
            assertEquals(5, m.visible().size());

            m.clear();
            assertTrue(m.visible().isEmpty());
            assertEquals(0, m.totalLines().get());
        }
    }

    @Test
    void evictionKeepsFilteredViewConsistent() {
        ConnectionId c = ConnectionId.control("browse", 1);
        try (LogViewModel m = model(10)) {
            m.groupShown(LogGroup.REPLIES).set(false);
            for (int i = 0; i < 25; i++) {
                m.add(line(i, i % 2 == 0 ? LogKind.COMMAND : LogKind.REPLY_2XX, c));
            }
            // The ring holds lines 15..24; of those the commands (even) are visible.
            assertEquals(List.of("line 16", "line 18", "line 20", "line 22", "line 24"),
                    m.visible().stream().map(LogLine::text).toList());
            assertFalse(m.visible().stream().anyMatch(l -> l.kind() == LogKind.REPLY_2XX));
        }
    }

    @Test
    void copiedTextIsTheRenderedLines() {
        LogLine l = new LogLine(Instant.now(), ConnectionId.control("browse", 1), LogKind.COMMAND, "PASS ****");
        String text = LogViewModel.asText(List.of(l));
        assertTrue(text.contains("browse ctl#1") && text.contains("PASS ****"), text);
    }
}
