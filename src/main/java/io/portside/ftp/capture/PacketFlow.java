package io.portside.ftp.capture;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.PacketSeen;
import io.portside.ftp.event.ProtocolEvent.PacketSeen.Meaning;
import io.portside.ftp.event.ProtocolEvent.PacketsSummarised;
import io.portside.ftp.event.TcpPacket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the captured packets of one of our connections say: which packets get a log line of
 * their own (SYNs, SYN-ACKs, the handshake's last ACK, FINs and the ACKs of FINs, RSTs), which
 * SYNs are retransmissions, which RST refuses a connection, and the count of everything else.
 */
final class PacketFlow {
    private final ConnectionId id;
    private Instant synTime;
    private final List<Long> clientSyns = new ArrayList<>();
    private final List<Long> serverSyns = new ArrayList<>();
    private boolean synAckSeen;
    private boolean handshakeAcked;
    private long clientFinEnd = -1;
    private long serverFinEnd = -1;
    private boolean ended;
    private int sent;
    private long bytesSent;
    private int received;
    private long bytesReceived;
    private int bareAcks;

    PacketFlow(ConnectionId id) {
        this.id = id;
    }

    /**
     * True when {@code p} cannot belong to this connection although its ports match: the
     * connection ended and a new SYN starts another one on the same ports. A SYN-ACK belongs
     * where the SYN it answers went: the socket may report the close before the capture
     * delivers the handshake (the two arrive on different threads).
     */
    boolean isNewConnection(TcpPacket p, boolean fromClient) {
        if (!ended || !p.has(TcpPacket.SYN)) {
            return false;
        }
        if (p.has(TcpPacket.ACK)) {
            return !(fromClient ? serverSyns : clientSyns).contains((p.ack() - 1) & 0xffffffffL);
        }
        return !(fromClient ? clientSyns : serverSyns).contains(p.seq());
    }

    void socketClosed() {
        ended = true;
    }

    void accept(TcpPacket p, boolean fromClient, Consumer<ProtocolEvent> out) {
        if (synTime == null && p.has(TcpPacket.SYN)) {
            synTime = p.time();
        }
        if (p.has(TcpPacket.SYN)) {
            syn(p, fromClient, out);
        } else if (p.has(TcpPacket.RST)) {
            flushSummary(p.time(), out);
            ended = true;
            boolean refused = !fromClient && !synAckSeen && !clientSyns.isEmpty();
            emit(p, fromClient, refused ? Meaning.REFUSED : Meaning.RESET, 0, out);
        } else if (p.has(TcpPacket.FIN)) {
            flushSummary(p.time(), out);
            long end = p.seq() + p.payload() + 1;
            if (fromClient) {
                clientFinEnd = end;
            } else {
                serverFinEnd = end;
            }
            count(p, fromClient);
            emit(p, fromClient, Meaning.NORMAL, 0, out);
        } else if (isHandshakeAck(p)) {
            handshakeAcked = true;
            emit(p, fromClient, Meaning.NORMAL, 0, out);
        } else if (acksFin(p, fromClient)) {
            ended = clientFinEnd >= 0 && serverFinEnd >= 0;
            emit(p, fromClient, Meaning.NORMAL, 0, out);
        } else {
            count(p, fromClient);
        }
    }

    private void syn(TcpPacket p, boolean fromClient, Consumer<ProtocolEvent> out) {
        List<Long> seen = fromClient ? clientSyns : serverSyns;
        if (p.has(TcpPacket.ACK)) {
            synAckSeen = true;
        }
        long repeats = seen.stream().filter(s -> s == p.seq()).count();
        seen.add(p.seq());
        emit(p, fromClient, repeats > 0 ? Meaning.RETRANSMISSION : Meaning.NORMAL, (int) repeats, out);
    }

    /** The opener's first bare ACK after the SYN-ACK completes the three-way handshake. */
    private boolean isHandshakeAck(TcpPacket p) {
        return synAckSeen && !handshakeAcked && p.payload() == 0 && p.has(TcpPacket.ACK);
    }

    private boolean acksFin(TcpPacket p, boolean fromClient) {
        long finEnd = fromClient ? serverFinEnd : clientFinEnd;
        return finEnd >= 0 && p.payload() == 0 && p.ack() == (finEnd & 0xffffffffL);
    }

    private void count(TcpPacket p, boolean fromClient) {
        if (p.payload() == 0) {
            if (!p.has(TcpPacket.FIN)) {
                bareAcks++;
            }
        } else if (fromClient) {
            sent++;
            bytesSent += p.payload();
        } else {
            received++;
            bytesReceived += p.payload();
        }
    }

    /** Reports the data segments counted since the handshake (before a close, or when the capture ends). */
    void flushSummary(Instant at, Consumer<ProtocolEvent> out) {
        if (sent + received + bareAcks == 0) {
            return;
        }
        out.accept(new PacketsSummarised(at, id, sent, bytesSent, received, bytesReceived, bareAcks));
        sent = 0;
        received = 0;
        bytesSent = 0;
        bytesReceived = 0;
        bareAcks = 0;
    }

    private void emit(TcpPacket p, boolean fromClient, Meaning meaning, int repeat, Consumer<ProtocolEvent> out) {
        Duration since = synTime == null ? null : Duration.between(synTime, p.time());
        out.accept(new PacketSeen(p.time(), id, p, fromClient, since, meaning, repeat));
    }
}
