package io.portside.ftp.event;

import io.portside.ftp.DataEndpoint;
import io.portside.ftp.UserMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One thing that happened on the wire or in the connection layer. Every fact in an event
 * comes from the sockets and replies actually used; the {@link LogFormatter} turns each into
 * one line of the protocol log.
 */
public sealed interface ProtocolEvent {

    Instant time();

    ConnectionId connection();

    /** Looking up the server's name (skipped for literal addresses). */
    record Resolving(Instant time, ConnectionId connection, String host) implements ProtocolEvent {
    }

    record Resolved(Instant time, ConnectionId connection, String host, List<InetAddress> addresses,
                    Duration took) implements ProtocolEvent {
    }

    /**
     * We start a TCP connect from {@code local} (already bound, so its ephemeral port is known) to
     * {@code remote}.
     */
    record TcpConnecting(Instant time, ConnectionId connection, InetSocketAddress local, InetSocketAddress remote)
            implements ProtocolEvent {
    }

    /** We listen for the server's data connection (active mode). */
    record TcpListening(Instant time, ConnectionId connection, InetSocketAddress local) implements ProtocolEvent {
    }

    /**
     * The TCP connection is up. {@code inbound} is true when the server connected to us (active
     * mode). {@code took} is connect() time for outbound connections, the wait for accept() for
     * inbound ones.
     */
    record TcpEstablished(Instant time, ConnectionId connection, InetSocketAddress local,
                          InetSocketAddress remote, boolean inbound, Duration took) implements ProtocolEvent {
    }

    /** A host other than the server connected to our data port; we closed it (active mode). */
    record TcpRejected(Instant time, ConnectionId connection, InetSocketAddress from, InetAddress expected)
            implements ProtocolEvent {
    }

    /**
     * A connect or accept failed, or an open connection broke.
     *
     * @param opened the connection had been established (a timeout then means the other side sent
     *               nothing in time, not that the connection attempt went unanswered)
     */
    record TcpFailed(Instant time, ConnectionId connection, InetSocketAddress remote, boolean inbound,
                     FailureCause cause, String detail, Duration after, boolean opened) implements ProtocolEvent {
    }

    /** The connection closed; byte counts are what crossed this socket. */
    record TcpClosed(Instant time, ConnectionId connection, ClosedBy by, long bytesReceived, long bytesSent,
                     Duration open) implements ProtocolEvent {
    }

    /** A command as sent; PASS arguments are already masked. */
    record CommandSent(Instant time, ConnectionId connection, String command) implements ProtocolEvent {
        public String verb() {
            int sp = command.indexOf(' ');
            return (sp < 0 ? command : command.substring(0, sp)).toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** A complete reply, every line of it. */
    record ReplyReceived(Instant time, ConnectionId connection, int code, List<String> lines)
            implements ProtocolEvent {
    }

    /** A PASV/EPSV reply or a PORT/EPRT command decoded into address and port. */
    record EndpointDecoded(Instant time, ConnectionId connection, DataEndpoint endpoint) implements ProtocolEvent {
    }

    /**
     * A passive reply named an address other than the control connection's peer; we connect to
     * {@code used} instead of {@code announced} (unless the user trusts the server's address).
     */
    record PassiveAddressReplaced(Instant time, ConnectionId connection, InetSocketAddress announced,
                                  InetSocketAddress used, boolean announcedPrivate) implements ProtocolEvent {
    }

    /**
     * A TLS handshake completed on this connection.
     *
     * @param resumed for data connections, whether the control connection's session was
     *                resumed (servers may require it); null on the control connection
     * @param trust   how the certificate came to be trusted, in words
     */
    record TlsEstablished(Instant time, ConnectionId connection, String protocol, String cipherSuite, Boolean resumed,
                          String subject, String sha256, UserMessage trust, Duration took) implements ProtocolEvent {
    }

    /** A TLS handshake failed; {@code reason} is in words. */
    record TlsFailed(Instant time, ConnectionId connection, UserMessage reason, Duration after) implements ProtocolEvent {
    }

    /** The data-connection method in use changed: a user toggle or an automatic fallback. */
    record ModeChanged(Instant time, ConnectionId connection, UserMessage method, UserMessage reason)
            implements ProtocolEvent {
    }

    /**
     * Anything else worth a line. {@code key} names a message in the log bundle; {@code args}
     * fill it. Keeping the key (not the text) lets the UI show the line in the user's language.
     */
    record Notice(Instant time, ConnectionId connection, Severity severity, String key, List<Object> args)
            implements ProtocolEvent {
        public enum Severity { INFO, WARNING, ERROR }
    }

    /**
     * A captured packet of one of our connections that opens, closes or refuses it (SYN,
     * SYN-ACK, the handshake's last ACK, FIN, RST). {@code sinceSyn} counts from the
     * connection's first SYN; {@code repeat} is n for the n-th retransmission of a SYN or SYN-ACK.
     */
    record PacketSeen(Instant time, ConnectionId connection, TcpPacket packet, boolean fromClient, Duration sinceSyn,
                      Meaning meaning, int repeat) implements ProtocolEvent {
        /** What the packet says beyond its flags. */
        public enum Meaning { NORMAL, RETRANSMISSION, REFUSED, RESET }
    }

    /** The data segments (and bare ACKs) of one connection between its handshake and its close, counted. */
    record PacketsSummarised(Instant time, ConnectionId connection, int segmentsSent, long bytesSent,
                             int segmentsReceived, long bytesReceived, int bareAcks) implements ProtocolEvent {
    }
}
