package io.portside.diagnose;

import io.portside.ftp.event.AddressText;
import io.portside.ftp.AddressScope;
import io.portside.ftp.DataEndpoint;
import io.portside.ftp.ServerCapabilities;
import io.portside.ftp.UserMessage;
import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.ProtocolEvent.PassiveAddressReplaced;
import io.portside.ftp.event.ProtocolEvent.ReplyReceived;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import io.portside.ftp.event.ProtocolEvent.TcpFailed;
import io.portside.ftp.event.Units;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Explains one attempt in plain words from what its events show: the reply to PASV/PORT, the
 * decoded endpoint, a replaced passive address, how a data connection failed, and where the
 * addresses prove it (our private address to a public server), that we are behind NAT. Falls
 * back to the layer's own error sentence when no specific rule applies, so nothing is left
 * unexplained.
 */
final class Explainer {
    /** A 425 faster than this came from a refused connection (RST), not from the server waiting in vain. */
    static final Duration QUICK_REFUSAL = Duration.ofMillis(1500);
    private final DoctorText t;
    private final ServerCapabilities caps;
    /** How long a session waits for a reply: what "nor its reply came within" means. */
    private final Duration replyWait;

    Explainer(DoctorText text, ServerCapabilities caps, Duration replyWait) {
        this.t = text;
        this.caps = caps;
        this.replyWait = replyWait;
    }

    List<String> explain(Attempt a) {
        List<String> out = new ArrayList<>();
        if (a.method() == null) {
            if (a.outcome() == AttemptOutcome.FAILED) {
                out.add(t.get("login.failed", UserMessage.textOf(a.error(), t.locale())));
            }
            return out;
        }
        Evidence ev = a.evidence();
        String m = a.step();
        ev.passiveReplaced().ifPresent(r -> out.add(replaced(m, r, ev)));
        if (a.outcome() == AttemptOutcome.OK) {
            if (!a.method().passive() && !a.overTls() && nat(ev).isPresent()) {
                InetAddress[] n = nat(ev).get();
                out.add(t.get("helper.rewrote", a.method().name(), AddressText.of(n[0]), AddressText.of(n[1])));
            }
            return out;
        }
        Optional<ReplyReceived> modeReply = ev.replyTo(a.method().name());
        if (modeReply.isPresent() && modeReply.get().code() >= 500) {
            out.add(refused(a, modeReply.get(), ev));
            return out;
        }
        Optional<TcpFailed> failed = ev.dataFailed();
        Optional<ReplyReceived> transfer = ev.transferReply();
        if (!a.method().passive() && silentAfterTransfer(a)) {
            out.add(t.get("active.silent", m, modeReply.map(r -> " (" + r.code() + ")").orElse(""),
                    ev.transferSent().get().verb(), ev.advertised().map(Explainer::addr).orElse("?"),
                    Units.duration(replyWait)) + nat(ev).map(n -> t.get("nat.inbound", AddressText.of(n[0]),
                    AddressText.of(n[1]))).orElse(""));
        } else if (failed.isPresent()) {
            out.add(a.method().passive() ? passiveFailed(m, failed.get()) : activeFailed(a, failed.get(), ev));
        } else if (transfer.isPresent() && transfer.get().code() == 425) {
            out.add(cannotOpen(a, transfer.get(), ev));
        } else if (ev.rejected().isPresent()) {
            out.add(t.get("foreign", m, addr(ev.rejected().get().from())));
        } else {
            out.add(t.get("failed", m, UserMessage.textOf(a.error(), t.locale())));
        }
        return out;
    }

    /**
     * Active mode that works in plain FTP and fails over TLS from a private address: the router's
     * FTP helper rewrote the plain command, and cannot read the encrypted one.
     */
    List<String> compareTls(List<Attempt> plain, List<Attempt> secured) {
        List<String> out = new ArrayList<>();
        for (Attempt s : secured) {
            if (s.method() == null || s.method().passive() || s.outcome() == AttemptOutcome.OK
                    || s.evidence().replyTo(s.method().name()).isEmpty()) {
                continue; // only a PORT/EPRT that TLS carried to the server tells about the helper
            }
            Optional<InetAddress[]> n = nat(s.evidence());
            boolean plainWorked = plain.stream().anyMatch(p -> p.method() == s.method() && p.outcome() == AttemptOutcome.OK);
            if (plainWorked && n.isPresent()) {
                out.add(t.get("helper.tls", s.method().name(), AddressText.of(n.get()[0])));
            }
        }
        return out;
    }

    /**
     * Active mode where the server neither connected nor answered the transfer command: it is still
     * trying to connect to us (vsftpd connects before it replies), so something drops its connection.
     */
    static boolean silentAfterTransfer(Attempt a) {
        Evidence ev = a.evidence();
        return a.outcome() != AttemptOutcome.OK && ev.transferSent().isPresent() && ev.transferReply().isEmpty()
                && ev.dataEstablished().isEmpty() && ev.rejected().isEmpty();
    }

    /** The server's connection to us (active mode) never arrived: an inbound firewall or NAT drops it. */
    static boolean inboundBlocked(Attempt a) {
        return !a.method().passive() && (silentAfterTransfer(a) || a.evidence().dataFailed()
                .map(f -> f.inbound() && f.cause() == FailureCause.TIMED_OUT).orElse(false));
    }

    /** Our private local address and the server's public one, when the control connection shows both. */
    static Optional<InetAddress[]> nat(Evidence ev) {
        return ev.control().filter(c -> AddressScope.behindNat(c.local().getAddress(), c.remote().getAddress()))
                .map(c -> new InetAddress[] {c.local().getAddress(), c.remote().getAddress()});
    }

    private String replaced(String m, PassiveAddressReplaced r, Evidence ev) {
        String announced = addr(r.announced());
        String peer = AddressText.of(r.used().getAddress());
        boolean isPrivate = r.announcedPrivate();
        String b = t.get(isPrivate ? "pasv.replaced.private" : "pasv.replaced.other", m, announced, peer);
        Optional<TcpEstablished> data = ev.dataEstablished();
        if (data.isPresent()) {
            return b + t.get("pasv.replaced.worked", addr(r.used()));
        }
        return b + t.get("pasv.replaced.failed", addr(r.used()),
                ev.dataFailed().map(f -> " (" + cause(f.cause()) + ")").orElse(""));
    }

    private String refused(Attempt a, ReplyReceived reply, Evidence ev) {
        DataMethod method = a.method();
        String m = a.step();
        String said = first(reply);
        boolean notImplemented = reply.code() == 500 || reply.code() == 501 || reply.code() == 502;
        boolean listed = method == DataMethod.EPSV ? caps.epsv() : method == DataMethod.EPRT && caps.eprt();
        if (method.isExtended() && notImplemented && !listed) {
            return t.get("extended.unsupported", m, said, method.passive() ? "PASV" : "PORT");
        }
        if (method.passive()) {
            return t.get("passive.refused", m, said);
        }
        if (reply.code() == 502 && !listed) {
            return t.get("active.notImplemented", m, said);
        }
        String advertised = ev.advertised().map(Explainer::addr).orElse("?");
        Optional<InetAddress[]> n = nat(ev);
        boolean advertisedLocal = ev.advertised().isEmpty() || n.isPresent()
                && ev.advertised().get().getAddress().equals(n.get()[0]);
        String feat = listed ? t.get("active.refused.listed", method.name()) : "";
        if (n.isPresent() && advertisedLocal) {
            return t.get("active.refused.nat", m, said, AddressText.of(n.get()[0]), AddressText.of(n.get()[1]),
                    advertised) + feat + (a.overTls() ? t.get("active.refused.nat.tls") : "");
        }
        String local = ev.control().map(c -> AddressText.of(c.local().getAddress())).orElse(null);
        String why = local != null && ev.advertised().isPresent()
                && !AddressText.of(ev.advertised().get().getAddress()).equals(local)
                ? t.get("active.refused.external", advertised, local)
                : t.get("active.refused.same", advertised);
        return t.get("active.refused", m, said) + feat + why;
    }

    private String passiveFailed(String m, TcpFailed f) {
        String target = f.remote() == null ? "?" : addr(f.remote());
        return switch (f.cause()) {
            case REFUSED -> t.get("passive.rst", m, target);
            case TIMED_OUT -> t.get("passive.timeout", m, target, Units.duration(f.after()));
            case RESET -> t.get("data.reset", m, target);
            default -> t.get("passive.failed", m, target, cause(f.cause()));
        };
    }

    private String activeFailed(Attempt a, TcpFailed f, Evidence ev) {
        String m = a.step();
        String where = ev.advertised().map(Explainer::addr)
                .orElse(f.remote() == null ? "?" : addr(f.remote()));
        if (f.inbound() && f.cause() == FailureCause.TIMED_OUT) {
            int code = ev.replyTo(a.method().name()).map(ReplyReceived::code).orElse(0);
            return t.get("active.timeout", m, code > 0 ? " (" + code + ")" : "", where, Units.duration(f.after()))
                    + nat(ev).map(n -> t.get("nat.inbound", AddressText.of(n[0]), AddressText.of(n[1]))).orElse("");
        }
        if (f.cause() == FailureCause.RESET) {
            return t.get("data.reset", m, where);
        }
        return t.get("active.failed", m, where, cause(f.cause()));
    }

    private String cannotOpen(Attempt a, ReplyReceived reply, Evidence ev) {
        String said = first(reply);
        if (a.method().passive()) {
            return t.get("passive.cannotOpen", a.step(), said);
        }
        String where = ev.advertised().map(Explainer::addr).orElse("?");
        Optional<Duration> delay = ev.transferReplyDelay();
        if (delay.isPresent() && delay.get().compareTo(QUICK_REFUSAL) < 0) {
            return t.get("active.cannotOpen.rst", a.step(), where, said, Units.duration(delay.get()));
        }
        return t.get("active.cannotOpen", a.step(), where, said,
                delay.map(Units::duration).orElse("?"));
    }

    private static String first(ReplyReceived r) {
        return r.lines().isEmpty() ? Integer.toString(r.code()) : r.lines().get(0).strip();
    }

    String cause(FailureCause c) {
        return t.get("cause." + c.name());
    }

    static String addr(InetSocketAddress a) {
        return io.portside.ftp.event.AddressText.of(a);
    }

    static String addr(DataEndpoint d) {
        return addr(InetSocketAddress.createUnresolved(d.host(), d.port()));
    }
}
