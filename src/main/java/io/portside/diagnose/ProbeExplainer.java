package io.portside.diagnose;

import io.portside.ftp.event.AddressText;
import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.CommandSent;
import io.portside.ftp.event.ProtocolEvent.ReplyReceived;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import io.portside.ftp.event.ProtocolEvent.TcpFailed;
import io.portside.ftp.event.Units;
import io.portside.probe.ProbeReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a Portside probe reported into sentences: the probe's own view (where our
 * connection came from, our PORT as it arrived, its connection back) set beside ours (our
 * local address, the PORT we sent, our data connection), so that a rewrite or a blocked
 * connection is stated as seen, not inferred.
 */
final class ProbeExplainer {
    private final DoctorText t;

    ProbeExplainer(DoctorText text) {
        this.t = text;
    }

    /** @param markers per attempt: the marker the probe named arrived in our listing */
    List<String> explain(List<Attempt> attempts, List<Boolean> markers) {
        List<String> out = new ArrayList<>();
        peerFinding(attempts).ifPresent(out::add);
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            if (a.evidence().control().isEmpty()) {
                out.add(t.get("probe.unreachable", a.step(), a.error() == null ? "?" : a.error().getMessage()));
                break; // no control connection: the other methods fail the same way
            }
            out.add(a.method().passive() ? passive(a) : active(a, markers.get(i)));
        }
        if (attempts.stream().allMatch(a -> reports(a.events()).isEmpty()) && !out.isEmpty()
                && attempts.get(0).evidence().control().isPresent()) {
            return List.of(t.get("probe.notProbe", attempts.get(0).evidence().control()
                    .map(c -> AddressText.of(c.remote())).orElse("?")));
        }
        return out;
    }

    /** "the probe saw our connection come from 198.18.0.1", from the first reply that says so. */
    private Optional<String> peerFinding(List<Attempt> attempts) {
        for (Attempt a : attempts) {
            Optional<TcpEstablished> c = a.evidence().control();
            Optional<String> peer = reports(a.events()).stream().map(r -> r.get(ProbeReport.PEER))
                    .filter(p -> p != null).findFirst();
            if (c.isPresent() && peer.isPresent()) {
                String ours = AddressText.of(c.get().local().getAddress());
                String probe = AddressText.of(c.get().remote().getAddress());
                return Optional.of(peer.get().equals(ours) ? t.get("probe.peer.same", probe, peer.get())
                        : t.get("probe.peer.nat", probe, peer.get(), ours));
            }
        }
        return Optional.empty();
    }

    private String active(Attempt a, boolean markerArrived) {
        String m = a.method().name();
        Evidence ev = a.evidence();
        Optional<String> sent = ev.transferSent().isPresent() || ev.replyTo(m).isPresent()
                ? a.events().stream().filter(e -> e instanceof CommandSent c && c.verb().equals(m))
                .map(e -> ((CommandSent) e).command().substring(m.length()).strip()).findFirst()
                : Optional.empty();
        Map<String, String> seen = ev.replyTo(m).map(r -> ProbeReport.parse(r.lines())).orElse(Map.of());
        String arrived = seen.get(ProbeReport.ARGUMENT);
        if (sent.isEmpty() || arrived == null) {
            return t.get("failed", m, a.error() == null ? "?" : a.error().getMessage());
        }
        StringBuilder b = new StringBuilder(arrived.equals(sent.get())
                ? t.get("probe.unchanged", m, sent.get())
                : t.get("probe.rewrote", m, sent.get(), arrived));
        if (seen.containsKey(ProbeReport.REFUSED)) {
            return b.append(t.get("probe.active.refused", seen.get(ProbeReport.REFUSED))).toString();
        }
        Map<String, String> back = transferReport(a.events());
        String target = seen.getOrDefault(ProbeReport.TARGET, "?");
        String named = seen.getOrDefault(ProbeReport.NAMED, "?");
        if (!named.equals(target)) {
            b.append(t.get("probe.notPeer", named, target));
        }
        String ms = ProbeReport.millis(back, ProbeReport.CONNECT_MS).map(x -> Units.duration(Duration.ofMillis(x))).orElse("?");
        switch (back.getOrDefault(ProbeReport.CONNECT, "")) {
            case "ok" -> b.append(t.get(markerArrived ? "probe.connect.ok" : "probe.connect.noMarker", target, ms));
            case "refused" -> b.append(t.get("probe.connect.refused", target));
            case "timeout" -> b.append(t.get("probe.connect.timeout", target, ms));
            case "" -> b.append(t.get("probe.connect.unknown", a.error() == null ? "?" : a.error().getMessage()));
            default -> b.append(t.get("probe.connect.failed", target, back.get(ProbeReport.CONNECT)));
        }
        if (!arrived.equals(sent.get()) && "ok".equals(back.get(ProbeReport.CONNECT))) {
            b.append(t.get("probe.rewrote.tls", m));
        }
        return b.toString();
    }

    private String passive(Attempt a) {
        String m = a.method().name();
        Evidence ev = a.evidence();
        Map<String, String> back = transferReport(a.events());
        if ("yes".equals(back.get(ProbeReport.REACHED))) {
            return t.get("probe.passive.ok", m, back.getOrDefault(ProbeReport.PASSIVE, "?"),
                    back.getOrDefault(ProbeReport.REACHED_FROM, "?"));
        }
        Optional<TcpFailed> failed = ev.dataFailed();
        if (failed.isPresent()) {
            TcpFailed f = failed.get();
            String where = f.remote() == null ? "?" : AddressText.of(f.remote());
            return f.cause() == FailureCause.REFUSED ? t.get("probe.passive.refused", m, where)
                    : f.cause() == FailureCause.TIMED_OUT ? t.get("probe.passive.timeout", m, where, Units.duration(f.after()))
                    : t.get("probe.passive.failed", m, where, t.get("cause." + f.cause().name()));
        }
        if ("no".equals(back.get(ProbeReport.REACHED))) {
            return t.get("probe.passive.unseen", m, back.getOrDefault(ProbeReport.PASSIVE, "?"),
                    ProbeReport.millis(back, ProbeReport.WAIT_MS).map(x -> Units.duration(Duration.ofMillis(x))).orElse("?"));
        }
        return t.get("failed", m, a.error() == null ? "?" : a.error().getMessage());
    }

    /** The probe's final reply to the transfer command (226 or 425, after any 150), as key=value. */
    static Map<String, String> transferReport(List<ProtocolEvent> events) {
        Optional<CommandSent> transfer = new Evidence(events).transferSent();
        if (transfer.isEmpty()) {
            return Map.of();
        }
        boolean after = false;
        for (ProtocolEvent e : events) {
            if (e == transfer.get()) {
                after = true;
            } else if (after && e instanceof ReplyReceived r && r.connection().isControl() && r.code() >= 200) {
                return ProbeReport.parse(r.lines());
            }
        }
        return Map.of();
    }

    private static List<Map<String, String>> reports(List<ProtocolEvent> events) {
        return events.stream().filter(e -> e instanceof ReplyReceived r && r.connection().isControl())
                .map(e -> ProbeReport.parse(((ReplyReceived) e).lines())).filter(r -> !r.isEmpty()).toList();
    }
}
