package io.portside.ui.connection;

import io.portside.server.SandboxServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The "built-in test server": an FTP server inside the app, on 127.0.0.1 and a free port, with
 * a sandbox folder of sample files and a one-time password, so a newcomer sees the whole app
 * work without a server of their own.
 */
public final class TestServerAction implements AutoCloseable {
    private SandboxServer server;

    /** Starts the server (once; later calls return the running one). Blocks: call on a worker. */
    public synchronized SandboxServer start(Path sandbox) throws IOException {
        if (server == null) {
            createSamples(sandbox);
            server = SandboxServer.start(sandbox);
        }
        return server;
    }

    /**
     * Whether {@code site} is this run's built-in server: a fresh port each run, so it is
     * never worth a place among the recent connections.
     */
    public synchronized boolean serves(io.portside.ftp.Site site) {
        return server != null && site != null && site.port() == server.port() && site.host().equals(server.host());
    }

    /** A few folders and files of different sizes: enough to browse, drag and watch the log. */
    static void createSamples(Path root) throws IOException {
        Files.createDirectories(root.resolve("docs"));
        Files.createDirectories(root.resolve("images"));
        Files.createDirectories(root.resolve("upload"));
        write(root.resolve("README.txt"), "Welcome to Portside's built-in test server.\n"
                + "Everything here lives in " + root + " on your own machine.\n"
                + "Drag files between the panes and watch the protocol log.\n");
        write(root.resolve("docs/rfc959-summary.txt"), "FTP uses two connections: control (port 21) and data.\n"
                + "PASV: the server listens, the client connects. PORT: the client listens, the server connects.\n");
        write(root.resolve("docs/notes.md"), "# Notes\n\n- passive mode works through most NAT\n");
        random(root.resolve("images/photo.jpg"), 350_000);
        random(root.resolve("images/diagram.png"), 48_000);
        random(root.resolve("archive.zip"), 4_000_000);
    }

    private static void write(Path p, String s) throws IOException {
        if (!Files.exists(p)) {
            Files.writeString(p, s, StandardCharsets.UTF_8);
        }
    }

    private static void random(Path p, int size) throws IOException {
        if (!Files.exists(p)) {
            byte[] b = new byte[size];
            new Random(size).nextBytes(b);
            Files.write(p, b);
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
