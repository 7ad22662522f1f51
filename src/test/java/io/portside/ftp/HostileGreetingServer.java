package io.portside.ftp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A server on 127.0.0.1 that answers every connection by calling {@code script} with the
 * socket's output, then holds the connection open until closed: for replies a real server
 * would never send.
 */
final class HostileGreetingServer implements AutoCloseable {
    interface Script {
        void play(OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    private final Thread thread;

    HostileGreetingServer(Script script) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        thread = new Thread(() -> {
            try (Socket s = server.accept()) {
                try {
                    script.play(s.getOutputStream());
                    s.getOutputStream().flush();
                } catch (IOException clientWentAway) {
                    return;
                }
                s.getInputStream().transferTo(OutputStream.nullOutputStream()); // hold until the client closes
            } catch (IOException ignored) {
                // closed by the test
            }
        }, "hostile-server");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
