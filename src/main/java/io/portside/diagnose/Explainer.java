package io.portside.diagnose;

import io.portside.ftp.DataEndpoint;
import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.ProtocolEvent.PassiveAddressReplaced;
import io.portside.ftp.event.ProtocolEvent.ReplyReceived;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import io.portside.ftp.event.ProtocolEvent.TcpFailed;
import io.portside.ftp.event.Units;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Explains one attempt in plain words from what its events show: the reply to PASV/PORT, the
 * decoded endpoint, a replaced passive address, how a data connection failed. Falls back to the
 * layer's own error sentence when no specific rule applies, so nothing is left unexplained.
 */
final class Explainer {
    private Explainer() {
    }

    static List<String> explain(Attempt a) {
        List<String> out = new ArrayList<>();
        if (a.method() == null) {
            if (a.outcome() == AttemptOutcome.FAILED) {
                out.add("Could not connect and log in: " + a.error().getMessage() + ". Nothing else could be tested.");
            }
            return out;
        }
        Evidence ev = a.evidence();
        String m = a.method().name();
        ev.passiveReplaced().ifPresent(r -> out.add(replaced(m, r, ev)));
        if (a.outcome() == AttemptOutcome.OK) {
            return out;
        }
        Optional<ReplyReceived> modeReply = ev.replyTo(m);
        if (modeReply.isPresent() && modeReply.get().code() >= 500) {
            out.add(refused(a.method(), modeReply.get(), ev));
            return out;
        }
        Optional<TcpFailed> failed = ev.dataFailed();
        Optional<ReplyReceived> transfer = ev.transferReply();
        if (failed.isPresent()) {
            out.add(a.method().passive() ? passiveFailed(m, failed.get(), ev) : activeFailed(m, failed.get(), ev));
        } else if (transfer.isPresent() && transfer.get().code() == 425) {
            out.add(cannotOpen(a.method(), transfer.get(), ev));
        } else if (ev.rejected().isPresent()) {
            out.add(m + ": a host other than the server (" + addr(ev.rejected().get().from())
                    + ") connected to our data port first; Portside refused it, and the server's own connection "
                    + "did not follow.");
        } else {
            out.add(m + " failed: " + a.error().getMessage() + ".");
        }
        return out;
    }

    private static String replaced(String m, PassiveAddressReplaced r, Evidence ev) {
        String announced = addr(r.announced());
        String peer = r.used().getAddress().getHostAddress();
        StringBuilder b = new StringBuilder(m).append(": the reply named ")
                .append(r.announcedPrivate() ? "the private address " : "the address ").append(announced)
                .append(" while the control connection goes to ").append(peer);
        b.append(r.announcedPrivate()
                ? " (the server is behind NAT and its external address is not configured)."
                : " (a wrongly configured external address, or an attempt to make us connect to a third host:"
                + " FTP bounce).");
        Optional<TcpEstablished> data = ev.dataEstablished();
        if (data.isPresent()) {
            b.append(" Connecting to the control address ").append(addr(r.used())).append(" instead worked.");
        } else {
            b.append(" Connecting to the control address ").append(addr(r.used())).append(" instead failed too")
                    .append(ev.dataFailed().map(f -> " (" + cause(f.cause()) + ")").orElse("")).append('.');
        }
        return b.toString();
    }

    private static String refused(DataMethod method, ReplyReceived reply, Evidence ev) {
        String m = method.name();
        String said = " (the server answered \"" + first(reply) + "\")";
        boolean notImplemented = reply.code() == 500 || reply.code() == 501 || reply.code() == 502;
        if (method.isExtended() && notImplemented) {
            return m + " is not supported by the server" + said + ". That is harmless: with extended commands on"
                    + " AUTO, Portside falls back to " + (method.passive() ? "PASV" : "PORT") + " by itself.";
        }
        if (method.passive()) {
            return m + " was refused" + said + ": the server does not offer passive mode.";
        }
        if (reply.code() == 502) {
            return m + " is not implemented by the server" + said + ": it does not offer active mode.";
        }
        String advertised = ev.advertised().map(Explainer::addr).orElse("our address");
        String local = ev.control().map(c -> c.local().getAddress().getHostAddress()).orElse(null);
        String why = local != null && ev.advertised().isPresent()
                && !ev.advertised().get().getAddress().getHostAddress().equals(local)
                ? " We advertised " + advertised + " but our control connection comes from " + local
                + ": the advertised (external) address is probably wrong."
                : " We advertised " + advertised + ", the address our control connection comes from, so either the"
                + " server sees us under another address (NAT in front of us) or it does not allow active mode.";
        return m + " was refused" + said + ": the server refuses data connections to an address other than the"
                + " one it sees us connect from (bounce protection), or we advertised the wrong address." + why;
    }

    private static String passiveFailed(String m, TcpFailed f, Evidence ev) {
        String target = f.remote() == null ? "the server's data port" : addr(f.remote());
        String base = m + ": the server said it listens on " + target + ", but connecting to it ";
        return switch (f.cause()) {
            case REFUSED -> base + "was refused: nothing listens there (the server's passive port range is"
                    + " closed by its firewall, or the server gave up waiting).";
            case TIMED_OUT -> base + "got no answer within " + Units.duration(f.after()) + ": a firewall in front of"
                    + " the server drops connections to its passive ports. The server's admin must open the passive"
                    + " port range.";
            case RESET -> m + ": the data connection to " + target + " was reset (by the server or a firewall in"
                    + " between). With FTPS this is what a server that requires TLS session reuse does.";
            default -> base + "failed: " + cause(f.cause()) + ".";
        };
    }

    private static String activeFailed(String m, TcpFailed f, Evidence ev) {
        String where = ev.advertised().map(Explainer::addr)
                .orElse(f.remote() == null ? "our data port" : addr(f.remote()));
        int code = ev.replyTo(m).map(ReplyReceived::code).orElse(0);
        if (f.inbound() && f.cause() == FailureCause.TIMED_OUT) {
            return m + " was accepted" + (code > 0 ? " (" + code + ")" : "") + " but the server's connection to "
                    + where + " never arrived within " + Units.duration(f.after()) + ": an inbound firewall or NAT"
                    + " in front of us blocks it. Use passive mode, or configure an external address and a port"
                    + " range that the firewall forwards to this machine.";
        }
        if (f.cause() == FailureCause.RESET) {
            return m + ": the data connection was reset (by the server or a firewall in between). With FTPS this"
                    + " is what a server that requires TLS session reuse does.";
        }
        return m + ": the server's connection to " + where + " failed: " + cause(f.cause()) + ".";
    }

    private static String cannotOpen(DataMethod method, ReplyReceived reply, Evidence ev) {
        String said = " (\"" + first(reply) + "\")";
        if (method.passive()) {
            return method + ": the server could not open its side of the data connection" + said + ".";
        }
        String where = ev.advertised().map(Explainer::addr).orElse("our data port");
        return method + " was accepted but the server then reported it could not connect to " + where + said
                + ": an inbound firewall or NAT in front of us blocks it, or the server cannot reach that address."
                + " Use passive mode, or configure an external address and port range.";
    }

    private static String first(ReplyReceived r) {
        return r.lines().isEmpty() ? Integer.toString(r.code()) : r.lines().get(0).strip();
    }

    static String cause(FailureCause c) {
        return switch (c) {
            case REFUSED -> "connection refused";
            case TIMED_OUT -> "no answer, timed out";
            case RESET -> "reset by the peer";
            case UNREACHABLE -> "no route to the host";
            case UNKNOWN_HOST -> "unknown host";
            case CLOSED -> "closed";
            case OTHER -> "an I/O error";
        };
    }

    static String addr(InetSocketAddress a) {
        return io.portside.ftp.event.AddressText.of(a);
    }

    static String addr(DataEndpoint d) {
        return addr(InetSocketAddress.createUnresolved(d.host(), d.port()));
    }
}
