package io.portside.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.interop.InteropServers.ServerInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the test servers themselves with a bare control connection, independent of the
 * client's own FTP code: every server greets, takes the test user's login, and the TLS
 * server insists on AUTH TLS.
 */
class InteropServersInteropTest {

    @BeforeAll
    static void servers() {
        InteropServers.require();
    }

    static Stream<ServerInfo> allServers() {
        return InteropServers.require().stream();
    }

    static Stream<ServerInfo> plainServers() {
        return InteropServers.plain().stream();
    }

    @Test
    void everyRequiredServerIsListedWithAWritableHome() throws IOException {
        List<ServerInfo> all = InteropServers.require();
        for (String name : InteropServers.REQUIRED_PLAIN) {
            assertTrue(InteropServers.byName(name).isPresent(), name + " missing from " + all);
        }
        assertTrue(InteropServers.tls().tls(), "the TLS server is flagged tls=true");
        assertEquals(all.size(), all.stream().map(ServerInfo::port).distinct().count(), "one port per server");
        for (ServerInfo s : all) {
            assertEquals("127.0.0.1", s.host(), s + " listens on loopback");
            assertTrue(Files.isDirectory(s.homeDir()), s + " home " + s.homeDir());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allServers")
    void greetsWith220(ServerInfo s) throws IOException {
        try (Control c = new Control(s)) {
            assertTrue(c.greeting.startsWith("220"), s + " greeting: " + c.greeting);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainServers")
    void plainServerAcceptsTheTestUserAndRefusesAWrongPassword(ServerInfo s) throws IOException {
        try (Control c = new Control(s)) {
            assertTrue(c.send("USER " + s.user()).startsWith("331"));
            String reply = c.send("PASS " + s.password());
            assertTrue(reply.startsWith("230"), s + " PASS -> " + reply);
            String pwd = c.send("PWD");
            assertTrue(pwd.startsWith("257 \"/\""), s + " chroots the user to its home, PWD -> " + pwd);
        }
        try (Control c = new Control(s)) {
            c.send("USER " + s.user());
            String reply = c.send("PASS wrong-" + s.password());
            assertTrue(reply.startsWith("530"), s + " wrong password -> " + reply);
        }
    }

    @Test
    void tlsServerRefusesPlainLoginAndOffersAuthTls() throws IOException {
        ServerInfo s = InteropServers.tls();
        try (Control c = new Control(s)) {
            String reply = c.send("USER " + s.user());
            assertTrue(reply.startsWith("530"), "plain USER on the TLS server -> " + reply);
        }
        try (Control c = new Control(s)) {
            String reply = c.send("AUTH TLS");
            assertTrue(reply.startsWith("234"), "AUTH TLS -> " + reply);
        }
    }

    /** A minimal control connection: single-line or multi-line replies, last line returned. */
    private static final class Control implements AutoCloseable {
        final Socket socket = new Socket();
        final BufferedReader in;
        final OutputStream out;
        final String greeting;

        Control(ServerInfo s) throws IOException {
            socket.connect(new InetSocketAddress(s.host(), s.port()), 5000);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
            greeting = reply();
        }

        String send(String command) throws IOException {
            out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply();
        }

        String reply() throws IOException {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
            if (line.length() >= 4 && line.charAt(3) == '-') {
                String end = line.substring(0, 3) + " ";
                while (!line.startsWith(end)) {
                    line = in.readLine();
                    if (line == null) {
                        throw new IOException("connection closed in a multi-line reply");
                    }
                }
            }
            return line;
        }

        @Override
        public void close() throws IOException {
            try {
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException ignored) {
                // closing anyway
            }
            socket.close();
        }
    }
}
