package io.portside.diagnose.diagram;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import java.time.Duration;

/**
 * One row of the sequence diagram, top to bottom. Each keeps the event it came from, so a
 * click on it can select the matching log line, and a selected log line can find its row.
 */
public sealed interface DiagramElement {

    ConnectionId connection();

    /** The event this row was drawn from. */
    ProtocolEvent source();

    /** True when this row was drawn from {@code e} (an arrow may also carry a decoded endpoint's event). */
    default boolean cameFrom(ProtocolEvent e) {
        return source() == e;
    }

    /**
     * An arrow between the lanes on one connection, with the ports at each end.
     *
     * @param decoded       for PORT/EPRT commands and PASV/EPSV replies: the address and port they
     *                      name, e.g. {@code 127.0.0.1:1663 (6*256+127 = 1663)}; else null
     * @param decodedSource the EndpointDecoded event behind {@code decoded}, or null
     */
    record Arrow(Kind kind, Side from, ConnectionId connection, int clientPort, int serverPort, String label,
                 String decoded, ProtocolEvent source, ProtocolEvent decodedSource) implements DiagramElement {

        public enum Kind {
            /** TCP connect started (SYN). */
            CONNECT,
            /** TCP connection up (the handshake's answer, or an accepted active connection). */
            ESTABLISHED,
            COMMAND,
            REPLY,
            /** The connection was closed by the side it starts from (FIN). */
            CLOSE,
            /** A connect or an accept that failed: the arrow never arrives. */
            FAILED,
            /** A captured packet (SYN, SYN-ACK, ACK, FIN, RST) with its numbers: the wire, not the sockets. */
            PACKET
        }

        public Side to() {
            return from.other();
        }

        @Override
        public boolean cameFrom(ProtocolEvent e) {
            return source == e || (decodedSource != null && decodedSource == e);
        }

        Arrow withDecoded(String text, ProtocolEvent event) {
            return new Arrow(kind, from, connection, clientPort, serverPort, label, text, source, event);
        }
    }

    /**
     * Data crossing a data connection: {@code from} is the sender (the server for a listing or a
     * download), with the byte count and how long the connection was open.
     */
    record Band(ConnectionId connection, Side from, int clientPort, int serverPort, long bytes, Duration duration,
                ProtocolEvent source) implements DiagramElement {
    }

    /** A remark on one lane: a replaced PASV address, a refused intruder, a mode change. */
    record Note(Side side, ConnectionId connection, String text, ProtocolEvent source) implements DiagramElement {
    }
}
