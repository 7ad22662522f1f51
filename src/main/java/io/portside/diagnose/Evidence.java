package io.portside.diagnose;

import io.portside.ftp.DataEndpoint;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.CommandSent;
import io.portside.ftp.event.ProtocolEvent.EndpointDecoded;
import io.portside.ftp.event.ProtocolEvent.PassiveAddressReplaced;
import io.portside.ftp.event.ProtocolEvent.ReplyReceived;
import io.portside.ftp.event.ProtocolEvent.TcpClosed;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import io.portside.ftp.event.ProtocolEvent.TcpFailed;
import io.portside.ftp.event.ProtocolEvent.TcpRejected;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Questions about what one session's event stream shows; each answer is an observed fact or empty. */
public final class Evidence {
    private static final Set<String> TRANSFER_VERBS = Set.of("LIST", "MLSD", "NLST", "RETR", "STOR");
    private final List<ProtocolEvent> events;

    public Evidence(List<ProtocolEvent> events) {
        this.events = List.copyOf(events);
    }

    /** The control connection as established: local is us, remote the server. */
    public Optional<TcpEstablished> control() {
        return first(TcpEstablished.class, e -> e.connection().isControl());
    }

    /** The reply to the first command with this verb (e.g. "PASV"). */
    public Optional<ReplyReceived> replyTo(String verb) {
        boolean sent = false;
        for (ProtocolEvent e : events) {
            if (e instanceof CommandSent c && c.verb().equals(verb)) {
                sent = true;
            } else if (sent && e instanceof ReplyReceived r && r.connection().isControl()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The first reply to a transfer command (LIST, MLSD...), usually 150 or 425. */
    public Optional<ReplyReceived> transferReply() {
        boolean sent = false;
        for (ProtocolEvent e : events) {
            if (e instanceof CommandSent c && TRANSFER_VERBS.contains(c.verb())) {
                sent = true;
            } else if (sent && e instanceof ReplyReceived r && r.connection().isControl()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The transfer command (LIST, RETR...), if it was sent. */
    public Optional<CommandSent> transferSent() {
        return first(CommandSent.class, c -> TRANSFER_VERBS.contains(c.verb()));
    }

    /** From sending the transfer command to the server's first reply to it (how long a 425 took). */
    public Optional<java.time.Duration> transferReplyDelay() {
        java.time.Instant sent = null;
        for (ProtocolEvent e : events) {
            if (e instanceof CommandSent c && TRANSFER_VERBS.contains(c.verb())) {
                sent = c.time();
            } else if (sent != null && e instanceof ReplyReceived r && r.connection().isControl()) {
                return Optional.of(java.time.Duration.between(sent, r.time()));
            }
        }
        return Optional.empty();
    }

    public Optional<DataEndpoint> decoded() {
        return first(EndpointDecoded.class, e -> true).map(EndpointDecoded::endpoint);
    }

    public Optional<PassiveAddressReplaced> passiveReplaced() {
        return first(PassiveAddressReplaced.class, e -> true);
    }

    public Optional<TcpEstablished> dataEstablished() {
        return first(TcpEstablished.class, e -> !e.connection().isControl());
    }

    public Optional<TcpFailed> dataFailed() {
        return first(TcpFailed.class, e -> !e.connection().isControl());
    }

    public Optional<TcpRejected> rejected() {
        return first(TcpRejected.class, e -> true);
    }

    public Optional<TcpClosed> dataClosed() {
        return first(TcpClosed.class, e -> !e.connection().isControl());
    }

    /** Where the server must connect to in active mode, as we advertised it. */
    public Optional<InetSocketAddress> advertised() {
        return decoded().filter(d -> d.kind().weListen()).map(d -> new InetSocketAddress(d.host(), d.port()));
    }

    private <T extends ProtocolEvent> Optional<T> first(Class<T> type, java.util.function.Predicate<T> p) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(p).findFirst();
    }
}
