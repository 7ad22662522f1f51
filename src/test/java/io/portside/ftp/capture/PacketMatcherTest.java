package io.portside.ftp.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portside.ftp.event.ClosedBy;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.PacketSeen;
import io.portside.ftp.event.TcpPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packets onto connections by 4-tuple, whichever of the socket events and the capture comes first. */
class PacketMatcherTest {
    private static final ConnectionId DATA = ConnectionId.control("cli", 1).dataConnection(1);
    private static final InetSocketAddress US = new InetSocketAddress("127.0.0.1", 36121);
    private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 35477);
    private final List<ProtocolEvent> out = new ArrayList<>();
    private final PacketMatcher matcher = new PacketMatcher(out::add, f -> { });
    private final Instant t0 = Instant.parse("2026-12-03T16:54:44.971Z");

    @Test
    void anActiveHandshakeStaysWholeWhenTheSocketReportsItsCloseBeforeTheCaptureCatchesUp() {
        matcher.socketEvent(new ProtocolEvent.TcpListening(t0, DATA, US));
        matcher.packet(packet(SERVER, US, 1000, 0, TcpPacket.SYN, 0), null);
        // The transfer ends and the socket says so before the capture thread hands over the rest.
        matcher.socketEvent(new ProtocolEvent.TcpEstablished(t0, DATA, US, SERVER, true, Duration.ZERO));
        matcher.socketEvent(new ProtocolEvent.TcpClosed(t0, DATA, ClosedBy.SERVER, 10, 0, Duration.ofMillis(1)));
        matcher.packet(packet(US, SERVER, 5000, 1001, TcpPacket.SYN | TcpPacket.ACK, 0), null);
        matcher.packet(packet(SERVER, US, 1001, 5001, TcpPacket.ACK, 0), null);
        matcher.packet(packet(SERVER, US, 1001, 5001, TcpPacket.FIN | TcpPacket.ACK | TcpPacket.PSH, 10), null);
        assertEquals(List.of("SYN", "SYN-ACK", "ACK", "FIN-PSH-ACK"), flags());
    }

    @Test
    void aNewSynOnTheSamePortsAfterTheCloseIsNotTakenForTheOldConnection() {
        matcher.socketEvent(new ProtocolEvent.TcpListening(t0, DATA, US));
        matcher.packet(packet(SERVER, US, 1000, 0, TcpPacket.SYN, 0), null);
        matcher.packet(packet(US, SERVER, 5000, 1001, TcpPacket.SYN | TcpPacket.ACK, 0), null);
        matcher.socketEvent(new ProtocolEvent.TcpClosed(t0, DATA, ClosedBy.SERVER, 0, 0, Duration.ofMillis(1)));
        matcher.packet(packet(SERVER, US, 9000, 0, TcpPacket.SYN, 0), null);
        matcher.packet(packet(US, SERVER, 7000, 9001, TcpPacket.SYN | TcpPacket.ACK, 0), null);
        assertEquals(List.of("SYN", "SYN-ACK"), flags());
    }

    private List<String> flags() {
        return out.stream().filter(e -> e instanceof PacketSeen).map(e -> flagsOf(((PacketSeen) e).packet())).toList();
    }

    private static String flagsOf(TcpPacket p) {
        List<String> f = new ArrayList<>();
        if (p.has(TcpPacket.FIN)) {
            f.add("FIN");
        }
        if (p.has(TcpPacket.SYN)) {
            f.add("SYN");
        }
        if (p.has(TcpPacket.RST)) {
            f.add("RST");
        }
        if (p.has(TcpPacket.PSH)) {
            f.add("PSH");
        }
        if (p.has(TcpPacket.ACK)) {
            f.add("ACK");
        }
        return String.join("-", f);
    }

    private TcpPacket packet(InetSocketAddress from, InetSocketAddress to, long seq, long ack, int flags, int payload) {
        return new TcpPacket(t0, from, to, seq, ack, flags, 65495, 0, -1, false, payload);
    }
}
