package io.portside.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.PortRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The probe on 127.0.0.1, spoken to in raw FTP: what it reports, and what it never does (connect
 * to another address than the control connection's peer, to a low port, take more sessions or
 * commands than its limits, bind passive ports outside its range, accept a passive connection
 * from another address).
 */
@Timeout(60)
class ProbeServerTest {
    static final PortRange RANGE = new PortRange(41900, 41909);

    static ProbeServer start(ProbeServer.Limits limits) throws IOException {
        return ProbeServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), limits, line -> { });
    }

    static ProbeServer.Limits small() {
        return new ProbeServer.Limits(8, 2, Duration.ofSeconds(30), 20, Duration.ofSeconds(2), Duration.ofSeconds(2), RANGE);
    }

    /** A raw control connection: each reply's lines. */
    static final class Ftp implements AutoCloseable {
        final Socket s;
        final BufferedReader in;
        final OutputStream out;
        final List<String> greeting;

        Ftp(ProbeServer probe) throws IOException {
            s = new Socket(probe.address().getAddress(), probe.address().getPort());
            s.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            out = s.getOutputStream();
            greeting = reply();
        }

        List<String> reply() throws IOException {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (line.length() >= 4 && Character.isDigit(line.charAt(0)) && line.charAt(3) == ' ') {
                    return lines;
                }
            }
            return lines;
        }

        List<String> send(String command) throws IOException {
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply();
        }

        Ftp login() throws IOException {
            send("USER anyone");
            assertTrue(send("PASS anything").get(0).startsWith("230"));
            return this;
        }

        @Override
        public void close() throws IOException {
            s.close();
        }
    }

    static String last(List<String> reply) {
        return reply.get(reply.size() - 1);
    }

    @Test
    void reportsThePeerAndPortAsArrivedAndConnectsBackOnlyToThePeer() throws Exception {
        try (ProbeServer probe = start(small()); Ftp ftp = new Ftp(probe).login();
             ServerSocket ours = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
             ServerSocket other = new ServerSocket(ours.getLocalPort(), 5, InetAddress.getByName("127.0.0.2"))) {
            assertEquals("127.0.0.1", ProbeReport.parse(ftp.greeting).get(ProbeReport.PEER), ftp.greeting.toString());
            int p = ours.getLocalPort();
            // PORT names 127.0.0.2, a third address: the probe must go to the peer 127.0.0.1 instead
            String arg = "127,0,0,2," + (p >> 8) + "," + (p & 0xff);
            List<String> portReply = ftp.send("PORT " + arg);
            Map<String, String> seen = ProbeReport.parse(portReply);
            assertTrue(last(portReply).startsWith("200 "), portReply.toString());
            assertEquals(arg, seen.get(ProbeReport.ARGUMENT));
            assertEquals("127.0.0.2:" + p, seen.get(ProbeReport.NAMED));
            assertEquals("127.0.0.1:" + p, seen.get(ProbeReport.TARGET));
            ftp.out.write("LIST\r\n".getBytes(StandardCharsets.US_ASCII));
            ftp.out.flush();
            ours.setSoTimeout(5000);
            String marker;
            try (Socket data = ours.accept()) {
                marker = new BufferedReader(new InputStreamReader(data.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            }
            assertTrue(ftp.reply().get(0).startsWith("150"));
            List<String> done = ftp.reply();
            Map<String, String> back = ProbeReport.parse(done);
            assertEquals("ok", back.get(ProbeReport.CONNECT), done.toString());
            assertTrue(marker.endsWith(" " + back.get(ProbeReport.MARKER)), marker + " / " + done);
            other.setSoTimeout(300);
            assertNull(acceptOrNull(other), "the probe connected to the third address 127.0.0.2");
        }
    }

    @Test
    void aRefusedConnectionBackIsReportedAsRefused() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        try (ProbeServer probe = start(small()); Ftp ftp = new Ftp(probe).login()) {
            ftp.send("EPRT |1|127.0.0.1|" + free + "|");
            List<String> r = ftp.send("LIST");
            assertTrue(last(r).startsWith("425 "), r.toString());
            assertEquals("refused", ProbeReport.parse(r).get(ProbeReport.CONNECT), r.toString());
        }
    }

    @Test
    void portsBelow1024AreNeverConnected() throws Exception {
        try (ProbeServer probe = start(small()); Ftp ftp = new Ftp(probe).login()) {
            List<String> r = ftp.send("PORT 127,0,0,1,0,25");
            assertTrue(last(r).startsWith("504 "), r.toString());
            assertEquals("127,0,0,1,0,25", ProbeReport.parse(r).get(ProbeReport.ARGUMENT));
            assertTrue(last(ftp.send("LIST")).startsWith("425 Use PORT"), "nothing pending after a refused PORT");
        }
    }

    @Test
    void passivePortsStayInTheRangeAndOnlyThePeerIsLetIn() throws Exception {
        try (ProbeServer probe = start(small()); Ftp ftp = new Ftp(probe).login()) {
            String reply = last(ftp.send("EPSV"));
            int port = Integer.parseInt(reply.replaceAll(".*\\(\\|\\|\\|(\\d+)\\|\\).*", "$1"));
            assertTrue(port >= RANGE.min() && port <= RANGE.max(), reply);
            // a connection from another address (127.0.0.2) is not the client's: closed, not counted as reached
            try (Socket foreign = new Socket()) {
                foreign.bind(new InetSocketAddress("127.0.0.2", 0));
                foreign.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                List<String> r = ftp.send("LIST");
                Map<String, String> back = ProbeReport.parse(r);
                assertTrue(last(r).startsWith("425 "), r.toString());
                assertEquals("no", back.get(ProbeReport.REACHED));
                assertTrue(back.get(ProbeReport.REFUSED).contains("127.0.0.2"), r.toString());
            }
        }
    }

    @Test
    void sessionsAtOnceArePerAddressCapped() throws Exception {
        try (ProbeServer probe = start(small()); Ftp a = new Ftp(probe); Ftp b = new Ftp(probe); Ftp c = new Ftp(probe)) {
            assertTrue(a.greeting.get(0).startsWith("220"));
            assertTrue(b.greeting.get(0).startsWith("220"));
            assertEquals("421 At most 2 probe sessions at once from one address.", c.greeting.get(0));
        }
    }

    @Test
    void commandsAndTimeArePerSessionCapped() throws Exception {
        ProbeServer.Limits few = new ProbeServer.Limits(8, 2, Duration.ofSeconds(1), 3, Duration.ofSeconds(2),
                Duration.ofSeconds(2), RANGE);
        try (ProbeServer probe = start(few); Ftp ftp = new Ftp(probe)) {
            ftp.send("NOOP");
            ftp.send("NOOP");
            ftp.send("NOOP");
            assertEquals("421 The probe takes at most 3 commands per session.", last(ftp.send("NOOP")));
        }
        try (ProbeServer probe = start(few); Ftp ftp = new Ftp(probe)) {
            assertEquals("421 The probe's session time (1 s) is up.", last(ftp.reply())); // silent for longer than 1 s
        }
    }

    @Test
    void nothingButLoginBeforeLogin() throws Exception {
        try (ProbeServer probe = start(small()); Ftp ftp = new Ftp(probe)) {
            assertTrue(last(ftp.send("PORT 127,0,0,1,100,100")).startsWith("530 "));
        }
    }

    private static Socket acceptOrNull(ServerSocket s) throws IOException {
        try {
            return s.accept();
        } catch (SocketTimeoutException e) {
            return null;
        }
    }
}
