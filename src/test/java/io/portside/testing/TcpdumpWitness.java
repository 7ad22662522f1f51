package io.portside.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * An independent tcpdump, run by a test at the same time as Portside's own capture, to check
 * the numbers Portside shows against what tcpdump prints ({@code tcpdump -S -n -r}). Only
 * tcpdump's own text output is read here, not Portside's pcap parser.
 */
public final class TcpdumpWitness implements AutoCloseable {
    /** One packet as tcpdump printed it; {@code seq} is null where tcpdump shows none (bare ACKs). */
    public record WirePacket(String source, int sourcePort, String destination, int destinationPort, String flags,
                             Long seq, Long ack, int window) {
    }

    private static final Pattern LINE = Pattern.compile(
            "IP6? (\\S+)\\.(\\d+) > (\\S+)\\.(\\d+): Flags \\[([^\\]]*)\\](?:, seq (\\d+)(?::\\d+)?)?(?:, ack (\\d+))?, win (\\d+)");
    private final Process process;
    private final Path file;

    private TcpdumpWitness(Process process, Path file) {
        this.process = process;
        this.file = file;
    }

    /** The tcpdump binary, or a skipped test (a failed one in CI, where .ci/run installs it). */
    public static String tcpdump() {
        for (String p : List.of("/usr/bin/tcpdump", "/usr/sbin/tcpdump")) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        String ci = System.getenv("CI");
        if (ci != null && ci.equals("true")) {
            throw new AssertionError("tcpdump is missing in CI: .ci/run installs it");
        }
        Assumptions.abort("tcpdump is not installed");
        return null;
    }

    /** Starts capturing {@code filter} on every interface into {@code file}; returns once it listens. */
    public static TcpdumpWitness start(String filter, Path file) throws Exception {
        Process p = new ProcessBuilder(tcpdump(), "-i", "any", "-U", "--immediate-mode", "-n", "-s", "128",
                "-w", file.toString(), filter).start();
        CountDownLatch listening = new CountDownLatch(1);
        StringBuilder said = new StringBuilder();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (said) {
                        said.append(line).append('\n');
                    }
                    if (line.contains("listening on")) {
                        listening.countDown();
                    }
                }
            } catch (IOException ignored) {
                // tcpdump ended
            }
        });
        t.setDaemon(true);
        t.start();
        boolean up = listening.await(10, TimeUnit.SECONDS);
        if (!up) {
            p.destroyForcibly();
            synchronized (said) {
                Assumptions.abort("the witness tcpdump cannot capture here (not root?): " + said);
            }
        }
        return new TcpdumpWitness(p, file);
    }

    /** Stops tcpdump (after a moment for the last ACKs) and returns what it captured, in order. */
    public List<WirePacket> stop() throws Exception {
        Thread.sleep(300);
        process.destroy();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "tcpdump stops on SIGTERM");
        return read(file);
    }

    /** {@code tcpdump -S -n -r file}, parsed: the packets of a pcap file as tcpdump reads them. */
    public static List<WirePacket> read(Path pcap) throws Exception {
        Process r = new ProcessBuilder(tcpdump(), "-S", "-n", "-r", pcap.toString()).redirectErrorStream(false).start();
        List<WirePacket> out = new ArrayList<>();
        String text = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(r.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(r.waitFor(30, TimeUnit.SECONDS));
        assertTrue(r.exitValue() == 0, "tcpdump reads " + pcap + ": " + err);
        for (String line : text.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                out.add(new WirePacket(m.group(1), Integer.parseInt(m.group(2)), m.group(3), Integer.parseInt(m.group(4)),
                        flagNames(m.group(5)), m.group(6) == null ? null : Long.valueOf(m.group(6)),
                        m.group(7) == null ? null : Long.valueOf(m.group(7)), Integer.parseInt(m.group(8))));
            }
        }
        return out;
    }

    /** tcpdump's flag letters as Portside names them: {@code S.} is SYN-ACK, {@code F.} FIN-ACK. */
    static String flagNames(String letters) {
        List<String> names = new ArrayList<>();
        if (letters.contains("S")) {
            names.add("SYN");
        }
        if (letters.contains("F")) {
            names.add("FIN");
        }
        if (letters.contains("R")) {
            names.add("RST");
        }
        if (letters.contains("P")) {
            names.add("PSH");
        }
        if (letters.contains(".")) {
            names.add("ACK");
        }
        return String.join("-", names);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
