package io.portside.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.interop.InteropServers.ServerInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TLS vsftpd is as strict as documented, checked with bare JSSE (independently of the
 * connection layer, which FtpsInteropTest and FtpsQueueInteropTest cover): explicit FTPS with
 * AUTH TLS, TLS forced for login and data, and {@code require_ssl_reuse=YES} — a data connection that does not resume the control
 * connection's TLS session is refused with 522, one that does works byte-exact.
 *
 * <p>How a JSSE client resumes: JSSE caches client sessions by (host, port), and the data
 * port differs from the control port, so the data socket is layered over a plain socket with
 * {@code createSocket(plain, host, CONTROL_PORT, true)}: the lookup then finds the control
 * connection's session.
 */
class TlsServerInteropTest {
    private static final Pattern PASV = Pattern.compile("\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)");

    private ServerInfo server;
    private Path scratch;

    @BeforeAll
    static void servers() {
        InteropServers.require();
    }

    @AfterEach
    void tidy() throws IOException {
        if (scratch != null) {
            Files.deleteIfExists(scratch);
        }
    }

    /** A logged-in control connection, TLS from AUTH TLS on, PROT P, binary. */
    private record Control(Socket plain, SSLSocket tls, Lines lines) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            plain.close();
        }
    }

    private Control login(SSLSocketFactory f) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(server.host(), server.port()), 5000);
        plain.setSoTimeout(15_000);
        Lines ctl = new Lines(plain);
        assertTrue(ctl.reply().startsWith("220"));
        assertTrue(ctl.send("AUTH TLS").startsWith("234"));
        SSLSocket tls = (SSLSocket) f.createSocket(plain, server.host(), server.port(), true);
        tls.startHandshake();
        ctl = new Lines(tls);
        assertTrue(ctl.send("USER " + server.user()).startsWith("331"));
        assertTrue(ctl.send("PASS " + server.password()).startsWith("230"));
        assertTrue(ctl.send("PBSZ 0").startsWith("200"));
        assertTrue(ctl.send("PROT P").startsWith("200"));
        assertTrue(ctl.send("TYPE I").startsWith("200"));
        return new Control(plain, tls, ctl);
    }

    private static SSLContext trustingContext() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
        return ctx;
    }

    @Test
    void aDataConnectionWithoutSessionReuseIsRefusedWith522() throws Exception {
        server = InteropServers.tls();
        String name = "tls-" + Long.toHexString(System.nanoTime()) + ".bin";
        scratch = server.onDisk(name);
        try (Control c = login(trustingContext().getSocketFactory())) {
            int port = pasvPort(c.lines().send("PASV"));
            c.lines().sendOnly("STOR " + name);
            try (Socket d = new Socket(server.host(), port)) {
                String opening = c.lines().reply();
                assertTrue(opening.startsWith("150"), opening);
                // A new context: a brand-new TLS session on the data connection.
                SSLSocketFactory fresh = trustingContext().getSocketFactory();
                try (SSLSocket ds = (SSLSocket) fresh.createSocket(d, server.host(), port, true)) {
                    ds.setSoTimeout(10_000);
                    ds.startHandshake();
                    ds.getOutputStream().write(new byte[1000]);
                } catch (IOException expected) {
                    // the server may drop the handshake; its reply is what counts
                }
            }
            String refused = c.lines().reply();
            assertTrue(refused.startsWith("522"), "a data connection without session reuse: " + refused);
            // vsftpd ends the whole session after this refusal: the control connection closes.
            assertThrows(IOException.class, () -> c.lines().send("NOOP"));
        }
        assertTrue(!Files.exists(scratch) || Files.size(scratch) == 0, "nothing stored without reuse");
    }

    @Test
    void aDataConnectionResumingTheControlSessionTransfersByteExact() throws Exception {
        server = InteropServers.tls();
        byte[] content = new byte[200_000];
        new Random(5).nextBytes(content);
        String name = "tls-" + Long.toHexString(System.nanoTime()) + ".bin";
        scratch = server.onDisk(name);
        SSLSocketFactory f = trustingContext().getSocketFactory();
        try (Control c = login(f)) {
            Lines ctl = c.lines();
            int port = pasvPort(ctl.send("PASV"));
            ctl.sendOnly("STOR " + name);
            try (Socket d = new ReportsPort(server.host(), port, server.port())) {
                assertTrue(ctl.reply().startsWith("150"));
                // Same context, and the CONTROL port as the session-cache key: JSSE resumes.
                try (SSLSocket ds = (SSLSocket) f.createSocket(d, server.host(), server.port(), true)) {
                    ds.startHandshake();
                    // TLS 1.3 resumption (PSK from the control connection's ticket) works in JDK 17
                    assertEquals("TLSv1.3", ds.getSession().getProtocol());
                    assertEquals("TLSv1.3", c.tls().getSession().getProtocol());
                    OutputStream out = ds.getOutputStream();
                    out.write(content);
                    out.flush();
                }
            }
            String done = ctl.reply();
            assertTrue(done.startsWith("226"), "upload over a resumed TLS session: " + done);
            assertArrayEquals(content, Files.readAllBytes(scratch), "bytes on disk");
            assertEquals("221", ctl.send("QUIT").substring(0, 3));
        }
        // JDK 17 uses a TLS 1.3 session ticket once, and keeps one per host and port: a second
        // data connection on the same control connection finds nothing left to resume (522).
        // So the download goes over a new control connection.
        f = trustingContext().getSocketFactory();
        try (Control c = login(f)) {
            Lines ctl = c.lines();
            int port = pasvPort(ctl.send("PASV"));
            ctl.sendOnly("RETR " + name);
            byte[] back;
            try (Socket d = new ReportsPort(server.host(), port, server.port())) {
                assertTrue(ctl.reply().startsWith("150"));
                try (SSLSocket ds = (SSLSocket) f.createSocket(d, server.host(), server.port(), true)) {
                    ds.setSoTimeout(15_000);
                    InputStream in = ds.getInputStream();
                    back = in.readAllBytes();
                }
            }
            String retr = ctl.reply();
            assertTrue(retr.startsWith("226"), "RETR: " + retr);
            assertArrayEquals(content, back, "download over a resumed TLS session");
            assertEquals("221", ctl.send("QUIT").substring(0, 3));
        }
    }

    private static int pasvPort(String reply) {
        Matcher m = PASV.matcher(reply);
        assertTrue(reply.startsWith("227") && m.find(), reply);
        return Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6));
    }

    /**
     * A plain socket that reports the control port as its peer port. A layered JSSE socket
     * keys its client-session-cache lookup by the underlying socket's {@code getPort()}, so this
     * makes the data connection offer the control connection's session (without it, JSSE
     * offers nothing to resume on a data port it has never seen, and vsftpd answers 522).
     */
    private static final class ReportsPort extends Socket {
        private final int reported;

        ReportsPort(String host, int port, int reported) throws IOException {
            super(host, port);
            this.reported = reported;
        }

        @Override
        public int getPort() {
            return reported;
        }
    }

    private static final class Lines {
        final BufferedReader in;
        final OutputStream out;

        Lines(Socket s) throws IOException {
            in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            out = s.getOutputStream();
        }

        void sendOnly(String command) throws IOException {
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String send(String command) throws IOException {
            sendOnly(command);
            return reply();
        }

        String reply() throws IOException {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("control connection closed");
            }
            if (line.length() >= 4 && line.charAt(3) == '-') {
                String end = line.substring(0, 3) + " ";
                while (line != null && !line.startsWith(end)) {
                    line = in.readLine();
                }
            }
            return line;
        }
    }

    /** The server's certificate is self-signed and made fresh by servers.sh. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
