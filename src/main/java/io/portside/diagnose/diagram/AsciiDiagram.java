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
        out.add(String.format(Locale.ROOT, "%-9s %6s %s%s   (TCP: %s)", "    time", "",
                pad(model.laneTitle(Side.CLIENT), BODY + 2), model.laneTitle(Side.SERVER), model.tcpRowsSource()));
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
                String label = " " + model.bandLabel(b) + " ";
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
            while (columns(b) < BODY - 1) {
                b.append(fill);
            }
            b.append(head != 0 ? head : fill == '#' ? '#' : '>');
        } else {
            b.append(head != 0 ? head : fill == '#' ? '#' : '<').append(String.valueOf(fill).repeat(3)).append(text);
            while (columns(b) < BODY) {
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
        return columns(s) <= max ? s : head(s, max - 4) + "... ";
    }

    private static String pad(String s, int width) {
        String h = head(s, width);
        return h + " ".repeat(width - columns(h));
    }

    private static String padLeft(String s, int width) {
        String h = head(s, width);
        return " ".repeat(width - columns(h)) + h;
    }

    /** The longest start of {@code s} that fills at most {@code width} columns. */
    private static String head(String s, int width) {
        int used = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            if (used + columns(cp) > width) {
                break;
            }
            used += columns(cp);
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /**
     * How many columns a text takes in a fixed-width font: Chinese, Japanese and Korean
     * characters (and full-width punctuation) take two, so labels in Chinese keep the lanes
     * straight.
     */
    static int columns(CharSequence s) {
        return s.codePoints().map(AsciiDiagram::columns).sum();
    }

    private static int columns(int cp) {
        boolean wide = cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0xA4CF || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6;
        return wide ? 2 : 1;
    }

    private static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String w : words(s, width - 2)) {
            if (cur.length() > 0 && columns(cur) + 1 + columns(w) > width) {
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

    /** The words of {@code s}; a word wider than {@code width} (Chinese has no spaces) in pieces that fit. */
    private static List<String> words(String s, int width) {
        List<String> out = new ArrayList<>();
        for (String w : s.split(" ")) {
            while (columns(w) > width) {
                String h = head(w, width);
                out.add(h);
                w = w.substring(h.length());
            }
            out.add(w);
        }
        return out;
    }
}
