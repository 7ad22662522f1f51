package io.portside.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A server on 127.0.0.1 for one connection: sends the first chunk of bytes as greeting, then one
 * chunk per command line it reads; closes when the script runs out, or when the client has been
 * silent for {@code idleMillis} (so a reply the client is still waiting to complete ends fast).
 */
final class ScriptedReplyServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;

    ScriptedReplyServer(List<byte[]> script, int idleMillis) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        Deque<byte[]> left = new ArrayDeque<>(script);
        thread = new Thread(() -> {
            try (Socket s = server.accept()) {
                s.setSoTimeout(idleMillis);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                while (!left.isEmpty()) {
                    out.write(left.poll());
                    out.flush();
                    if (left.isEmpty() || !readLine(in)) {
                        break;
                    }
                }
            } catch (IOException closedOrGone) {
                // the client went away, or the test closed the server
            }
        }, "scripted-reply-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** False on end of stream or silence. */
    private static boolean readLine(InputStream in) throws IOException {
        try {
            for (int n = 0; n < 4096; n++) {
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                if (b == '\n') {
                    return true;
                }
            }
            return true;
        } catch (SocketTimeoutException silent) {
            return false;
        }
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
