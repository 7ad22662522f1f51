package io.portside.diagnose.diagram;

import io.portside.diagnose.DoctorText;
import io.portside.diagnose.diagram.DiagramConnection.State;
import io.portside.diagnose.diagram.DiagramElement.Arrow;
import io.portside.diagnose.diagram.DiagramElement.Arrow.Kind;
import io.portside.diagnose.diagram.DiagramElement.Band;
import io.portside.diagnose.diagram.DiagramElement.Note;
import io.portside.ftp.DataEndpoint;
import io.portside.ftp.event.ClosedBy;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.CommandSent;
import io.portside.ftp.event.ProtocolEvent.EndpointDecoded;
import io.portside.ftp.event.ProtocolEvent.ModeChanged;
import io.portside.ftp.event.ProtocolEvent.PacketSeen;
import io.portside.ftp.event.TcpPacket;
import io.portside.ftp.event.ProtocolEvent.PassiveAddressReplaced;
import io.portside.ftp.event.ProtocolEvent.ReplyReceived;
import io.portside.ftp.event.ProtocolEvent.TcpClosed;
import io.portside.ftp.event.ProtocolEvent.TcpConnecting;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import io.portside.ftp.event.ProtocolEvent.TcpFailed;
import io.portside.ftp.event.ProtocolEvent.TcpListening;
import io.portside.ftp.event.ProtocolEvent.TcpRejected;
import io.portside.ftp.event.Units;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The session as a textbook sequence diagram, built event by event: two lanes (client and
 * server, with their real addresses), the TCP connections with their ports and direction, the
 * commands and replies on the control connection, data transfers as bands, and closes.
 *
 * <p>No JavaFX: the window's view and {@link AsciiDiagram} both draw from it. Thread-safe: the
 * bus thread feeds it while a view reads snapshots; listeners hear of each change on the
 * feeding thread (a JavaFX view must hop to the FX thread).
 */
public final class SequenceDiagramModel {
    private static final String CONNECTING_FROM_ANY = "0.0.0.0";
    private final Predicate<ConnectionId> accepted;
    private final DoctorText text;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Map<ConnectionId, DiagramConnection> connections = new LinkedHashMap<>();
    private final List<DiagramElement> elements = new ArrayList<>();
    private Lane client;
    private Lane server;
    /** PORT/EPRT are decoded just before the command is sent: held for the command's arrow. */
    private EndpointDecoded pendingPortDecode;
    /** Connections whose packets were captured: their inferred connect, established and close rows give way. */
    private final Set<ConnectionId> captured = new HashSet<>();
    private static final Set<Kind> INFERRED = EnumSet.of(Kind.CONNECT, Kind.ESTABLISHED, Kind.CLOSE);

    /**
     * @param accepted which connections to draw (e.g. one session's), by their id
     * @param locale   the language of the labels (commands, replies and addresses are as on the wire)
     */
    public SequenceDiagramModel(Predicate<ConnectionId> accepted, Locale locale) {
        this.accepted = accepted;
        this.text = new DoctorText(locale);
    }

    /** Draws every connection on the bus. */
    public static SequenceDiagramModel all(Locale locale) {
        return new SequenceDiagramModel(c -> true, locale);
    }

    /** Draws one session: the control connection {@code control} and its data connections. */
    public static SequenceDiagramModel ofSession(ConnectionId control, Locale locale) {
        return new SequenceDiagramModel(c -> c.session() == control.session()
                && java.util.Objects.equals(c.owner(), control.owner()), locale);
    }

    /** Called after each change, on the thread that fed the event. */
    public void addListener(Runnable onChange) {
        listeners.add(onChange);
    }

    public void removeListener(Runnable onChange) {
        listeners.remove(onChange);
    }

    public synchronized List<DiagramConnection> connections() {
        return new ArrayList<>(connections.values());
    }

    public synchronized Optional<DiagramConnection> connection(ConnectionId id) {
        return Optional.ofNullable(connections.get(id));
    }

    public synchronized List<DiagramElement> elements() {
        return new ArrayList<>(elements);
    }

    /** The row drawn from {@code e} (the log line's event), if any. */
    public synchronized Optional<DiagramElement> elementFor(ProtocolEvent e) {
        return elements.stream().filter(x -> x.cameFrom(e)).findFirst();
    }

    public void accept(ProtocolEvent e) {
        boolean changed;
        synchronized (this) {
            changed = accepted.test(e.connection()) && add(e);
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    private boolean add(ProtocolEvent event) {
        ConnectionId id = event.connection();
        if (event instanceof TcpConnecting e) {
            if (client == null && id.isControl()) {
                client = new Lane(Side.CLIENT, host(e.local()));
                server = new Lane(Side.SERVER, host(e.remote()));
            }
            DiagramConnection c = new DiagramConnection(id, e.local().getPort(), e.remote().getPort(), false,
                    State.CONNECTING, 0, null, e);
            connections.put(id, c);
            return arrow(Kind.CONNECT, Side.CLIENT, c, label(id.isControl() ? "connect" : "connect.passive"), e);
        } else if (event instanceof TcpListening e) {
            connections.put(id, new DiagramConnection(id, e.local().getPort(), 0, true, State.LISTENING, 0, null, e));
            return note(Side.CLIENT, id, label("listening", hostPort(e.local())), e);
        } else if (event instanceof TcpEstablished e) {
            DiagramConnection c = connections.getOrDefault(id,
                    new DiagramConnection(id, 0, 0, e.inbound(), State.CONNECTING, 0, null, e));
            c = c.with(e.local().getPort(), e.remote().getPort(), State.OPEN);
            connections.put(id, c);
            if (id.isControl() && client != null && client.address().equals(CONNECTING_FROM_ANY)) {
                client = new Lane(Side.CLIENT, host(e.local())); // unbound while connecting: the real one now
            }
            return e.inbound()
                    ? arrow(Kind.ESTABLISHED, Side.SERVER, c, label("inbound", Units.duration(e.took())), e)
                    : arrow(Kind.ESTABLISHED, Side.SERVER, c, label("established", Units.duration(e.took())), e);
        } else if (event instanceof TcpFailed e) {
            DiagramConnection c = connections.get(id);
            if (c == null) {
                c = new DiagramConnection(id, 0, e.remote() == null ? 0 : e.remote().getPort(), e.inbound(),
                        State.FAILED, 0, null, e);
            }
            connections.put(id, c.closed(State.FAILED, c.bytes(), e.after()));
            String why = text.get("cause." + e.cause().name());
            return arrow(Kind.FAILED, c.opener(), c, label("failed", Units.duration(e.after()), why), e);
        } else if (event instanceof TcpClosed e) {
            return closed(id, e);
        } else if (event instanceof CommandSent e) {
            Arrow a = controlArrow(Kind.COMMAND, Side.CLIENT, id, e.command(), e);
            EndpointDecoded d = pendingPortDecode;
            pendingPortDecode = null;
            elements.add(d != null && e.verb().equals(d.endpoint().kind().name()) ? a.withDecoded(decoded(d), d) : a);
            return true;
        } else if (event instanceof ReplyReceived e) {
            String reply = e.lines().isEmpty() ? Integer.toString(e.code()) : e.lines().size() > 1
                    ? label("moreLines", e.lines().get(0), e.lines().size() - 1) : e.lines().get(0);
            elements.add(controlArrow(Kind.REPLY, Side.SERVER, id, reply, e));
            return true;
        } else if (event instanceof EndpointDecoded e) {
            return decodedArrived(e);
        } else if (event instanceof PassiveAddressReplaced e) {
            return note(Side.CLIENT, id, label(e.announcedPrivate() ? "replaced.private" : "replaced",
                    hostPort(e.announced()), hostPort(e.used())), e);
        } else if (event instanceof TcpRejected e) {
            return note(Side.CLIENT, id, label("rejected", hostPort(e.from())), e);
        } else if (event instanceof ModeChanged e) {
            return note(Side.CLIENT, id, label("mode", e.method()), e);
        } else if (event instanceof PacketSeen e) {
            return packet(e);
        }
        return false; // name lookups and notices belong to the log, not the wire diagram
    }

    private boolean decodedArrived(EndpointDecoded e) {
        if (e.endpoint().kind().weListen()) {
            pendingPortDecode = e;
            return false;
        }
        for (int i = elements.size() - 1; i >= 0; i--) {
            if (elements.get(i) instanceof Arrow a && a.kind() == Kind.REPLY && a.connection().equals(e.connection())) {
                elements.set(i, a.withDecoded(decoded(e), e));
                return true;
            }
        }
        return false;
    }

    private boolean closed(ConnectionId id, TcpClosed e) {
        DiagramConnection c = connections.get(id);
        if (c == null) {
            return false;
        }
        long bytes = Math.max(e.bytesReceived(), e.bytesSent());
        c = c.closed(State.CLOSED, bytes, e.open());
        connections.put(id, c);
        if (!id.isControl() && bytes > 0) {
            Side sender = e.bytesReceived() >= e.bytesSent() ? Side.SERVER : Side.CLIENT;
            elements.add(new Band(id, sender, c.clientPort(), c.serverPort(), bytes, e.open(), e));
        }
        Side by = e.by() == ClosedBy.SERVER ? Side.SERVER : Side.CLIENT;
        return arrow(Kind.CLOSE, by, c, label(by == Side.SERVER ? "close.server" : "close.client"), e);
    }

    /**
     * A captured packet: drawn at its own time (the capture reaches us a little after the
     * sockets' events), and it replaces the connection's rows inferred from socket events.
     */
    private boolean packet(PacketSeen e) {
        TcpPacket p = e.packet();
        if (captured.add(e.connection())) {
            elements.removeIf(x -> x instanceof Arrow a && a.connection().equals(e.connection())
                    && INFERRED.contains(a.kind()));
        }
        int clientPort = (e.fromClient() ? p.source() : p.destination()).getPort();
        int serverPort = (e.fromClient() ? p.destination() : p.source()).getPort();
        String label = p.flagNames() + " seq " + p.seq() + (p.has(TcpPacket.ACK) ? " ack " + p.ack() : "")
                + switch (e.meaning()) {
                    case RETRANSMISSION -> label("retransmission", e.repeat());
                    case REFUSED -> label("refused");
                    case RESET -> label("reset");
                    case NORMAL -> "";
                };
        Arrow a = new Arrow(Kind.PACKET, e.fromClient() ? Side.CLIENT : Side.SERVER, e.connection(), clientPort,
                serverPort, label, null, e, null);
        int at = elements.size();
        while (at > 0 && elements.get(at - 1).source().time().isAfter(e.time())) {
            at--;
        }
        elements.add(at, a);
        return true;
    }

    /** True once any captured packet was drawn: the TCP rows are real packets, not inferred from socket events. */
    public synchronized boolean packetsCaptured() {
        return !captured.isEmpty();
    }

    /** "captured", else "inferred from socket events", in the diagram's language: what the TCP rows show. */
    public String tcpRowsSource() {
        return text.get(packetsCaptured() ? "diagram.tcp.captured" : "diagram.tcp.inferred");
    }

    /** "56 B in 0.2 ms": what a band of data carried, in the diagram's language. */
    public String bandLabel(Band b) {
        return label("band", Units.size(b.bytes()), Units.duration(b.duration()));
    }

    /** "client 10.77.0.2" / "server 198.18.0.2": a lane's heading (the side's word alone before the control connection). */
    public synchronized String laneTitle(Side side) {
        Lane lane = side == Side.CLIENT ? client : server;
        return text.get(side == Side.CLIENT ? "diagram.client" : "diagram.server", lane == null ? "" : lane.address())
                .strip();
    }

    private Arrow controlArrow(Kind kind, Side from, ConnectionId id, String label, ProtocolEvent e) {
        DiagramConnection c = connections.get(id);
        return new Arrow(kind, from, id, c == null ? 0 : c.clientPort(), c == null ? 0 : c.serverPort(), label,
                null, e, null);
    }

    private boolean arrow(Kind kind, Side from, DiagramConnection c, String label, ProtocolEvent e) {
        if (captured.contains(c.id()) && INFERRED.contains(kind)) {
            return false; // the captured packets show this connection's handshake and close
        }
        elements.add(new Arrow(kind, from, c.id(), c.clientPort(), c.serverPort(), label, null, e, null));
        return true;
    }

    private boolean note(Side side, ConnectionId id, String text, ProtocolEvent e) {
        elements.add(new Note(side, id, text, e));
        return true;
    }

    /** {@code 127.0.0.1:1663 (6*256+127 = 1663)} for PORT/PASV; EPSV names only a port. */
    private String decoded(EndpointDecoded e) {
        DataEndpoint d = e.endpoint();
        return switch (d.kind()) {
            case PASV, PORT -> d.host() + ":" + d.port() + " (" + d.high() + "*256+" + d.low() + " = " + d.port() + ")";
            case EPSV -> label("epsv", d.port());
            case EPRT -> (d.host().contains(":") ? "[" + d.host() + "]" : d.host()) + ":" + d.port();
        };
    }

    /** A label in the diagram's language ({@code doctor.diagram.KEY}). */
    private String label(String key, Object... args) {
        return text.get("diagram." + key, args);
    }

    private static String host(InetSocketAddress a) {
        return a.getAddress() != null ? io.portside.ftp.event.AddressText.of(a.getAddress()) : a.getHostString();
    }

    private static String hostPort(InetSocketAddress a) {
        String h = host(a);
        return (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort();
    }
}
