package io.portside.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataEndpoint;
import io.portside.ftp.DataMode;
import io.portside.ftp.EventRecorder;
import io.portside.ftp.ExtendedMode;
import io.portside.ftp.FtpSession;
import io.portside.ftp.RemoteFile;
import io.portside.ftp.SessionOptions;
import io.portside.ftp.Site;
import io.portside.ftp.SessionCopy;
import io.portside.ftp.event.ClosedBy;
import io.portside.ftp.event.ProtocolEvent.EndpointDecoded;
import io.portside.ftp.event.ProtocolEvent.ModeChanged;
import io.portside.ftp.event.ProtocolEvent.TcpClosed;
import io.portside.ftp.event.ProtocolEvent.TcpEstablished;
import io.portside.ftp.event.ProtocolEventBus;
import io.portside.interop.InteropServers.ServerInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connection layer ({@link FtpSession}) against real servers (vsftpd, proftpd, pure-ftpd,
 * pyftpdlib when installed) run by {@code src/test/interop/servers.sh}, in passive and active
 * mode, with the classic (PASV/PORT) and the extended (EPSV/EPRT) commands. Every change is
 * checked on the server's disk, every transfer byte for byte, and the data connections in
 * the protocol event stream against the endpoints decoded from the replies and commands.
 */
class FtpSessionInteropTest {

    /** Data-connection methods: mode, extended commands, the endpoint kind that must be used. */
    enum Method {
        PASV(DataMode.PASSIVE, ExtendedMode.NEVER, DataEndpoint.Kind.PASV),
        EPSV(DataMode.PASSIVE, ExtendedMode.ALWAYS, DataEndpoint.Kind.EPSV),
        PORT(DataMode.ACTIVE, ExtendedMode.NEVER, DataEndpoint.Kind.PORT),
        EPRT(DataMode.ACTIVE, ExtendedMode.ALWAYS, DataEndpoint.Kind.EPRT);

        final DataMode mode;
        final ExtendedMode extended;
        final DataEndpoint.Kind kind;

        Method(DataMode mode, ExtendedMode extended, DataEndpoint.Kind kind) {
            this.mode = mode;
            this.extended = extended;
            this.kind = kind;
        }
    }

    private static final int BIG = 3 * 1024 * 1024 + 12_345; // a few MB, not a multiple of any buffer

    private final ProtocolEventBus bus = new ProtocolEventBus();
    private EventRecorder events;
    private final List<Path> cleanup = new ArrayList<>();

    @BeforeAll
    static void servers() {
        InteropServers.require();
    }

    static Stream<Arguments> serversAndMethods() {
        return InteropServers.plain().stream()
                .flatMap(s -> Arrays.stream(Method.values()).map(m -> Arguments.of(s, m)));
    }

    static Stream<ServerInfo> plainServers() {
        return InteropServers.plain().stream();
    }

    @BeforeEach
    void record() {
        events = new EventRecorder(bus);
    }

    @AfterEach
    void tidy() throws IOException {
        events.close();
        for (Path p : cleanup) {
            deleteTree(p);
        }
    }

    private FtpSession open(ServerInfo s, Method m) throws Exception {
        SessionOptions options = SessionOptions.defaults()
                .withMode(m.mode, m.extended)
                .withModeFallback(false) // a failing mode must fail here, not hide behind the other one
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(30));
        return FtpSession.open(Site.ftp(s.host(), s.port(), s.user(), s.password()), options, bus, "interop");
    }

    /** A fresh folder name for this test on this server; removed from disk afterwards. */
    private String scratch(ServerInfo s, String what) {
        String name = "it-" + what + "-" + Long.toHexString(System.nanoTime());
        cleanup.add(s.onDisk(name));
        return name;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("serversAndMethods")
    void everyOperationLandsOnTheServersDiskByteExact(ServerInfo s, Method m) throws Exception {
        String dir = scratch(s, m.name().toLowerCase());
        Random random = new Random(s.port() * 31L + m.ordinal());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty.bin", new byte[0]);
        files.put("small.bin", crlfHeavy(random, 4_099)); // CR/LF bytes: binary mode must not touch them
        files.put("name with spaces.txt", bytes(random, 777));
        files.put("big.bin", bytes(random, BIG));

        try (FtpSession session = open(s, m)) {
            assertEquals("/", session.pwd(), s + " chroots the user into " + s.homeDir());
            session.files().mkdir(dir);
            assertTrue(Files.isDirectory(s.onDisk(dir)), "MKD made " + s.onDisk(dir));
            session.cwd(dir);
            assertEquals("/" + dir, session.pwd());
            session.files().mkdir("sub");
            assertTrue(Files.isDirectory(s.onDisk(dir + "/sub")));

            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                long sent = SessionCopy.upload(session, new ByteArrayInputStream(f.getValue()), f.getKey(), 0);
                assertEquals(f.getValue().length, sent, f.getKey());
                Path onDisk = s.onDisk(dir + "/" + f.getKey());
                assertArrayEquals(f.getValue(), Files.readAllBytes(onDisk), "bytes on disk of " + onDisk);
                assertEquals(s.user(), Files.getOwner(onDisk).getName(), "owner of " + onDisk);
            }

            List<RemoteFile> listing = session.list(null);
            Map<String, RemoteFile> byName = listing.stream()
                    .collect(Collectors.toMap(RemoteFile::name, f -> f, (a, b) -> a));
            assertEquals(Set.of("empty.bin", "small.bin", "name with spaces.txt", "big.bin", "sub"),
                    byName.keySet().stream().filter(n -> !n.equals(".") && !n.equals(".."))
                            .collect(Collectors.toSet()), "listing " + listing);
            assertTrue(byName.get("sub").isDirectory(), "sub is a folder: " + byName.get("sub"));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                RemoteFile entry = byName.get(f.getKey());
                assertEquals(RemoteFile.Type.FILE, entry.type(), entry.toString());
                assertEquals(f.getValue().length, entry.size(), "listed size of " + entry);
                assertEquals(f.getValue().length, session.files().size(f.getKey()), "SIZE " + f.getKey());
                Instant mdtm = session.files().modificationTime(f.getKey());
                Instant disk = Files.getLastModifiedTime(s.onDisk(dir + "/" + f.getKey())).toInstant()
                        .truncatedTo(ChronoUnit.SECONDS);
                assertEquals(disk, mdtm.truncatedTo(ChronoUnit.SECONDS), "MDTM " + f.getKey() + " vs the disk");
            }

            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ByteArrayOutputStream down = new ByteArrayOutputStream();
                long got = SessionCopy.download(session, f.getKey(), 0, down);
                assertEquals(f.getValue().length, got, f.getKey());
                assertArrayEquals(f.getValue(), down.toByteArray(), "downloaded " + f.getKey());
            }
            ByteArrayOutputStream tail = new ByteArrayOutputStream();
            SessionCopy.download(session, "big.bin", 1_000_001, tail);
            assertArrayEquals(Arrays.copyOfRange(files.get("big.bin"), 1_000_001, BIG), tail.toByteArray(),
                    "download resumed with REST 1000001");

            session.files().rename("big.bin", "sub/moved big.bin");
            assertFalse(Files.exists(s.onDisk(dir + "/big.bin")), "RNFR source gone");
            assertArrayEquals(files.get("big.bin"), Files.readAllBytes(s.onDisk(dir + "/sub/moved big.bin")),
                    "RNTO target holds the same bytes");
            session.files().rename("small.bin", "small-renamed.bin");
            assertTrue(Files.exists(s.onDisk(dir + "/small-renamed.bin")));
            assertFalse(Files.exists(s.onDisk(dir + "/small.bin")));

            session.files().delete("sub/moved big.bin");
            assertFalse(Files.exists(s.onDisk(dir + "/sub/moved big.bin")), "DELE removed the file");
            session.files().rmdir("sub");
            assertFalse(Files.exists(s.onDisk(dir + "/sub")), "RMD removed the folder");
            for (String name : List.of("empty.bin", "small-renamed.bin", "name with spaces.txt")) {
                session.files().delete(name);
            }
            assertEquals(List.of(), session.list(null).stream()
                    .filter(f -> !f.name().equals(".") && !f.name().equals("..")).toList(), "folder is empty");
            session.cdup();
            assertEquals("/", session.pwd());
            session.files().rmdir(dir);
            assertFalse(Files.exists(s.onDisk(dir)), "RMD removed " + s.onDisk(dir));
        }
        assertDataConnectionsMatchTheDecodedEndpoints(s, m);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("serversAndMethods")
    void uploadResumesAtAnOffset(ServerInfo s, Method m) throws Exception {
        String dir = scratch(s, "resume");
        byte[] content = bytes(new Random(7), 600_000);
        try (FtpSession session = open(s, m)) {
            session.files().mkdir(dir);
            session.cwd(dir);
            SessionCopy.upload(session, new ByteArrayInputStream(content, 0, 250_000), "part.bin", 0);
            assertEquals(250_000, Files.size(s.onDisk(dir + "/part.bin")));
            SessionCopy.upload(session, new ByteArrayInputStream(content, 250_000, content.length - 250_000), "part.bin", 250_000);
        }
        assertArrayEquals(content, Files.readAllBytes(s.onDisk(dir + "/part.bin")));
    }

    /**
     * A folder of more than 10,000 entries lists completely (pure-ftpd cuts listings at
     * 10,000 unless started with a higher -L; servers.sh raises it).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plainServers")
    void aHugeFolderListsCompletely(ServerInfo s) throws Exception {
        String dir = scratch(s, "huge");
        Path folder = Files.createDirectory(s.onDisk(dir));
        int n = 10_050;
        for (int i = 0; i < n; i++) {
            Files.createFile(folder.resolve(String.format("f%05d", i)));
        }
        try (FtpSession session = open(s, Method.PASV)) {
            List<RemoteFile> listing = session.list("/" + dir);
            Set<String> names = listing.stream().map(RemoteFile::name)
                    .filter(x -> !x.equals(".") && !x.equals("..")).collect(Collectors.toSet());
            assertEquals(n, names.size(), s + " listed " + names.size() + " of " + n + " entries");
            assertTrue(names.contains("f00000") && names.contains(String.format("f%05d", n - 1)));
        }
    }

    /**
     * A UTF-8 file name goes to the server's disk as UTF-8 bytes and comes back the same in the
     * listing. The disk is read with find(1), not java.nio, whose file-name charset follows the
     * JVM's locale (ASCII under LANG=C).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plainServers")
    void aUtf8FileNameRoundTrips(ServerInfo s) throws Exception {
        String dir = scratch(s, "utf8");
        String name = "Grüße – файл €.txt";
        byte[] content = bytes(new Random(3), 1234);
        try (FtpSession session = open(s, Method.PASV)) {
            session.files().mkdir(dir);
            session.cwd(dir);
            SessionCopy.upload(session, new ByteArrayInputStream(content), name, 0);
            assertEquals(List.of(name), session.list(null).stream().map(RemoteFile::name)
                    .filter(n -> !n.equals(".") && !n.equals("..")).toList(), "listed name");
            assertEquals(content.length, session.files().size(name));
            ByteArrayOutputStream down = new ByteArrayOutputStream();
            SessionCopy.download(session, name, 0, down);
            assertArrayEquals(content, down.toByteArray());
        }
        Process find = new ProcessBuilder("find", s.onDisk(dir).toString(), "-mindepth", "1", "-printf", "%f %s\\n")
                .redirectErrorStream(true).start();
        String onDisk = new String(find.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, find.waitFor());
        assertEquals(name + " " + content.length + "\n", onDisk, "the name's UTF-8 bytes on disk");
    }

    /** Both modes on the same session: the switch takes effect on the next data connection. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("plainServers")
    void switchingModesMidSessionUsesTheNewMode(ServerInfo s) throws Exception {
        String dir = scratch(s, "switch");
        byte[] content = bytes(new Random(11), 100_000);
        try (FtpSession session = open(s, Method.PASV)) {
            session.files().mkdir(dir);
            SessionCopy.upload(session, new ByteArrayInputStream(content), dir + "/a.bin", 0);
            session.setMode(DataMode.ACTIVE, ExtendedMode.NEVER);
            assertEquals(DataMode.ACTIVE, session.mode());
            ByteArrayOutputStream down = new ByteArrayOutputStream();
            SessionCopy.download(session, dir + "/a.bin", 0, down);
            assertArrayEquals(content, down.toByteArray());
        }
        events.await(TcpClosed.class, c -> c.connection().isControl());
        List<DataEndpoint.Kind> kinds = events.of(EndpointDecoded.class).stream()
                .map(e -> e.endpoint().kind()).toList();
        assertEquals(List.of(DataEndpoint.Kind.PASV, DataEndpoint.Kind.PORT), kinds, events.log());
        List<TcpEstablished> data = dataConnections();
        assertEquals(2, data.size(), events.log());
        assertFalse(data.get(0).inbound(), "upload: we connected (passive)");
        assertTrue(data.get(1).inbound(), "download: the server connected to us (active)");
        assertTrue(events.of(ModeChanged.class).size() == 1, events.log());
    }

    private List<TcpEstablished> dataConnections() {
        return events.of(TcpEstablished.class).stream().filter(e -> !e.connection().isControl()).toList();
    }

    /**
     * The event stream tells the truth: each decoded PASV/EPSV/PORT/EPRT endpoint is the port of
     * the data connection actually established, within the server's passive range in passive
     * mode; no fallback happened; the upload's and download's byte counts are the file's.
     */
    private void assertDataConnectionsMatchTheDecodedEndpoints(ServerInfo s, Method m) {
        events.await(TcpClosed.class, c -> c.connection().isControl());
        String log = events.log();
        List<EndpointDecoded> decoded = events.of(EndpointDecoded.class);
        List<TcpEstablished> data = dataConnections();
        assertTrue(events.of(ModeChanged.class).isEmpty(), "no mode change or fallback:\n" + log);
        // 4 uploads, 1 listing, 4 downloads, 1 resumed download, 1 listing
        assertEquals(11, decoded.size(), log);
        assertEquals(decoded.size(), data.size(), log);
        TcpEstablished control = events.of(TcpEstablished.class).stream()
                .filter(e -> e.connection().isControl()).findFirst().orElseThrow();
        assertEquals(s.port(), control.remote().getPort());
        for (int i = 0; i < decoded.size(); i++) {
            DataEndpoint d = decoded.get(i).endpoint();
            TcpEstablished t = data.get(i);
            assertEquals(m.kind, d.kind(), log);
            assertEquals("127.0.0.1", t.remote().getAddress().getHostAddress(), log);
            if (m.mode == DataMode.PASSIVE) {
                assertFalse(t.inbound(), log);
                assertEquals(d.port(), t.remote().getPort(), "we connected to the decoded port\n" + log);
                assertTrue(d.port() >= s.passiveMin() && d.port() <= s.passiveMax(),
                        "passive port " + d.port() + " in " + s.passiveMin() + "-" + s.passiveMax());
                if (d.kind() == DataEndpoint.Kind.PASV) {
                    assertEquals("127.0.0.1", d.host(), log);
                }
            } else {
                assertTrue(t.inbound(), log);
                assertEquals(d.port(), t.local().getPort(), "the server connected to the port we sent\n" + log);
                assertEquals("127.0.0.1", d.host(), log);
                // No check of the server's source port: pure-ftpd run as root connects from port
                // 20, the others (vsftpd with connect_from_port_20=NO) from an ephemeral port.
            }
        }
        List<TcpClosed> closed = events.of(TcpClosed.class).stream()
                .filter(c -> !c.connection().isControl()).toList();
        assertTrue(closed.stream().anyMatch(c -> c.by() == ClosedBy.CLIENT && c.bytesSent() == BIG),
                "the big upload's data connection carried exactly " + BIG + " bytes\n" + log);
        assertTrue(closed.stream().anyMatch(c -> c.by() == ClosedBy.SERVER && c.bytesReceived() == BIG),
                "the big download's data connection carried exactly " + BIG + " bytes\n" + log);
        assertTrue(closed.stream().anyMatch(c -> c.bytesReceived() == BIG - 1_000_001),
                "the resumed download carried the tail only\n" + log);
    }

    static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static byte[] crlfHeavy(Random r, int n) {
        byte[] b = bytes(r, n);
        for (int i = 0; i < n; i += 3) {
            b[i] = (byte) (i % 2 == 0 ? '\r' : '\n');
        }
        return b;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
