package io.portside.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.interop.InteropServers;
import io.portside.interop.InteropServers.ServerInfo;
import io.portside.server.SandboxServer;
import io.portside.testing.TcpdumpWitness;
import io.portside.testing.TcpdumpWitness.WirePacket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code get --capture on}: the log's handshake lines of the control and the data connection
 * carry the ports and absolute sequence numbers that an independent tcpdump saw at the same
 * time, against the embedded server and vsftpd, passive and active; the --capture-file holds
 * our connections' packets only and tcpdump reads it.
 */
@Timeout(120)
class CliCaptureTest {
    static final Pattern PKT = Pattern.compile(
            "(ctl#\\d+|data#\\d+\\.\\d+) +pkt  ([\\d.]+):(\\d+) -> ([\\d.]+):(\\d+)  (\\S+)  seq (\\d+)(?: ack (\\d+))?  win (\\d+)");

    /** A packet line of Portside's log. */
    record LoggedPacket(String connection, int sourcePort, int destinationPort, String flags, long seq, Long ack,
                        int window, String line) {
    }

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sandbox passive", "sandbox active", "vsftpd passive", "vsftpd active"})
    void handshakesInTheLogAreTheOnesTcpdumpSaw(String serverAndMode) throws Exception {
        assumeRoot();
        String[] sm = serverAndMode.split(" ");
        byte[] data = new byte[200_000];
        new Random().nextBytes(data);
        String name = "capture-" + System.nanoTime() + ".bin";
        SandboxServer sandbox = null;
        String url;
        int serverPort;
        Path onServer;
        if (sm[0].equals("sandbox")) {
            Path root = Files.createDirectories(dir.resolve("root"));
            sandbox = SandboxServer.start(root);
            serverPort = sandbox.port();
            url = "ftp://" + sandbox.user() + ":" + sandbox.password() + "@127.0.0.1:" + serverPort + "/" + name;
            onServer = root.resolve(name);
        } else {
            ServerInfo v = InteropServers.require().stream().filter(s -> s.name().equals("vsftpd")).findFirst()
                    .orElseThrow();
            serverPort = v.port();
            url = "ftp://" + v.user() + ":" + v.password() + "@" + v.host() + ":" + serverPort + "/" + name;
            onServer = v.onDisk(name);
        }
        Files.write(onServer, data);
        Path target = dir.resolve("copy.bin");
        Path log = dir.resolve("log.txt");
        Path pcap = dir.resolve("ours.pcap");
        List<WirePacket> wire;
        CliRun run;
        try (TcpdumpWitness witness = TcpdumpWitness.start("tcp and host 127.0.0.1", dir.resolve("witness.pcap"))) {
            run = CliRun.of("get", "--capture", "on", "--capture-file", pcap.toString(), "--mode", sm[1],
                    "--log", log.toString(), url, target.toString());
            wire = witness.stop();
        } finally {
            Files.deleteIfExists(onServer);
            if (sandbox != null) {
                sandbox.close();
            }
        }
        String text = Files.readString(log);
        assertEquals(0, run.exitCode(), run + "\n" + text);
        assertArrayEquals(data, Files.readAllBytes(target));

        List<LoggedPacket> logged = logged(text);
        List<LoggedPacket> control = handshake(logged, "ctl#1", text);
        assertEquals(serverPort, control.get(0).destinationPort(), "the SYN goes to the server's port\n" + text);
        Matcher ours = Pattern.compile("ctl#1 +TCP  connecting to .* from our port (\\d+)").matcher(text);
        assertTrue(ours.find(), text);
        assertEquals(Integer.parseInt(ours.group(1)), control.get(0).sourcePort(), "from our ephemeral port\n" + text);

        String dataId = logged.stream().map(LoggedPacket::connection).filter(c -> c.startsWith("data#")).findFirst()
                .orElseThrow(() -> new AssertionError("no packets of a data connection in\n" + text));
        List<LoggedPacket> dataHandshake = handshake(logged, dataId, text);
        int dataPort = Integer.parseInt(find(text, sm[1].equals("passive")
                ? dataId + " +TCP  connecting [\\d.:]+ -> 127\\.0\\.0\\.1:(\\d+)"
                : dataId + " +TCP  listening on 127\\.0\\.0\\.1:(\\d+)"));
        // Passive: we open the data connection to the server's port; active: the server opens it to ours.
        assertEquals(dataPort, dataHandshake.get(0).destinationPort(), text);

        for (LoggedPacket p : concat(control, dataHandshake)) {
            assertTrue(wire.stream().anyMatch(w -> sameAs(p, w)), "tcpdump saw " + p.line() + "\n" + wire);
        }
        assertTrue(text.contains("pkt  data segments: "), "data segments are summarised\n" + text);
        assertTrue(logged.stream().anyMatch(p -> p.connection().equals(dataId) && p.flags().startsWith("FIN")),
                "the data connection's close\n" + text);

        // The capture file: our connections only, as tcpdump reads it.
        List<WirePacket> file = TcpdumpWitness.read(pcap);
        Set<Integer> ourPorts = logged.stream().flatMap(p -> java.util.stream.Stream.of(p.sourcePort(),
                p.destinationPort())).collect(Collectors.toSet());
        assertTrue(file.size() >= 10, file.toString());
        for (WirePacket w : file) {
            assertTrue(ourPorts.contains(w.sourcePort()) && ourPorts.contains(w.destinationPort()), w + " is ours");
        }
        for (LoggedPacket p : control) {
            assertTrue(file.stream().anyMatch(w -> sameAs(p, w)), "the file holds " + p.line());
        }
    }

    /** Without permission to capture (an ordinary user), auto goes on without packets and says why once. */
    @org.junit.jupiter.api.Test
    void autoFallsBackAndSaysWhyWhenTheUserMayNotCapture() throws Exception {
        assumeRoot();
        try (SandboxServer server = SandboxServer.start(Files.createDirectories(dir.resolve("root")))) {
            CliRun run = asNobody("ls", "--capture", "auto", "--log", "-", sandboxUrl(server));
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.err().contains("i    packet capture is not available (tcpdump may not capture packets here "
                    + "(tcpdump: any: You don't have permission"), run.toString());
            assertTrue(run.err().contains("the log shows TCP connections as the sockets report them (inferred from "
                    + "socket events)"), run.toString());
            assertEquals(1, run.err().split("packet capture is not available", -1).length - 1, "said once\n" + run);
            assertTrue(run.err().contains("TCP  established 127.0.0.1:"), run.toString());
            assertFalse(run.err().contains(" pkt "), run.toString());
        }
    }

    /** Without permission, on refuses to start and says what is missing and how to allow it. */
    @org.junit.jupiter.api.Test
    void onFailsWithTheClearMessageWhenTheUserMayNotCapture() throws Exception {
        assumeRoot();
        try (SandboxServer server = SandboxServer.start(Files.createDirectories(dir.resolve("root")))) {
            CliRun run = asNobody("ls", "--capture", "on", "--log", "-", sandboxUrl(server));
            assertEquals(ExitCode.REMOTE_FAILURE, run.exitCode(), run.toString());
            List<String> err = run.errLines();
            String last = err.get(err.size() - 1);
            assertTrue(last.startsWith("portside: packet capture is on (--capture on), but tcpdump may not capture "
                    + "packets here (tcpdump: any: You don't have permission"), run.toString());
            assertTrue(last.contains("To allow it: on Debian/Ubuntu install Wireshark's dumpcap"), last);
            assertTrue(last.contains("sudo usermod -aG wireshark $USER") && last.contains("Npcap")
                    && last.contains("ChmodBPF"), last);
            assertFalse(run.err().contains("TCP  connecting"), "no session starts without the capture\n" + run);
        }
    }

    private static String sandboxUrl(SandboxServer server) {
        return "ftp://" + server.user() + ":" + server.password() + "@127.0.0.1:" + server.port() + "/";
    }

    /**
     * The real command line in a JVM of user nobody (who may not capture), its classes and jars
     * copied where nobody can read them.
     */
    private CliRun asNobody(String... args) throws Exception {
        Path base = Files.createTempDirectory("portside-nobody");
        try {
            List<String> cp = new ArrayList<>();
            int n = 0;
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path from = Path.of(entry);
                if (!Files.exists(from) || entry.contains("test-classes")) {
                    continue;
                }
                Path to = base.resolve("cp" + n++ + (Files.isDirectory(from) ? "" : ".jar"));
                copyTree(from, to);
                cp.add(to.toString());
            }
            try (java.util.stream.Stream<Path> all = Files.walk(base)) {
                for (Path p : all.toList()) {
                    Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "nobody", "--",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.language=en",
                    "-Duser.country=US", "-cp", String.join(java.io.File.pathSeparator, cp), "io.portside.Launcher"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).directory(base.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            java.util.concurrent.CompletableFuture<byte[]> err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getErrorStream().readAllBytes();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the command line ends");
            return new CliRun(p.exitValue(), out, new String(err.get(), java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            try (java.util.stream.Stream<Path> all = Files.walk(base)) {
                for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** The SYN, SYN-ACK and ACK of {@code connection}, checked to be the first three of its packet lines. */
    static List<LoggedPacket> handshake(List<LoggedPacket> logged, String connection, String text) {
        List<LoggedPacket> of = logged.stream().filter(p -> p.connection().equals(connection)).toList();
        assertTrue(of.size() >= 3, connection + " has its handshake in\n" + text);
        assertEquals(List.of("SYN", "SYN-ACK", "ACK"), of.subList(0, 3).stream().map(LoggedPacket::flags).toList(), text);
        LoggedPacket syn = of.get(0);
        LoggedPacket synAck = of.get(1);
        LoggedPacket ack = of.get(2);
        assertEquals(syn.seq() + 1, synAck.ack(), "the SYN-ACK acknowledges the SYN\n" + text);
        assertEquals(synAck.seq() + 1, ack.ack(), "the ACK acknowledges the SYN-ACK\n" + text);
        assertEquals(syn.sourcePort(), synAck.destinationPort(), text);
        assertEquals(syn.sourcePort(), ack.sourcePort(), text);
        return of.subList(0, 3);
    }

    static boolean sameAs(LoggedPacket p, WirePacket w) {
        return p.sourcePort() == w.sourcePort() && p.destinationPort() == w.destinationPort()
                && p.flags().equals(w.flags()) && p.window() == w.window()
                && (w.seq() == null || w.seq() == p.seq()) && java.util.Objects.equals(w.ack(), p.ack());
    }

    static List<LoggedPacket> logged(String text) {
        List<LoggedPacket> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = PKT.matcher(line);
            if (m.find()) {
                out.add(new LoggedPacket(m.group(1), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(5)),
                        m.group(6), Long.parseLong(m.group(7)), m.group(8) == null ? null : Long.valueOf(m.group(8)),
                        Integer.parseInt(m.group(9)), line));
            }
        }
        return out;
    }

    static void assumeRoot() {
        TcpdumpWitness.tcpdump();
        if (!InteropServers.isRoot()) {
            if (InteropServers.inCi()) {
                throw new AssertionError("capture tests run as root in CI");
            }
            Assumptions.abort("capture tests need root (tcpdump)");
        }
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in\n" + text);
        return m.group(1);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
