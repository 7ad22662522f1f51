package io.portside.diagnose;

import io.portside.ftp.UserMessage;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.Units;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the connection doctor found: a table of steps (log in, then one row per data method),
 * an explanation per failure, a line about TLS and a recommendation. Holds no password: the
 * target is the site without it, and the events carry PASS masked.
 *
 * @param target           the site as {@code ftp://user@host:port}
 * @param hostName         the host as the user typed it (for redaction)
 * @param serverAddress    the address the control connection went to, or null if none was made
 * @param clientAddress    our end of the control connection, or null
 * @param features         the server's FEAT keywords, space separated ("" when it had none)
 * @param attempts         the steps in the order taken; the first is the log-in
 * @param tls              one sentence about TLS: what the TLS attempt showed, or why there was none
 * @param tlsAttempt       the listing over TLS (AUTH TLS, PASV) on a plain ftp:// diagnosis, or null when not tried
 * @param tlsAttempts      every method over TLS on a plain ftp:// diagnosis (empty when not tried)
 * @param explanations     plain-words explanations, one per observed problem
 * @param recommendation   what to use and what to change
 * @param otherAddresses   addresses seen in replies that are neither ours nor the server's (e.g. a NAT-internal PASV address)
 * @param locale           the language of the table, the TLS sentence and the report's text
 */
public record DiagnosisReport(String target, String hostName, String serverAddress, String clientAddress,
                              String features, List<Attempt> attempts, String tls, Attempt tlsAttempt,
                              List<Attempt> tlsAttempts, List<String> explanations,
                              List<String> recommendation, List<String> otherAddresses, Instant started,
                              Duration took, Locale locale) {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT).withZone(ZoneId.systemDefault());
    static final int WIDTH = 78;

    public DiagnosisReport {
        attempts = List.copyOf(attempts);
        tlsAttempts = List.copyOf(tlsAttempts);
        explanations = List.copyOf(explanations);
        recommendation = List.copyOf(recommendation);
        otherAddresses = List.copyOf(otherAddresses);
    }

    /** The attempt for a data method, or null when it was not tried (login failed). */
    public Attempt attempt(DataMethod m) {
        return attempts.stream().filter(a -> a.method() == m).findFirst().orElse(null);
    }

    public boolean loggedIn() {
        return !attempts.isEmpty() && attempts.get(0).outcome() == AttemptOutcome.OK;
    }

    /** The table's rows as shown: step, result, time, details. */
    public List<Row> rows() {
        DoctorText t = new DoctorText(locale);
        List<Row> rows = new ArrayList<>();
        for (Attempt a : attempts) {
            rows.add(row(t, a.step(t), a.outcome(), a.took(), details(t, a)));
        }
        for (Attempt a : tlsAttempts) {
            rows.add(row(t, a.step(t), a.outcome(), a.took(), details(t, a)));
        }
        if (tlsAttempt != null) {
            if (tlsAttempt.outcome() == AttemptOutcome.OK || tlsAttempts.size() > 1) {
                rows.add(row(t, "TLS", tlsAttempt.outcome(), tlsAttempt.took(), tls));
            } // else TLS failed before any data method: its one row above says why, a second would repeat it
        } else if (loggedIn()) {
            // on an ftpes:// or ftps:// diagnosis the log-in itself ran over TLS
            boolean overTls = attempts.get(0).events().stream()
                    .anyMatch(e -> e instanceof ProtocolEvent.TlsEstablished s && s.connection().isControl());
            rows.add(row(t, "TLS", overTls ? AttemptOutcome.OK : AttemptOutcome.NOT_TESTED, null, tls));
        }
        return rows;
    }

    /** One line of the table; {@code result} is the outcome in the report's language. */
    public record Row(String step, AttemptOutcome outcome, String result, Duration took, String details) {
    }

    private static Row row(DoctorText t, String step, AttemptOutcome outcome, Duration took, String details) {
        return new Row(step, outcome, t.get("outcome." + outcome.name()), took, details);
    }

    private String details(DoctorText t, Attempt a) {
        if (a.outcome() == AttemptOutcome.FAILED) {
            return a.error() == null ? t.get("row.failed") : UserMessage.textOf(a.error(), locale);
        }
        if (a.method() == null) {
            return features.isEmpty() ? t.get("row.connected.noFeat", serverAddress)
                    : t.get("row.connected", serverAddress, features);
        }
        String d = a.entries() == 1 ? t.get("row.listed.one") : t.get("row.listed", a.entries());
        return a.evidence().passiveReplaced().isPresent() ? t.get("row.replaced", d) : d;
    }

    /**
     * The report as plain text for copying or saving. With {@code redactHosts} the server's name
     * and address read {@code <server>}, ours {@code <client>}, any other address {@code <address>}.
     */
    public String toText(boolean redactHosts) {
        java.util.function.UnaryOperator<String> h = redactHosts ? redactor()::apply : t -> t;
        DoctorText t = new DoctorText(locale);
        StringBuilder b = new StringBuilder();
        b.append(t.get("report.title")).append('\n');
        b.append(label(t, "server")).append(h.apply(target)).append('\n');
        if (serverAddress != null) {
            b.append(label(t, "control")).append(h.apply(clientAddress + " -> " + serverAddress)).append('\n');
        }
        b.append(label(t, "date")).append(WHEN.format(started)).append(' ')
                .append(t.get("report.took", Units.duration(took))).append("\n\n");
        b.append(String.format(Locale.ROOT, "%-8s %-10s %9s  %s%n", t.get("report.step"), t.get("report.result"),
                t.get("report.time"), t.get("report.details")));
        for (Row r : rows()) {
            String head = String.format(Locale.ROOT, "%-8s %-10s %9s  ", r.step(), r.result(),
                    r.took() == null ? "-" : Units.duration(r.took()));
            b.append(head).append(wrap(h.apply(r.details()), WIDTH - head.length(), " ".repeat(head.length())))
                    .append('\n');
        }
        if (!explanations.isEmpty()) {
            b.append('\n').append(t.get("report.whatWentWrong")).append('\n');
            explanations.forEach(e -> b.append(bullet(h.apply(e))));
        }
        b.append('\n').append(t.get("report.recommendation")).append('\n');
        recommendation.forEach(r -> b.append(bullet(h.apply(r))));
        return b.toString();
    }

    /** "Server:  ": a heading's label, padded so the values line up. */
    private static String label(DoctorText t, String key) {
        return String.format(Locale.ROOT, "%-9s", t.get("report." + key));
    }

    /** What {@link #toText(boolean)} does to each text when redacting, for a view of the report. */
    public java.util.function.UnaryOperator<String> hostRedactor() {
        return redactor()::apply;
    }

    private Redactor redactor() {
        Redactor r = new Redactor().replace(hostName, "<server>").replace(serverAddress, "<server>")
                .replace(clientAddress, "<client>");
        otherAddresses.forEach(a -> r.replace(a, "<server-internal>"));
        return r;
    }

    private static String bullet(String s) {
        return "- " + wrap(s, WIDTH - 2, "  ") + "\n";
    }

    /** Word-wraps to {@code width}; continuation lines start with {@code indent}. */
    static String wrap(String s, int width, String indent) {
        StringBuilder out = new StringBuilder();
        int col = 0;
        for (String word : s.split(" ")) {
            if (col > 0 && col + 1 + word.length() > width) {
                out.append('\n').append(indent);
                col = 0;
            } else if (col > 0) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
        }
        return out.toString();
    }
}
