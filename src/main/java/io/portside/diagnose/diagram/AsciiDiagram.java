package io.portside.diagnose.diagram;

import io.portside.diagnose.diagram.DiagramElement.Arrow;
import io.portside.diagnose.diagram.DiagramElement.Arrow.Kind;
import io.portside.diagnose.diagram.DiagramElement.Band;
import io.portside.diagnose.diagram.DiagramElement.Note;
import io.portside.ftp.event.Units;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link SequenceDiagramModel} as plain ASCII, fit for pasting into a forum post or a
 * ticket (fixed width, no tabs, no Unicode box drawing):
 *
 * <pre>
 *     time         client 127.0.0.1                                   server 127.0.0.1
 *   0.0 ms  :41234 |---- connect (SYN) ------------------------------>| :2121   ctl#1
 *   0.3 ms  :41234 |<--- established in 0.2 ms -----------------------| :2121   ctl#1
 *   ...
 *  12 ms    :41234 |<--- 227 Entering Passive Mode (127,0,0,1,6,127) -| :2121   ctl#1
 *                  |     = 127.0.0.1:1663 (6*256+127 = 1663)          |
 *  13 ms    :41236 |==== connect (SYN), passive ======================>| :1663   data#1.1
 * </pre>
 *
 * Control connection arrows are drawn with {@code -}, data connections with {@code =}, data
 * crossing a connection as a band of {@code #}, closes with {@code .}; a failed connection
 * ends in {@code X} instead of an arrow head.
 */
public final class AsciiDiagram {
    /** Width of the space between the two lanes. */
    static final int BODY = 56;

    private AsciiDiagram() {
    }

    public static String render(SequenceDiagramModel model) {
        List<String> out = new ArrayList<>();
        List<Lane> lanes = model.lanes();
        String client = lanes.isEmpty() ? "client" : "client " + lanes.get(0).address();
        String server = lanes.isEmpty() ? "server" : "server " + lanes.get(1).address();
        out.add(String.format(Locale.ROOT, "%-9s %6s %-" + (BODY + 2) + "s%s   (TCP: %s)", "    time", "", client, server,
                model.tcpRowsSource()));
        List<DiagramElement> elements = model.elements();
        Instant t0 = elements.isEmpty() ? Instant.EPOCH : elements.get(0).source().time();
        for (DiagramElement e : elements) {
            String time = Units.duration(Duration.between(t0, e.source().time()));
            String conn = e.connection().label();
            if (e instanceof Arrow a) {
                out.add(row(time, a.clientPort(), arrow(a), a.serverPort(), conn));
                if (a.decoded() != null) {
                    out.add(row("", 0, fit("     = " + a.decoded()), 0, ""));
                }
            } else if (e instanceof Band b) {
                String label = " " + Units.size(b.bytes()) + " in " + Units.duration(b.duration()) + " ";
                out.add(row(time, b.clientPort(), line('#', b.from(), label, '#'), b.serverPort(), conn));
            } else if (e instanceof Note n) {
                boolean first = true;
                for (String part : wrap("! " + n.text(), BODY - 4)) {
                    String text = n.side() == Side.CLIENT ? " " + part : part + " ";
                    String cell = n.side() == Side.CLIENT ? pad(text, BODY) : padLeft(text, BODY);
                    out.add(row(first ? time : "", 0, cell, 0, first ? conn : ""));
                    first = false;
                }
            }
        }
        StringBuilder b = new StringBuilder();
        for (String l : out) {
            b.append(l.stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static String row(String time, int clientPort, String body, int serverPort, String conn) {
        return String.format(Locale.ROOT, "%9s %6s |%s| %-6s  %s", time, clientPort > 0 ? ":" + clientPort : "",
                body, serverPort > 0 ? ":" + serverPort : "", conn);
    }

    private static String arrow(Arrow a) {
        char fill = a.kind() == Kind.CLOSE ? '.' : a.connection().isControl() ? '-' : '=';
        char head = a.kind() == Kind.FAILED ? 'X' : 0;
        return line(fill, a.from(), " " + a.label() + " ", head);
    }

    /**
     * One arrow across the body: {@code fill} characters around {@code label}, pointing away from
     * {@code from}; {@code head} replaces the arrow head when not 0 (X: never arrived).
     */
    private static String line(char fill, Side from, String label, char head) {
        String text = clip(label, BODY - 8);
        StringBuilder b = new StringBuilder();
        if (from == Side.CLIENT) {
            b.append(String.valueOf(fill).repeat(4)).append(text);
            while (b.length() < BODY - 1) {
                b.append(fill);
            }
            b.append(head != 0 ? head : fill == '#' ? '#' : '>');
        } else {
            b.append(head != 0 ? head : fill == '#' ? '#' : '<').append(String.valueOf(fill).repeat(3)).append(text);
            while (b.length() < BODY) {
                b.append(fill);
            }
        }
        if (fill == '#') { // a band shows its direction with a head of its own
            b.setCharAt(from == Side.CLIENT ? BODY - 1 : 0, from == Side.CLIENT ? '>' : '<');
        }
        return b.toString();
    }

    private static String fit(String s) {
        return pad(clip(s, BODY), BODY);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 4) + "... ";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s.substring(0, width) : s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s.substring(0, width) : " ".repeat(width - s.length()) + s;
    }

    private static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String w : s.split(" ")) {
            if (cur.length() > 0 && cur.length() + 1 + w.length() > width) {
                lines.add(cur.toString());
                cur = new StringBuilder("  ");
            }
            if (cur.length() > 0 && !cur.toString().isBlank()) {
                cur.append(' ');
            }
            cur.append(w);
        }
        lines.add(cur.toString());
        return lines;
    }
}
