package io.portside.probe;

import io.portside.ftp.event.AddressText;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the probe reports, as the inner lines of a multi-line reply: one {@code key=value} per
 * line, each line starting with a space (as FEAT's do), so any FTP client shows them and
 * {@link #parse} reads them back.
 *
 * <pre>
 * 200-The Portside probe saw your PORT command:
 *  peer=198.18.0.1
 *  argument=198,18,0,1,156,203
 *  target=198.18.0.1:40123
 * 200 At LIST the probe connects to 198.18.0.1:40123, and to no other address.
 * </pre>
 */
public final class ProbeReport {
    /** The address the control connection comes from, as the probe sees it. */
    public static final String PEER = "peer";
    /** The probe's own end of the control connection. */
    public static final String PROBE = "probe";
    /** PORT or EPRT. */
    public static final String COMMAND = "command";
    /** The PORT/EPRT argument exactly as it arrived (non-printable characters as '?'). */
    public static final String ARGUMENT = "argument";
    /** The address and port the argument names. */
    public static final String NAMED = "named";
    /** Where the probe connects back: always the peer's address, with the named port. */
    public static final String TARGET = "target";
    /** ok, refused, timeout, unreachable, failed, not-tried. */
    public static final String CONNECT = "connect";
    /** How long connecting back took, or waited, in milliseconds. */
    public static final String CONNECT_MS = "connect-ms";
    /** The name in the one-line listing the probe sent over the data connection. */
    public static final String MARKER = "marker";
    /** Where the probe listened for a passive connection. */
    public static final String PASSIVE = "passive";
    /** yes or no: a passive connection from the peer arrived. */
    public static final String REACHED = "reached";
    /** Where that connection came from. */
    public static final String REACHED_FROM = "reached-from";
    /** How long the probe waited for it, in milliseconds. */
    public static final String WAIT_MS = "wait-ms";
    /** Why the probe did not do something, in words. */
    public static final String REFUSED = "refused";

    private static final Pattern LINE = Pattern.compile("^(?:\\d{3}-)? ([a-z][a-z-]*)=(.*)$");

    private ProbeReport() {
    }

    /** The key=value lines of a reply, in order; empty when it carries none (not a probe). */
    public static Map<String, String> parse(List<String> replyLines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : replyLines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                out.put(m.group(1), m.group(2).strip());
            }
        }
        return out;
    }

    /** A multi-line reply: a first line, one line per entry, and the last line. */
    static String reply(int code, String first, Map<String, String> entries, String last) {
        StringBuilder b = new StringBuilder().append(code).append('-').append(first).append("\r\n");
        entries.forEach((k, v) -> b.append(' ').append(k).append('=').append(v).append("\r\n"));
        return b.append(code).append(' ').append(last).toString(); // the session ends the line
    }

    /** The text as it arrived, safe to echo on one reply line: printable ASCII only, at most 120 characters. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 120; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }

    /** "198.18.0.1" or "fd77::2". */
    public static String text(InetAddress a) {
        return AddressText.of(a);
    }

    /** "198.18.0.1:40123" or "[fd77::2]:40123". */
    public static String text(InetSocketAddress a) {
        return AddressText.of(a);
    }

    /** A value that is a number of milliseconds, if it is one. */
    public static Optional<Long> millis(Map<String, String> report, String key) {
        try {
            return Optional.of(Long.parseLong(report.getOrDefault(key, "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
