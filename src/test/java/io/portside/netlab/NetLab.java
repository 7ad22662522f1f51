package io.portside.netlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One lab of {@code src/test/netlab/lab.sh} for a test class: three network namespaces (client,
 * router, server) built before the class's first test and deleted after its last, also when a
 * test failed ({@link AfterAllCallback} runs regardless, and a shutdown hook covers a JVM that
 * is stopped). Labs left behind by a killed JVM are swept before each new one is built.
 *
 * <p>The lab needs root. Outside CI without root its tests are skipped and say why; in CI
 * ({@code CI=true}) a missing tool fails them instead, so the lab cannot silently vanish.
 *
 * <p>Register with {@code @RegisterExtension static final NetLab LAB = new NetLab("cnat", "client-nat");}.
 */
public final class NetLab implements BeforeAllCallback, AfterAllCallback {
    static final Path SCRIPT = Path.of("src/test/netlab/lab.sh");
    static final Path SERVERS = Path.of("/opt/portside-interop/pkgroot/usr/sbin/vsftpd");
    /** The test account of src/test/interop/servers.sh, which the lab's servers share. */
    static final String USER = "portside";
    static final String PASSWORD = "portside-interop";

    private final String name;
    private final String topology;
    private Thread cleanup;
    private boolean up;

    /** @param tag short [a-z0-9] name of the test class's lab; @param topology client-nat, server-nat or routed */
    public NetLab(String tag, String topology) {
        this.name = "psl-" + ProcessHandle.current().pid() + "-" + tag;
        this.topology = topology;
    }

    public String name() {
        return name;
    }

    /** The namespace of one side: "c" (client), "r" (router) or "s" (server). */
    public String ns(String side) {
        return name + "-" + side;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        requireLab();
        script(Duration.ofSeconds(30), "sweep");
        cleanup = new Thread(this::downQuietly, "netlab-cleanup " + name);
        Runtime.getRuntime().addShutdownHook(cleanup);
        up = true;
        script(Duration.ofSeconds(30), "up", name, topology);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (up) {
            up = false;
            Runtime.getRuntime().removeShutdownHook(cleanup);
            script(Duration.ofSeconds(30), "down", name);
            List<String> left = namespaces();
            assertEquals(List.of(), left, "the lab left namespaces behind");
        }
    }

    /** Loads a router rule set: open, masq, masq-helper, dnat, drop-passive, reject-passive, drop-inbound, reject-inbound. */
    public void firewall(String policy) throws IOException {
        script(Duration.ofSeconds(20), "fw", name, policy);
    }

    /** Starts a server in the server namespace: kind vsftpd|proftpd|pure-ftpd, options as lab.sh takes them. */
    public void server(String kind, int port, String passiveRange, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("server", name, kind, Integer.toString(port), passiveRange));
        args.addAll(Arrays.asList(options));
        script(Duration.ofSeconds(30), args.toArray(String[]::new));
    }

    /** SHA-256 fingerprint of the certificate the lab's TLS servers use, for --trust-fingerprint. */
    public String tlsFingerprint() throws Exception {
        Path pem = Path.of(System.getenv().getOrDefault("PORTSIDE_NETLAB_DIR", "/tmp/portside-netlab"), name,
                "servers", "tls", "cert.pem");
        try (java.io.InputStream in = Files.newInputStream(pem)) {
            java.security.cert.Certificate c = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            return java.util.HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        }
    }

    /** A command's outcome: exit code, its output and how long it ran. */
    public record Run(int exit, String out, String err, Duration took) {
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exit + " after " + took.toMillis() + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs the real Portside command line ({@code io.portside.Launcher}) in the client namespace, in English. */
    public Run portside(Duration limit, String... args) throws IOException {
        return inNamespace("c", limit, portsideCommand(args));
    }

    /**
     * Starts the real Portside command line in the background in one of the lab's namespaces
     * (for {@code probe-server}); its output goes to {@code output}. The caller stops it, and
     * {@code down} kills whatever is left in the namespace.
     */
    public Process startPortside(String side, Path output, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns(side)));
        cmd.addAll(portsideCommand(args));
        return new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static List<String> portsideCommand(String... args) {
        // --add-opens as the jar's manifest (Add-Opens) gives them: data connections resume the TLS session.
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Duser.language=en", "-Duser.country=US",
                "--add-opens", "java.base/sun.security.ssl=ALL-UNNAMED", "--add-opens", "java.base/sun.security.util=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                "io.portside.Launcher"));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** Runs a command in one of the lab's namespaces. */
    public Run inNamespace(String side, Duration limit, List<String> command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns(side)));
        cmd.addAll(command);
        return exec(limit, cmd);
    }

    static Run exec(Duration limit, List<String> cmd) throws IOException {
        Path out = Files.createTempFile("netlab", ".out");
        Path err = Files.createTempFile("netlab", ".err");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done;
            try {
                done = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done = false;
            }
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail("did not finish within " + limit.toSeconds() + " s: " + String.join(" ", cmd) + "\n"
                        + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - t0));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private void script(Duration limit, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        cmd.addAll(Arrays.asList(args));
        Run r = exec(limit, cmd);
        if (r.exit() != 0) {
            fail("lab.sh " + String.join(" ", args) + " failed: " + r);
        }
    }

    private void downQuietly() {
        try {
            exec(Duration.ofSeconds(30), List.of("bash", SCRIPT.toString(), "down", name));
        } catch (IOException | RuntimeException | AssertionError e) {
            // the next run's sweep removes what is left
        }
    }

    /** The namespaces of this lab that still exist. */
    List<String> namespaces() throws IOException {
        Run r = exec(Duration.ofSeconds(10), List.of("ip", "netns", "list"));
        return r.out().lines().map(l -> l.split(" ")[0]).filter(n -> n.startsWith(name + "-")).toList();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Skips (outside CI) or fails (in CI) when the lab cannot run here, saying why. */
    static void requireLab() {
        String missing = missing();
        if (missing == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("the network lab cannot run in CI: " + missing);
        }
        Assumptions.abort("network lab skipped: " + missing
                + " (it needs root, ip netns, nft and the servers of src/test/interop/servers.sh install)");
    }

    private static String missing() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "not running as root";
        }
        for (String tool : List.of("ip", "nft", "conntrack")) {
            if (java.util.stream.Stream.of("/usr/sbin/", "/usr/bin/", "/sbin/", "/bin/")
                    .noneMatch(dir -> Files.isExecutable(Path.of(dir + tool)))) {
                return tool + " is missing (apt-get install iproute2 nftables conntrack)";
            }
        }
        if (!Files.isExecutable(SERVERS)) {
            return SERVERS + " is missing (run src/test/interop/servers.sh install)";
        }
        return null;
    }
}
