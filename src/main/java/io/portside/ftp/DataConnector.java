package io.portside.ftp;

import io.portside.ftp.event.AddressText;
import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.FailureCause;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.Notice.Severity;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.ftp.net.MonitoredServerSocket;
import io.portside.ftp.net.MonitoredSocket;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Opens one data connection for a transfer command (RETR, STOR, LIST...), in passive or active
 * mode, and reports each step. The rules, and why:
 * <ul>
 * <li>Passive: connect only to the control connection's peer. A 227 naming another host is
 * either a server behind NAT that does not know its public address or a bounce attempt; either
 * way the peer is the right target (unless the user trusts the server's address).</li>
 * <li>Active: listen on the control connection's own local address, never 0.0.0.0, and accept
 * only the control peer; anyone else connecting first is refused and logged.</li>
 * <li>EPSV/EPRT per {@link ModeState}; a 500/501/502 to them in AUTO falls back to PASV/PORT.</li>
 * <li>When the mode's connection fails (refused, timed out, 425, PORT/PASV refused), try the
 * other mode once and remember it for the session, as FileZilla, WinSCP and Cyberduck do.</li>
 * </ul>
 */
final class DataConnector {
    private final ControlChannel control;
    private final ProtocolEventBus bus;
    private final ConnectionId controlId;
    private final SessionOptions options;
    private final ModeState state;
    private final BooleanSupplier serverOffersEpsv;
    private final BooleanSupplier serverOffersEprt;
    private final AtomicInteger dataCount = new AtomicInteger();
    private volatile MonitoredSocket current;
    private DataSecurer securer;

    /** Wraps a data connection once it is up (TLS for FTPS with PROT P). */
    interface DataSecurer {
        Socket secure(MonitoredSocket plain) throws IOException;
    }

    DataConnector(ControlChannel control, ProtocolEventBus bus, ConnectionId controlId, SessionOptions options,
                  ModeState state, BooleanSupplier serverOffersEpsv, BooleanSupplier serverOffersEprt) {
        this.control = control;
        this.bus = bus;
        this.controlId = controlId;
        this.options = options;
        this.state = state;
        this.serverOffersEpsv = serverOffersEpsv;
        this.serverOffersEprt = serverOffersEprt;
    }

    void secureWith(DataSecurer dataSecurer) {
        this.securer = dataSecurer;
    }

    /** The data connection in use now, or null; closing it is how a transfer is cancelled. */
    MonitoredSocket current() {
        return current;
    }

    /**
     * Sets up the data connection and sends {@code command}. Returns null when the server
     * refused a command (its reply is the last one); throws when the connection itself failed.
     */
    Socket open(String command, String argument, long restartOffset) throws IOException {
        DataMode mode = state.mode();
        try {
            return openIn(mode, command, argument, restartOffset);
        } catch (DataConnectException e) {
            if (!options.modeFallback() || !state.mayFallBack()) {
                throw e;
            }
            DataMode other = mode.other();
            notice(Severity.WARNING, "fallback", methodName(mode), UserMessage.of(e), methodName(other));
            Socket s = openIn(other, command, argument, restartOffset);
            if (s != null) {
                state.fellBackTo(other);
                bus.publish(new ProtocolEvent.ModeChanged(Instant.now(), controlId, UserMessage.command(methodName(other)),
                        UserMessage.of("mode.fellBack", methodName(mode), methodName(other))));
            }
            return s;
        }
    }

    private String methodName(DataMode mode) {
        boolean ext = state.useExtended(isIpv6(), mode == DataMode.PASSIVE
                ? serverOffersEpsv.getAsBoolean() : serverOffersEprt.getAsBoolean());
        return mode == DataMode.PASSIVE ? (ext ? "EPSV" : "PASV") : (ext ? "EPRT" : "PORT");
    }

    private Socket openIn(DataMode mode, String command, String argument, long restartOffset) throws IOException {
        return mode == DataMode.PASSIVE
                ? openPassive(command, argument, restartOffset)
                : openActive(command, argument, restartOffset);
    }

    private Socket openPassive(String command, String argument, long restartOffset) throws IOException {
        boolean ext = state.useExtended(isIpv6(), serverOffersEpsv.getAsBoolean());
        int code = control.send(ext ? "EPSV" : "PASV", null);
        if (ext && notImplemented(code) && canDropExtended()) {
            state.extendedRefused();
            notice(Severity.INFO, "extended.unsupported", "EPSV", code, "PASV");
            ext = false;
            code = control.send("PASV", null);
        }
        if (code != (ext ? 229 : 227)) {
            if (code >= 500) {
                throw new DataConnectException(UserMessage.of("refusal.reply",
                        UserMessage.of("refused.command", ext ? "EPSV" : "PASV"), control.replyLine()), null, null);
            }
            return null;
        }
        DataEndpoint endpoint = ext
                ? DataEndpointCodec.parseEpsvReply(control.replyLine())
                : DataEndpointCodec.parsePasvReply(control.replyLine());
        bus.publish(new ProtocolEvent.EndpointDecoded(Instant.now(), controlId, endpoint));
        InetSocketAddress target = new InetSocketAddress(passiveTarget(endpoint), endpoint.port());

        MonitoredSocket socket = new MonitoredSocket(bus, nextId(), control.local());
        socket.setSoTimeout(millis(options.dataTimeout()));
        try {
            socket.connect(target, millis(options.connectTimeout()));
        } catch (IOException e) {
            throw new DataConnectException(UserMessage.of("data.connectFailed", AddressText.of(target),
                    UserMessage.of("data.cause." + FailureCause.of(e).name().toLowerCase(Locale.ROOT))), FailureCause.of(e), e);
        }
        return sendTransferCommand(socket, null, command, argument, restartOffset);
    }

    private InetAddress passiveTarget(DataEndpoint endpoint) throws IOException {
        InetAddress peer = control.peer();
        if (endpoint.kind() == DataEndpoint.Kind.EPSV) {
            return peer;
        }
        InetAddress announced = InetAddress.getByName(endpoint.host()); // a literal: no DNS lookup
        if (announced.isAnyLocalAddress() || announced.equals(peer)) {
            return peer;
        }
        if (options.trustPassiveAddress()) {
            return announced;
        }
        bus.publish(new ProtocolEvent.PassiveAddressReplaced(Instant.now(), controlId,
                new InetSocketAddress(announced, endpoint.port()), new InetSocketAddress(peer, endpoint.port()),
                AddressScope.of(announced) == AddressScope.PRIVATE));
        return peer;
    }

    private Socket openActive(String command, String argument, long restartOffset) throws IOException {
        InetAddress local = control.local();
        InetAddress advertised = options.activeExternalAddress() == null
                ? local : InetAddress.getByName(options.activeExternalAddress());
        boolean ext = state.useExtended(isIpv6(), serverOffersEprt.getAsBoolean())
                || advertised instanceof Inet6Address;
        if (options.activeExternalAddress() == null) {
            notice(Severity.INFO, "mode.active.listen", ext ? "EPRT" : "PORT", AddressText.of(local));
        } else {
            notice(Severity.INFO, "mode.active.external", ext ? "EPRT" : "PORT", AddressText.of(local),
                    AddressText.of(advertised));
        }
        // Our private address to a public server: certainly behind NAT, so say what that means for PORT.
        boolean nat = options.activeExternalAddress() == null && AddressScope.behindNat(local, control.peer());
        String verb = ext ? "EPRT" : "PORT"; // the command sent last: PORT after a refused EPRT
        if (nat) {
            notice(Severity.WARNING, securer == null ? "active.nat" : "active.nat.tls", verb, AddressText.of(local),
                    AddressText.of(control.peer()));
        }
        MonitoredServerSocket server = listen(local);
        try {
            int port = server.getLocalPort();
            int code = sendPortCommand(ext, advertised, port);
            if (ext && notImplemented(code) && canDropExtended() && !(advertised instanceof Inet6Address)) {
                state.extendedRefused();
                notice(Severity.INFO, "extended.unsupported", "EPRT", code, "PORT");
                verb = "PORT";
                code = sendPortCommand(false, advertised, port);
            }
            if (code / 100 != 2) {
                if (code >= 500) {
                    if (nat) {
                        notice(Severity.WARNING, "active.refused.nat", verb, AddressText.of(local));
                    }
                    throw new DataConnectException(UserMessage.of("refusal.reply",
                            UserMessage.of("refused.command", verb), control.replyLine()), null, null);
                }
                return null;
            }
            Socket data = sendTransferCommand(null, server, command, argument, restartOffset);
            if (nat && data != null) {
                notice(Severity.INFO, "active.helper", verb, AddressText.of(local));
            }
            return data;
        } finally {
            server.close();
        }
    }

    private int sendPortCommand(boolean ext, InetAddress advertised, int port) throws IOException {
        String arg = ext ? DataEndpointCodec.formatEprt(advertised, port) : DataEndpointCodec.formatPort(advertised, port);
        DataEndpoint endpoint = ext ? DataEndpointCodec.parseEprtArgument(arg) : DataEndpointCodec.parsePortArgument(arg);
        bus.publish(new ProtocolEvent.EndpointDecoded(Instant.now(), controlId, endpoint));
        return control.send(ext ? "EPRT" : "PORT", arg);
    }

    private MonitoredServerSocket listen(InetAddress local) throws IOException {
        PortRange range = options.activePorts();
        ConnectionId id = nextId();
        int attempts = range.isAny() ? 1 : Math.min(50, range.max() - range.min() + 1);
        IOException last = null;
        for (int i = 0; i < attempts; i++) {
            int port = range.isAny() ? 0 : ThreadLocalRandom.current().nextInt(range.min(), range.max() + 1);
            MonitoredServerSocket server = new MonitoredServerSocket(bus, id);
            try {
                server.bind(new InetSocketAddress(local, port), 1);
                bus.publish(new ProtocolEvent.TcpListening(Instant.now(), id,
                        new InetSocketAddress(local, server.getLocalPort())));
                return server;
            } catch (IOException e) {
                server.close();
                last = e;
            }
        }
        throw new DataConnectException(UserMessage.of("data.listenFailed", AddressText.of(local), range.min(),
                range.max(), last.getMessage()), FailureCause.OTHER, last);
    }

    /**
     * Sends REST (when resuming) and the transfer command; in active mode then waits for the
     * server's connection. {@code socket} is the passive connection, or {@code server} listens.
     */
    private Socket sendTransferCommand(MonitoredSocket socket, MonitoredServerSocket server, String command,
                                       String argument, long restartOffset) throws IOException {
        try {
            if (restartOffset > 0 && control.send("REST", Long.toString(restartOffset)) != 350) {
                closeQuietly(socket);
                return null;
            }
            int code = control.send(command, argument);
            if (code / 100 != 1) {
                closeQuietly(socket);
                if (code == 425) {
                    throw new DataConnectException(UserMessage.of("data.serverCouldNotOpen", control.replyLine()), null, null);
                }
                return null;
            }
            MonitoredSocket data = socket != null ? socket : accept(server);
            current = data;
            return securer == null ? data : securer.secure(data);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            closeQuietly(current);
            throw e;
        }
    }

    private MonitoredSocket accept(MonitoredServerSocket server) throws IOException {
        InetAddress peer = control.peer();
        long start = System.nanoTime();
        long deadline = start + options.connectTimeout().toNanos();
        String refused = null;
        while (true) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            MonitoredSocket s;
            try {
                server.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                s = server.accept();
            } catch (SocketTimeoutException e) {
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                bus.publish(new ProtocolEvent.TcpFailed(Instant.now(), currentId(),
                        new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), true,
                        FailureCause.TIMED_OUT, refused == null ? null : "only " + refused
                        + " connected, and was refused: the server connects from another address than its own", waited,
                        false));
                control.resynchronize();
                throw new DataConnectException(UserMessage.of("data.neverConnected",
                        AddressText.hostPort(AddressText.of(server.getInetAddress()), server.getLocalPort())),
                        FailureCause.TIMED_OUT, e);
            }
            if (s.getInetAddress().equals(peer)) {
                s.setSoTimeout(millis(options.dataTimeout()));
                s.reportAccepted(Duration.ofNanos(System.nanoTime() - start));
                return s;
            }
            bus.publish(new ProtocolEvent.TcpRejected(Instant.now(), s.id(), s.remoteEndpoint(), peer));
            refused = AddressText.of(s.getInetAddress());
            s.discard();
        }
    }

    private ConnectionId nextId() {
        return controlId.dataConnection(dataCount.incrementAndGet());
    }

    /** The id of the data connection being set up (for events about it when it has no socket). */
    private ConnectionId currentId() {
        return controlId.dataConnection(dataCount.get());
    }

    private boolean canDropExtended() {
        return state.extended() == ExtendedMode.AUTO && !isIpv6();
    }

    private boolean isIpv6() {
        return control.peer() instanceof Inet6Address;
    }

    private static boolean notImplemented(int code) {
        return code == 500 || code == 501 || code == 502;
    }

    private void notice(Severity severity, String key, Object... args) {
        bus.publish(new ProtocolEvent.Notice(Instant.now(), controlId, severity, key, List.of(args)));
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one to report
            }
        }
    }

    void transferEnded() {
        current = null;
    }
}
