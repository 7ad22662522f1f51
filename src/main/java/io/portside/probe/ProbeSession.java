package io.portside.probe;

import io.portside.ftp.DataEndpoint;
import io.portside.ftp.DataEndpointCodec;
import io.portside.ftp.FtpProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One client of the {@link ProbeServer}: any user and password log in; PORT/EPRT are answered
 * with what arrived, and at LIST (NLST, MLSD) the probe connects back to the control
 * connection's peer (never to another address) and sends a one-line listing naming a marker;
 * PASV/EPSV open a port in the range, and at LIST the probe says whether the client reached it.
 */
final class ProbeSession implements Runnable {
    private static final int MAX_LINE = 512;
    private final Socket control;
    private final ProbeServer.Limits limits;
    private final Consumer<String> log;
    private final InetAddress peer;
    private final long deadline;
    private OutputStream out;
    private boolean userGiven;
    private boolean loggedIn;
    /** Set by PORT/EPRT: what the probe saw, and where it will connect at LIST. */
    private Map<String, String> active;
    private InetSocketAddress activeTarget;
    /** Set by PASV/EPSV until the next transfer. */
    private ServerSocket passive;

    ProbeSession(Socket control, ProbeServer.Limits limits, Consumer<String> log) {
        this.control = control;
        this.limits = limits;
        this.log = log;
        this.peer = control.getInetAddress();
        this.deadline = System.nanoTime() + limits.sessionTime().toNanos();
    }

    @Override
    public void run() {
        int commands = 0;
        try (control) {
            out = control.getOutputStream();
            InputStream in = control.getInputStream();
            Map<String, String> seen = new LinkedHashMap<>();
            seen.put(ProbeReport.PEER, ProbeReport.text(peer));
            seen.put(ProbeReport.PROBE, ProbeReport.text(control.getLocalAddress()));
            send(ProbeReport.reply(220, "Portside probe: log in with any name and password. It reports what it sees of"
                    + " your connections:", seen, "It connects to no address but yours."));
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    send("421 The probe's session time (" + limits.sessionTime().toSeconds() + " s) is up.");
                    return;
                }
                // the session's end is nearer than 30 s of silence: a timeout then is the end (the
                // socket's timer may fire a little before the deadline, so it is decided here, not after)
                boolean untilDeadline = left / 1_000_000 < 30_000;
                control.setSoTimeout((int) Math.max(1, Math.min(left / 1_000_000 + 1, 30_000)));
                String line;
                try {
                    line = readLine(in);
                } catch (SocketTimeoutException e) {
                    send(untilDeadline
                            ? "421 The probe's session time (" + limits.sessionTime().toSeconds() + " s) is up."
                            : "421 The probe closes sessions that stay silent for 30 s.");
                    return;
                }
                if (line == null) {
                    return;
                }
                if (++commands > limits.maxCommands()) {
                    send("421 The probe takes at most " + limits.maxCommands() + " commands per session.");
                    return;
                }
                if (!handle(line)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            closePassive();
            log.accept("probe: session from " + ProbeReport.text(peer) + " ended after " + commands + " commands");
        }
    }

    /** @return false to end the session */
    private boolean handle(String line) throws IOException {
        int sp = line.indexOf(' ');
        String verb = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
        String arg = sp < 0 ? "" : line.substring(sp + 1).strip();
        switch (verb) {
            case "QUIT" -> {
                send("221 Goodbye.");
                return false;
            }
            case "USER" -> {
                userGiven = true;
                send("331 Any password will do.");
                return true;
            }
            case "PASS" -> {
                loggedIn = userGiven;
                send(loggedIn ? "230 Logged in to the probe." : "503 USER first.");
                return true;
            }
            case "FEAT" -> {
                send("211-Features:\r\n EPRT\r\n EPSV\r\n211 End");
                return true;
            }
            case "NOOP" -> {
                send("200 OK.");
                return true;
            }
            default -> {
                // below
            }
        }
        if (!loggedIn) {
            send("530 Log in first (USER and PASS, any name and password).");
            return true;
        }
        switch (verb) {
            case "SYST" -> send("215 UNIX Type: L8");
            case "PWD" -> send("257 \"/\" is the probe's only folder.");
            case "CWD", "CDUP" -> send("250 The probe has one folder; you are in it.");
            case "TYPE", "MODE", "STRU", "OPTS" -> send("200 OK.");
            case "PORT", "EPRT" -> active(verb, arg);
            case "PASV", "EPSV" -> passive(verb, arg);
            case "LIST", "NLST", "MLSD" -> transfer();
            default -> send("502 The probe does not do " + ProbeReport.printable(verb) + ".");
        }
        return true;
    }

    private void active(String verb, String arg) throws IOException {
        closePassive();
        active = null;
        activeTarget = null;
        Map<String, String> r = new LinkedHashMap<>();
        r.put(ProbeReport.PEER, ProbeReport.text(peer));
        r.put(ProbeReport.COMMAND, verb);
        r.put(ProbeReport.ARGUMENT, ProbeReport.printable(arg));
        DataEndpoint named;
        try {
            named = verb.equals("PORT") ? DataEndpointCodec.parsePortArgument(arg) : DataEndpointCodec.parseEprtArgument(arg);
        } catch (FtpProtocolException e) {
            r.put(ProbeReport.REFUSED, ProbeReport.printable(e.getMessage()));
            send(ProbeReport.reply(501, "The Portside probe could not read your " + verb + " command:", r,
                    "Nothing was connected."));
            return;
        }
        r.put(ProbeReport.NAMED, io.portside.ftp.event.AddressText.hostPort(named.host(), named.port()));
        if (named.port() < 1024) {
            r.put(ProbeReport.REFUSED, "the probe connects only to ports 1024 and up");
            send(ProbeReport.reply(504, "The Portside probe saw your " + verb + " command:", r, "Not connecting to a port below 1024."));
            return;
        }
        // Whatever address the command names, the probe connects only to the control connection's peer.
        InetSocketAddress target = new InetSocketAddress(peer, named.port());
        r.put(ProbeReport.TARGET, ProbeReport.text(target));
        active = r;
        activeTarget = target;
        send(ProbeReport.reply(200, "The Portside probe saw your " + verb + " command:", r,
                "At LIST the probe connects to " + ProbeReport.text(target) + ", and to no other address."));
    }

    private void passive(String verb, String arg) throws IOException {
        closePassive();
        active = null;
        activeTarget = null;
        InetAddress local = control.getLocalAddress();
        if (verb.equals("EPSV") && arg.equalsIgnoreCase("ALL")) {
            send("200 EPSV ALL noted.");
            return;
        }
        if (verb.equals("PASV") && !(local instanceof Inet4Address)) {
            send("522 PASV names IPv4 addresses only; use EPSV (1).");
            return;
        }
        passive = bindInRange(local);
        if (passive == null) {
            send("425 No passive port of the probe's range " + limits.passivePorts().min() + "-"
                    + limits.passivePorts().max() + " is free; try again later.");
            return;
        }
        int port = passive.getLocalPort();
        send(verb.equals("PASV")
                ? "227 Entering Passive Mode (" + DataEndpointCodec.formatPort(local, port) + ")."
                : "229 Entering Extended Passive Mode (|||" + port + "|).");
    }

    private ServerSocket bindInRange(InetAddress local) {
        int min = limits.passivePorts().min();
        int span = limits.passivePorts().max() - min + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            ServerSocket s = null;
            try {
                s = new ServerSocket();
                s.bind(new InetSocketAddress(local, min + (start + i) % span), 1);
                return s;
            } catch (IOException e) {
                closeQuietly(s);
            }
        }
        return null;
    }

    private void transfer() throws IOException {
        String marker = "probe-marker-" + HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()));
        if (passive != null) {
            passiveTransfer(marker);
        } else if (activeTarget != null) {
            activeTransfer(marker);
        } else {
            send("425 Use PORT, EPRT, PASV or EPSV first.");
        }
    }

    private void activeTransfer(String marker) throws IOException {
        Map<String, String> r = new LinkedHashMap<>(active);
        InetSocketAddress target = activeTarget;
        active = null;
        activeTarget = null;
        long t0 = System.nanoTime();
        String outcome;
        Socket data = new Socket();
        try {
            data.bind(new InetSocketAddress(control.getLocalAddress(), 0));
            data.connect(target, (int) limits.connectTimeout().toMillis());
            outcome = "ok";
        } catch (SocketTimeoutException e) {
            outcome = "timeout";
        } catch (NoRouteToHostException e) {
            outcome = "unreachable";
        } catch (ConnectException e) {
            outcome = "refused";
        } catch (IOException e) {
            outcome = "failed";
            r.put(ProbeReport.REFUSED, ProbeReport.printable(String.valueOf(e.getMessage())));
        }
        r.put(ProbeReport.CONNECT, outcome);
        r.put(ProbeReport.CONNECT_MS, Long.toString(Duration.ofNanos(System.nanoTime() - t0).toMillis()));
        log.accept("probe: " + ProbeReport.text(peer) + " " + r.get(ProbeReport.COMMAND) + " "
                + r.get(ProbeReport.ARGUMENT) + ", connect back to " + ProbeReport.text(target) + ": " + outcome);
        if (!outcome.equals("ok")) {
            closeQuietly(data);
            send(ProbeReport.reply(425, "The Portside probe could not connect back to you:", r,
                    "Connecting to " + ProbeReport.text(target) + ": " + outcome + "."));
            return;
        }
        sendMarker(data, marker, r, "The Portside probe connected back to " + ProbeReport.text(target) + ":");
    }

    private void passiveTransfer(String marker) throws IOException {
        ServerSocket listening = passive;
        passive = null;
        Map<String, String> r = new LinkedHashMap<>();
        r.put(ProbeReport.PEER, ProbeReport.text(peer));
        r.put(ProbeReport.PASSIVE, ProbeReport.text((InetSocketAddress) listening.getLocalSocketAddress()));
        long t0 = System.nanoTime();
        long until = t0 + limits.passiveWait().toNanos();
        Socket data = null;
        try (listening) {
            while (data == null && System.nanoTime() < until) {
                listening.setSoTimeout((int) Math.max(1, (until - System.nanoTime()) / 1_000_000));
                Socket s = listening.accept();
                if (s.getInetAddress().equals(peer)) {
                    data = s;
                } else {
                    r.put(ProbeReport.REFUSED, "a connection from " + ProbeReport.text(s.getInetAddress())
                            + ", not the control connection's address, was closed");
                    closeQuietly(s);
                }
            }
        } catch (SocketTimeoutException e) {
            // nobody came
        }
        r.put(ProbeReport.WAIT_MS, Long.toString(Duration.ofNanos(System.nanoTime() - t0).toMillis()));
        r.put(ProbeReport.REACHED, data == null ? "no" : "yes");
        if (data == null) {
            send(ProbeReport.reply(425, "The Portside probe saw no data connection from you:", r,
                    "Nothing reached " + r.get(ProbeReport.PASSIVE) + "."));
            return;
        }
        r.put(ProbeReport.REACHED_FROM, ProbeReport.text((InetSocketAddress) data.getRemoteSocketAddress()));
        log.accept("probe: " + ProbeReport.text(peer) + " reached the passive port " + r.get(ProbeReport.PASSIVE));
        sendMarker(data, marker, r, "You reached the Portside probe's passive port:");
    }

    /** 150, the one-line listing naming the marker, then 226 with the report. */
    private void sendMarker(Socket data, String marker, Map<String, String> r, String first) throws IOException {
        send("150 Connected; a one-line listing follows.");
        try (data) {
            data.setSoTimeout((int) limits.connectTimeout().toMillis());
            OutputStream d = data.getOutputStream();
            d.write(("-rw-r--r--   1 probe    probe           0 Jan  1  2026 " + marker + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            d.flush();
        } catch (IOException e) {
            r.put(ProbeReport.REFUSED, "sending the marker failed: " + ProbeReport.printable(String.valueOf(e.getMessage())));
        }
        r.put(ProbeReport.MARKER, marker);
        send(ProbeReport.reply(226, first, r, "Listing sent."));
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[6];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    private String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (b.size() >= MAX_LINE) {
                send("500 Command line too long.");
                return null;
            }
            b.write(c);
        }
        return null;
    }

    private void send(String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void closePassive() {
        closeQuietly(passive);
        passive = null;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
    }
}
