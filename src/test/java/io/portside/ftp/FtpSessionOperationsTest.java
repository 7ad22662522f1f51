package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.ClosedBy;
import io.portside.ftp.event.ProtocolEvent.EndpointDecoded;
import io.portside.ftp.event.ProtocolEvent.TcpClosed;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operation of the session against the embedded server, in each data-connection method. */
class FtpSessionOperationsTest {
    @TempDir Path root;
    SandboxFixture fx;

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of(DataMode.PASSIVE, ExtendedMode.NEVER, DataEndpoint.Kind.PASV),
                Arguments.of(DataMode.PASSIVE, ExtendedMode.ALWAYS, DataEndpoint.Kind.EPSV),
                Arguments.of(DataMode.PASSIVE, ExtendedMode.AUTO, DataEndpoint.Kind.PASV), // FEAT lists no EPSV
                Arguments.of(DataMode.ACTIVE, ExtendedMode.NEVER, DataEndpoint.Kind.PORT),
                Arguments.of(DataMode.ACTIVE, ExtendedMode.ALWAYS, DataEndpoint.Kind.EPRT),
                Arguments.of(DataMode.ACTIVE, ExtendedMode.AUTO, DataEndpoint.Kind.PORT));
    }

    @BeforeEach
    void start() throws Exception {
        fx = new SandboxFixture(root);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("methods")
    void everyOperationWorksAndLandsOnDisk(DataMode mode, ExtendedMode ext, DataEndpoint.Kind expected)
            throws Exception {
        byte[] content = randomBytes(300_000);
        try (FtpSession s = fx.open(mode, ext)) {
            assertEquals("/", s.pwd());
            s.files().mkdir("docs");
            assertTrue(Files.isDirectory(root.resolve("docs")));
            s.cwd("docs");
            assertEquals("/docs", s.pwd());

            long sent = SessionCopy.upload(s, new ByteArrayInputStream(content), "data.bin", 0);
            assertEquals(content.length, sent);
            assertArrayEquals(content, Files.readAllBytes(root.resolve("docs/data.bin")));

            List<RemoteFile> listing = s.list(null);
            RemoteFile entry = listing.stream().filter(f -> f.name().equals("data.bin")).findFirst().orElseThrow();
            assertEquals(content.length, entry.size());
            assertEquals(RemoteFile.Type.FILE, entry.type());
            assertEquals(content.length, s.files().size("data.bin"));
            Instant mtime = s.files().modificationTime("data.bin");
            assertTrue(Duration.between(mtime, Instant.now()).abs().getSeconds() < 120, mtime.toString());

            ByteArrayOutputStream down = new ByteArrayOutputStream();
            SessionCopy.download(s, "data.bin", 0, down);
            assertArrayEquals(content, down.toByteArray());

            ByteArrayOutputStream tail = new ByteArrayOutputStream();
            SessionCopy.download(s, "data.bin", 100_000, tail);
            assertArrayEquals(Arrays.copyOfRange(content, 100_000, content.length), tail.toByteArray());

            s.files().rename("data.bin", "renamed.bin");
            assertTrue(Files.exists(root.resolve("docs/renamed.bin")));
            assertFalse(Files.exists(root.resolve("docs/data.bin")));
            s.files().delete("renamed.bin");
            assertFalse(Files.exists(root.resolve("docs/renamed.bin")));
            s.cdup();
            assertEquals("/", s.pwd());
            s.files().rmdir("docs");
            assertFalse(Files.exists(root.resolve("docs")));
        }
        assertDataConnectionsMatchDecodedEndpoints(mode, expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("methods")
    void uploadResumesFromAnOffset(DataMode mode, ExtendedMode ext, DataEndpoint.Kind ignored) throws Exception {
        byte[] content = randomBytes(200_000);
        try (FtpSession s = fx.open(mode, ext)) {
            SessionCopy.upload(s, new ByteArrayInputStream(content, 0, 70_000), "part.bin", 0);
            assertEquals(70_000, s.files().size("part.bin"));
            SessionCopy.upload(s, new ByteArrayInputStream(content, 70_000, content.length - 70_000), "part.bin", 70_000);
        }
        assertArrayEquals(content, Files.readAllBytes(root.resolve("part.bin")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("methods")
    void streamsWorkAndCompleteOnClose(DataMode mode, ExtendedMode ext, DataEndpoint.Kind ignored) throws Exception {
        byte[] content = randomBytes(50_000);
        try (FtpSession s = fx.open(mode, ext)) {
            try (OutputStream out = s.openUpload("s.bin", 0, TransferType.BINARY)) {
                out.write(content);
            }
            try (InputStream in = s.openDownload("s.bin", 0, TransferType.BINARY)) {
                assertArrayEquals(content, in.readAllBytes());
            }
            assertEquals(1, s.list("/").size()); // the session is still in step after both streams
        }
    }

    /** The ports the log decodes are the ports of the sockets really used. */
    private void assertDataConnectionsMatchDecodedEndpoints(DataMode mode, DataEndpoint.Kind kind) {
        fx.events.await(TcpClosed.class, c -> c.connection().isControl());
        List<EndpointDecoded> decoded = fx.events.of(EndpointDecoded.class);
        List<TcpEstablished> data = fx.events.of(TcpEstablished.class).stream()
                .filter(e -> !e.connection().isControl()).toList();
        assertFalse(decoded.isEmpty());
        assertEquals(decoded.size(), data.size(), fx.events.log());
        for (int i = 0; i < decoded.size(); i++) {
            DataEndpoint d = decoded.get(i).endpoint();
            TcpEstablished t = data.get(i);
            assertEquals(kind, d.kind(), fx.events.log());
            if (mode == DataMode.PASSIVE) {
                assertFalse(t.inbound());
                assertEquals(d.port(), t.remote().getPort(), "the port we connected to is the decoded one");
                assertEquals(fx.server.port(), fx.events.of(TcpEstablished.class).get(0).remote().getPort());
            } else {
                assertTrue(t.inbound());
                assertEquals(d.port(), t.local().getPort(), "the server connected to the port we sent");
                assertEquals("127.0.0.1", d.host());
            }
            assertEquals("127.0.0.1", t.remote().getAddress().getHostAddress());
        }
        // every download's data connection was closed by the server after the file's bytes
        assertTrue(fx.events.of(TcpClosed.class).stream()
                .anyMatch(c -> !c.connection().isControl() && c.by() == ClosedBy.SERVER && c.bytesReceived() == 300_000),
                fx.events.log());
        assertTrue(fx.events.of(TcpClosed.class).stream()
                .anyMatch(c -> !c.connection().isControl() && c.by() == ClosedBy.CLIENT && c.bytesSent() == 300_000),
                fx.events.log());
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
