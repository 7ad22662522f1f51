package io.portside.ftp.capture;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.TcpClosed;
import io.portside.ftp.event.ProtocolEvent.TcpConnecting;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import io.portside.ftp.event.ProtocolEvent.TcpFailed;
import io.portside.ftp.event.ProtocolEvent.TcpListening;
import io.portside.ftp.event.TcpPacket;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Puts captured packets on the connections they belong to, by 4-tuple: the sockets' own events
 * (connecting, listening, accepted) name our port and the server's end of each control and
 * data connection. The capture and the event stream arrive on different threads and either may
 * be first, so a packet no connection claims yet waits a while; what nobody claims in
 * {@link #HOLD_NANOS} is another program's connection to the same server and is dropped.
 */
final class PacketMatcher {
    static final long HOLD_NANOS = 10_000_000_000L;
    private static final int MAX_HELD = 20_000;

    /** One of our endpoints: a connection ({@code remote} known) or an active-mode listener (any remote). */
    private record Binding(ConnectionId id, int localPort, InetSocketAddress remote) {
        /** True (client side first) / false when {@code p} belongs here, null when not. */
        Boolean direction(TcpPacket p) {
            if (p.source().getPort() == localPort && (remote == null || remote.equals(p.destination()))) {
                return Boolean.TRUE;
            }
            if (p.destination().getPort() == localPort && (remote == null || remote.equals(p.source()))) {
                return Boolean.FALSE;
            }
            return null;
        }
    }

    private record Held(TcpPacket packet, Frame frame, long arrived) {
    }

    private final Consumer<ProtocolEvent> out;
    private final Consumer<Frame> matchedFrames;
    private final List<Binding> bindings = new ArrayList<>();
    private final Map<ConnectionId, PacketFlow> flows = new LinkedHashMap<>();
    private final Deque<Held> held = new ArrayDeque<>();
    private long matched;

    /** @param matchedFrames gets the frames of our connections, in order (for a capture file) */
    PacketMatcher(Consumer<ProtocolEvent> out, Consumer<Frame> matchedFrames) {
        this.out = out;
        this.matchedFrames = matchedFrames;
    }

    synchronized long matched() {
        return matched;
    }

    /** Learns our endpoints from the sockets' events; other events are ignored. */
    synchronized void socketEvent(ProtocolEvent e) {
        if (e instanceof TcpConnecting c) {
            bind(new Binding(c.connection(), c.local().getPort(), c.remote()));
        } else if (e instanceof TcpListening l) {
            bind(new Binding(l.connection(), l.local().getPort(), null));
        } else if (e instanceof TcpEstablished s) {
            bind(new Binding(s.connection(), s.local().getPort(), s.remote()));
        } else if (e instanceof TcpClosed || e instanceof TcpFailed) {
            PacketFlow f = flows.get(e.connection());
            if (f != null && e instanceof TcpClosed) {
                f.socketClosed();
            }
        }
    }

    synchronized void packet(TcpPacket p, Frame frame) {
        expire(System.nanoTime());
        if (!deliver(p, frame)) {
            if (held.size() >= MAX_HELD) {
                held.removeFirst();
            }
            held.addLast(new Held(p, frame, System.nanoTime()));
        }
    }

    /** The capture ended: the counted segments of every connection are reported. */
    synchronized void finish(Instant at) {
        flows.values().forEach(f -> f.flushSummary(at, out));
        held.clear();
    }

    private void bind(Binding b) {
        if (b.localPort() == 0) {
            return; // not bound yet: the next event names the port
        }
        bindings.remove(b);
        bindings.add(b);
        for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (deliver(h.packet(), h.frame())) {
                it.remove();
            }
        }
    }

    private boolean deliver(TcpPacket p, Frame frame) {
        // Newest first, so a port used again later goes to the later connection.
        for (int i = bindings.size() - 1; i >= 0; i--) {
            Binding b = bindings.get(i);
            Boolean fromClient = b.direction(p);
            if (fromClient == null) {
                continue;
            }
            PacketFlow flow = flows.computeIfAbsent(b.id(), PacketFlow::new);
            if (flow.isNewConnection(p, fromClient)) {
                continue;
            }
            matched++;
            matchedFrames.accept(frame);
            flow.accept(p, fromClient, out);
            return true;
        }
        return false;
    }

    private void expire(long now) {
        while (!held.isEmpty() && now - held.peekFirst().arrived() > HOLD_NANOS) {
            held.removeFirst();
        }
    }
}
