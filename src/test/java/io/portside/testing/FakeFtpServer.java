package io.portside.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scriptable FTP server for tests: a plain ServerSocket on 127.0.0.1 that speaks just enough
 * FTP (greeting, USER/PASS, FEAT, SYST, TYPE, PWD, CWD, OPTS, NOOP, PASV/EPSV/PORT/EPRT, LIST,
 * NLST, MLSD with a real data connection, ABOR, QUIT), where any command can be overridden to
 * build a misbehaving server: a PASV naming another address, a PORT accepted but never acted
 * on, a refused command...
 *
 * <p>Safety: it only ever listens on 127.0.0.1 and refuses (425) to connect anywhere but a
 * loopback address, whatever a PORT/EPRT names, so no test can send traffic off the machine.
 * Every socket wait is bounded.
 *
 * <pre>{@code
 * try (FakeFtpServer fake = new FakeFtpServer()
 *         .on("PASV", c -> c.enterPassive("10,0,0,5"))
 *         .on("EPSV", FakeFtpServer.reply("500 EPSV not understood"))
 *         .start()) { ... fake.port() ... }
 * }</pre>
 */
public final class FakeFtpServer implements AutoCloseable {
    /** Handles one command; {@code argument} is "" when there is none. */
    @FunctionalInterface
    public interface Handler {
        void handle(Control control, String argument) throws IOException;
    }

    private final Map<String, Handler> overrides = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile List<String> features = List.of("EPSV", "EPRT", "SIZE");
    private volatile List<String> listing = List.of(
            "-rw-r--r--   1 owner    group          11 Jan 01 12:00 hello.txt",
            "drwxr-xr-x   2 owner    group        4096 Jan 01 12:00 docs");
    private volatile String user = "test";
    private volatile String password = "secret";
    private volatile int dataTimeoutMillis = 5000;
    private ServerSocket listener;
    private Thread acceptor;

    /** Replaces the FEAT lines (without the 211 frame), e.g. {@code "EPSV", "AUTH TLS"}; none: FEAT is 211 with no features. */
    public FakeFtpServer features(String... lines) {
        this.features = List.of(lines);
        return this;
    }

    /** The LIST lines (Unix ls -l style). */
    public FakeFtpServer listing(String... lines) {
        this.listing = List.of(lines);
        return this;
    }

    public FakeFtpServer credentials(String user, String password) {
        this.user = user;
        this.password = password;
        return this;
    }

    /** How long the server waits for a passive data connection to arrive. */
    public FakeFtpServer dataTimeoutMillis(int millis) {
        this.dataTimeoutMillis = millis;
        return this;
    }

    /** Overrides a command (by verb, any case). */
    public FakeFtpServer on(String verb, Handler handler) {
        overrides.put(verb.toUpperCase(Locale.ROOT), handler);
        return this;
    }

    /** A handler that answers with a fixed reply line, e.g. {@code reply("500 EPSV not understood")}. */
    public static Handler reply(String line) {
        return (c, arg) -> c.reply(line);
    }

    /** PORT/EPRT accepted with 200, but the server will never connect (a firewall in between). */
    public static Handler acceptButNeverConnect() {
        return (c, arg) -> {
            c.neverConnect();
            c.reply("200 Command okay.");
        };
    }

    public FakeFtpServer start() throws IOException {
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        acceptor = new Thread(this::acceptLoop, "fake-ftp-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Every command line received, over all sessions, in order (PASS included: it is a test). */
    public List<String> received() {
        return new ArrayList<>(received);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "fake-ftp-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; Control c = new Control(socket)) {
            socket.setSoTimeout(30_000); // a test that forgets to QUIT must not hold a thread forever
            c.reply("220 FakeFtpServer ready");
            String line;
            while ((line = c.in.readLine()) != null) {
                received.add(line);
                int sp = line.indexOf(' ');
                String verb = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
                String arg = sp < 0 ? "" : line.substring(sp + 1);
                Handler h = overrides.get(verb);
                if (h != null) {
                    h.handle(c, arg);
                } else if (!c.standard(verb, arg)) {
                    return;
                }
            }
        } catch (IOException ignored) {
            // the client went away
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() throws IOException {
        if (listener != null) {
            listener.close();
        }
        for (Socket s : open) {
            s.close();
        }
    }

    /** One control connection: what a handler can do. */
    public final class Control implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final Writer out;
        private ServerSocket passive;
        private InetSocketAddress activeTarget;
        private boolean blackHole;
        private boolean pendingTransfer;

        private Control(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        }

        public void reply(String line) throws IOException {
            out.write(line + "\r\n");
            out.flush();
        }

        /**
         * Listens on 127.0.0.1 (a fresh port) and answers 227 naming {@code announcedHost}
         * ("h1,h2,h3,h4") with that real port: a server behind NAT announces its private address.
         */
        public void enterPassive(String announcedHost) throws IOException {
            int p = listenPassive();
            reply("227 Entering Passive Mode (" + announcedHost + "," + (p >> 8) + "," + (p & 0xff) + ")");
        }

        /** Makes LIST/NLST answer 150 and then never connect: the client must give up and ABOR. */
        public void neverConnect() {
            closePassive();
            activeTarget = null;
            blackHole = true;
        }

        /** Opens the data connection the last PASV/EPSV/PORT/EPRT set up (for handlers that send data). */
        public Socket acceptData() throws IOException {
            try {
                return openData();
            } finally {
                closePassive();
                activeTarget = null;
            }
        }

        /** The data port the last PASV/EPSV opened, or -1. */
        public int passivePort() {
            return passive == null ? -1 : passive.getLocalPort();
        }

        private int listenPassive() throws IOException {
            closePassive();
            activeTarget = null;
            blackHole = false;
            passive = new ServerSocket();
            passive.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 1);
            passive.setSoTimeout(dataTimeoutMillis);
            return passive.getLocalPort();
        }

        /** The default behaviour of each command; false ends the session. */
        private boolean standard(String verb, String arg) throws IOException {
            switch (verb) {
                case "USER" -> reply(arg.equals(user) || arg.equals("anonymous")
                        ? "331 Password required for " + arg : "530 Unknown user");
                case "PASS" -> reply(arg.equals(password) ? "230 Logged in" : "530 Login incorrect");
                case "FEAT" -> feat();
                case "SYST" -> reply("215 UNIX Type: L8");
                case "TYPE" -> reply("200 Type set to " + arg);
                case "PWD" -> reply("257 \"/\" is the current directory");
                case "CWD" -> reply("250 Directory changed");
                case "OPTS", "NOOP", "MODE", "STRU" -> reply("200 OK");
                case "PASV" -> enterPassive("127,0,0,1");
                case "EPSV" -> reply("229 Entering Extended Passive Mode (|||" + listenPassive() + "|)");
                case "PORT" -> active(parsePort(arg));
                case "EPRT" -> active(parseEprt(arg));
                case "LIST", "NLST", "MLSD" -> transfer(verb);
                case "ABOR" -> abort();
                case "QUIT" -> {
                    reply("221 Goodbye");
                    return false;
                }
                default -> reply("502 Command not implemented: " + verb);
            }
            return true;
        }

        private void feat() throws IOException {
            if (features.isEmpty()) {
                reply("211 No features");
                return;
            }
            StringBuilder b = new StringBuilder("211-Features:\r\n");
            for (String f : features) {
                b.append(' ').append(f).append("\r\n");
            }
            reply(b.append("211 End").toString());
        }

        private void active(InetSocketAddress target) throws IOException {
            if (target == null) {
                reply("501 Syntax error in parameters");
                return;
            }
            closePassive();
            blackHole = false;
            activeTarget = target;
            reply("200 Command okay.");
        }

        private void transfer(String verb) throws IOException {
            if (blackHole) {
                pendingTransfer = true;
                reply("150 Opening data connection");
                return; // and never connect
            }
            if (passive == null && activeTarget == null) {
                reply("425 Use PORT or PASV first");
                return;
            }
            if (activeTarget != null && !activeTarget.getAddress().isLoopbackAddress()) {
                activeTarget = null;
                reply("425 This test server connects to loopback addresses only");
                return;
            }
            reply("150 Opening ASCII mode data connection for " + verb);
            try (Socket data = openData()) {
                OutputStream o = data.getOutputStream();
                o.write(body(verb).getBytes(StandardCharsets.UTF_8));
                o.flush();
            } catch (IOException e) {
                reply("425 Can't open data connection: " + e.getMessage());
                return;
            } finally {
                closePassive();
                activeTarget = null;
            }
            reply("226 Transfer complete");
        }

        private Socket openData() throws IOException {
            if (passive != null) {
                try {
                    return passive.accept();
                } catch (SocketTimeoutException e) {
                    throw new IOException("nobody connected to the passive port");
                }
            }
            Socket s = new Socket();
            s.connect(activeTarget, dataTimeoutMillis);
            return s;
        }

        private String body(String verb) {
            StringBuilder b = new StringBuilder();
            for (String l : listing) {
                String name = l.substring(l.lastIndexOf(' ') + 1);
                switch (verb) {
                    case "NLST" -> b.append(name);
                    case "MLSD" -> b.append(l.startsWith("d") ? "type=dir; " : "type=file; ").append(name);
                    default -> b.append(l);
                }
                b.append("\r\n");
            }
            return b.toString();
        }

        private void abort() throws IOException {
            if (pendingTransfer) {
                pendingTransfer = false;
                reply("425 Can't open data connection");
            }
            reply("226 ABOR command successful");
        }

        private void closePassive() {
            if (passive != null) {
                try {
                    passive.close();
                } catch (IOException ignored) {
                    // closing a listener we no longer need
                }
                passive = null;
            }
        }

        @Override
        public void close() {
            closePassive();
        }
    }

    static InetSocketAddress parsePort(String arg) {
        String[] p = arg.trim().split(",");
        if (p.length != 6) {
            return null;
        }
        try {
            String host = p[0] + "." + p[1] + "." + p[2] + "." + p[3];
            int port = Integer.parseInt(p[4].trim()) * 256 + Integer.parseInt(p[5].trim());
            return new InetSocketAddress(InetAddress.getByName(host), port); // a literal: no lookup
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    static InetSocketAddress parseEprt(String arg) {
        String t = arg.trim();
        if (t.length() < 7) {
            return null;
        }
        String[] p = t.substring(1).split(java.util.regex.Pattern.quote(t.substring(0, 1)), -1);
        if (p.length < 3 || !p[1].matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return null; // only address literals: never a name lookup
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(p[1]), Integer.parseInt(p[2]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
