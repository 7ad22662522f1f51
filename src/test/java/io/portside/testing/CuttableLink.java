package io.portside.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a server's control port, which a test can cut as a
 * server (or a router) does: {@link #cut()} closes every relayed connection, as a server that
 * drops its sessions; {@link #sayAndCut(String)} first sends a last reply (a 421). Passive data
 * connections go to the server directly (its 227 names its own port), so only control is relayed.
 */
public final class CuttableLink implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Socket[]> pairs = new CopyOnWriteArrayList<>();

    public CuttableLink(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), targetPort);
        this.listener = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(this::acceptLoop, "cuttable-link");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** How many connections are being relayed now. */
    public int open() {
        return pairs.size();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 5000);
                Socket[] pair = {client, server};
                pairs.add(pair);
                pump(server, client, pair);
                pump(client, server, pair);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, Socket[] pair) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed
            } finally {
                close(pair);
            }
        }, "cuttable-link-pump");
        t.setDaemon(true);
        t.start();
    }

    private void close(Socket[] pair) {
        pairs.remove(pair);
        for (Socket s : pair) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    /** Closes every relayed connection: the client sees the server hang up. */
    public void cut() {
        for (Socket[] p : pairs) {
            close(p);
        }
    }

    /** Sends {@code reply} to each client, as the server's last words, then cuts. */
    public void sayAndCut(String reply) throws IOException {
        for (Socket[] p : pairs) {
            OutputStream out = p[0].getOutputStream();
            out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        cut();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }
}
