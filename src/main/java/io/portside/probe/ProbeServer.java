package io.portside.probe;

import io.portside.ftp.PortRange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The open probe ({@code portside probe-server}): a minimal FTP-like service that tells a client
 * what it saw of it — the address its control connection comes from, its PORT/EPRT argument as
 * it arrived, whether a connection back worked, whether the client reached a passive port.
 * Every {@link ProbeSession} reports in multi-line replies whose inner lines are {@code key=value}
 * ({@link ProbeReport}).
 *
 * <p>It must not become a bounce tool: it connects to no address but the control connection's
 * own peer (whatever a PORT or EPRT names), only to ports from 1024 up, sends nothing but a
 * one-line marker there, and caps sessions at once (in all and per address), each session's
 * time and its commands; passive ports are bound only in {@link Limits#passivePorts()}.
 */
public final class ProbeServer implements AutoCloseable {
    /**
     * @param maxSessions    sessions at once, from everyone
     * @param maxPerPeer     sessions at once from one address
     * @param sessionTime    how long one session may last, all told
     * @param maxCommands    commands one session may send
     * @param connectTimeout how long a connection back to the client may take
     * @param passiveWait    how long the probe waits for the client on a passive port
     * @param passivePorts   the only ports the probe listens on for passive connections
     */
    public record Limits(int maxSessions, int maxPerPeer, Duration sessionTime, int maxCommands,
                         Duration connectTimeout, Duration passiveWait, PortRange passivePorts) {
        public static final PortRange DEFAULT_PASSIVE = new PortRange(40900, 40999);

        public Limits {
            if (passivePorts.isAny()) {
                throw new IllegalArgumentException("the probe needs a passive port range, not any port");
            }
        }

        /** 8 sessions at once, 2 per address, 120 s and 60 commands each, 5 s to connect or be reached. */
        public static Limits defaults(PortRange passivePorts) {
            return new Limits(8, 2, Duration.ofSeconds(120), 60, Duration.ofSeconds(5), Duration.ofSeconds(5),
                    passivePorts);
        }
    }

    private final ServerSocket listener;
    private final Limits limits;
    private final Consumer<String> log;
    private final AtomicInteger sessions = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> perPeer = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private ProbeServer(ServerSocket listener, Limits limits, Consumer<String> log) {
        this.listener = listener;
        this.limits = limits;
        this.log = log;
        this.acceptor = new Thread(this::acceptLoop, "probe-accept " + listener.getLocalSocketAddress());
        acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code address} and serves until {@link #close()}.
     *
     * @param log told one line per session and per refused connection
     */
    public static ProbeServer start(InetSocketAddress address, Limits limits, Consumer<String> log) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(address, 50);
        ProbeServer server = new ProbeServer(listener, limits, log);
        server.acceptor.start();
        return server;
    }

    /** Where it listens (with the port the system chose, when 0 was asked for). */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    public Limits limits() {
        return limits;
    }

    /** Blocks until the server is closed. */
    public void await() throws InterruptedException {
        acceptor.join();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.accept("probe: accepting failed: " + e.getMessage());
                }
                return;
            }
            InetAddress peer = s.getInetAddress();
            AtomicInteger fromPeer = perPeer.computeIfAbsent(peer, a -> new AtomicInteger());
            int all = sessions.incrementAndGet();
            int fromThere = fromPeer.incrementAndGet();
            if (all > limits.maxSessions() || fromThere > limits.maxPerPeer()) {
                release(peer, fromPeer);
                refuse(s, all > limits.maxSessions() ? "421 The probe is busy (" + limits.maxSessions() + " sessions at once); try again later."
                        : "421 At most " + limits.maxPerPeer() + " probe sessions at once from one address.");
                log.accept("probe: refused a session from " + ProbeReport.text(peer) + " (too many at once)");
                continue;
            }
            Thread t = new Thread(() -> {
                try {
                    new ProbeSession(s, limits, log).run();
                } finally {
                    release(peer, fromPeer);
                }
            }, "probe-session " + s.getRemoteSocketAddress());
            t.setDaemon(true);
            t.start();
        }
    }

    private void release(InetAddress peer, AtomicInteger fromPeer) {
        sessions.decrementAndGet();
        if (fromPeer.decrementAndGet() <= 0) {
            perPeer.remove(peer, fromPeer);
        }
    }

    private static void refuse(Socket s, String reply) {
        try (s) {
            OutputStream out = s.getOutputStream();
            out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the client went away first
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
