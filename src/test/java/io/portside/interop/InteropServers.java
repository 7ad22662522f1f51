package io.portside.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * The real FTP servers (vsftpd, proftpd, pure-ftpd, a TLS vsftpd, optionally pyftpdlib)
 * that {@code src/test/interop/servers.sh} runs on 127.0.0.1 for the interop tests.
 *
 * <p>The script writes {@code /tmp/portside-interop/servers.properties} (override the
 * folder with env {@code PORTSIDE_INTEROP_DIR}, or the file with system property
 * {@code portside.interop.properties}). When the servers are not up and this JVM runs as
 * root, the script is started once here, so a plain {@code mvn verify} works on a root
 * dev box without {@code .ci/run}; the servers started here are stopped again when the test
 * run ends ({@link InteropServersSession}), unless env {@code PORTSIDE_KEEP_SERVERS=1} asks to
 * leave them up for quicker reruns. Servers that were up before the run are left alone.
 *
 * <p>Tests call {@link #require()} (typically from {@code @BeforeAll}): it returns the
 * servers; it <em>skips</em> the test (saying why) when the JVM is neither root nor in CI
 * ({@code CI} unset or false), and <em>fails</em> when the servers are missing in CI or
 * could not be started as root.
 */
public final class InteropServers {

    /**
     * One server as the script started it. {@code homeDir} is the FTP root on local disk (the
     * user is chrooted there, so remote "/" is {@code homeDir}); the server picks passive data
     * ports in {@code passiveMin..passiveMax}.
     */
    public record ServerInfo(String name, String host, int port, String user, String password,
                             boolean tls, Path homeDir, int passiveMin, int passiveMax) {
        /** Path on disk of {@code remotePath}, a path relative to the FTP root (leading "/" allowed). */
        public Path onDisk(String remotePath) {
            String rel = remotePath.startsWith("/") ? remotePath.substring(1) : remotePath;
            return homeDir.resolve(rel);
        }

        @Override
        public String toString() {
            return name + "@" + host + ":" + port + (tls ? " (TLS)" : "");
        }
    }

    /** The plain servers that must be there whenever the interop set is (pyftpdlib is optional). */
    public static final List<String> REQUIRED_PLAIN = List.of("vsftpd", "proftpd", "pure-ftpd");
    public static final String TLS_SERVER = "vsftpd-tls";

    private static final long START_TIMEOUT_SECONDS = 300;

    private static List<ServerInfo> servers;
    private static List<ServerInfo> ipv6Servers = List.of();
    private static String problem;
    /** The servers this JVM's start brought up (from the script's {@code .started}), to stop at the end. */
    private static List<String> startedHere = List.of();

    private InteropServers() {
    }

    public static Path propertiesFile() {
        String explicit = System.getProperty("portside.interop.properties");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String dir = System.getenv("PORTSIDE_INTEROP_DIR");
        return Path.of(dir != null && !dir.isBlank() ? dir : "/tmp/portside-interop", "servers.properties");
    }

    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    public static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (Throwable t) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * All servers, after making sure they are up; skips (not root, not CI) or fails (CI,
     * or root and the start failed) otherwise.
     */
    public static synchronized List<ServerInfo> require() {
        if (!isRoot() && !inCi()) {
            // The tests check files on the servers' disks (homes owned by the test user) and
            // the servers can only be started by root: outside CI, a non-root run skips.
            Assumptions.abort("Interop tests skipped: not running as root and not in CI (env CI is not true), so the "
                    + "real FTP servers can neither be started nor their disks checked. Run as root, or "
                    + ".ci/run, to include them.");
        }
        if (servers == null && problem == null) {
            load();
        }
        if (servers != null) {
            return servers;
        }
        if (inCi()) {
            fail("Interop FTP servers are missing in CI (CI=true): " + problem);
        }
        fail("Interop FTP servers could not be started as root: " + problem);
        throw new AssertionError("unreachable");
    }

    /** The servers without TLS (the parameter set of the plain interop tests). */
    public static List<ServerInfo> plain() {
        return require().stream().filter(s -> !s.tls()).collect(Collectors.toList());
    }

    /** The explicit-FTPS vsftpd ({@code require_ssl_reuse=YES}). */
    public static ServerInfo tls() {
        return byName(TLS_SERVER).orElseThrow(() -> new AssertionError("no " + TLS_SERVER + " in " + propertiesFile()));
    }

    /** The SHA-256 fingerprint (hex, no colons) of the TLS vsftpd's self-signed certificate. */
    public static String tlsFingerprint() {
        Path pem = propertiesFile().resolveSibling("tls/cert.pem");
        try (InputStream in = Files.newInputStream(pem)) {
            java.security.cert.Certificate cert = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new AssertionError("cannot read the TLS server's certificate " + pem, e);
        }
    }

    /**
     * The IPv6 twin of a server ({@code pyftpdlib-v6}: pyftpdlib on [::1], same folder), when
     * the script started one and it greets; not part of {@link #require()}'s list.
     */
    public static synchronized Optional<ServerInfo> ipv6(String name) {
        require();
        return ipv6Servers.stream().filter(s -> s.name().equals(name + "-v6")).findFirst();
    }

    public static Optional<ServerInfo> byName(String name) {
        return require().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static void load() {
        String why = check();
        if (why != null && isRoot()) {
            String startProblem = runScript("start");
            startedHere = startedByTheScript();
            why = check();
            if (why != null && startProblem != null) {
                why = why + "; servers.sh start: " + startProblem;
            }
        }
        problem = why;
    }

    /** Whether env PORTSIDE_KEEP_SERVERS asks to leave the servers up after the run (1, true or yes). */
    public static boolean keepServers() {
        String keep = System.getenv("PORTSIDE_KEEP_SERVERS");
        return keep != null && List.of("1", "true", "yes").contains(keep.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Stops the servers this JVM started (none when they were up before it), unless
     * {@link #keepServers()}; the next {@link #require()} starts them again. Called once the
     * test run ends.
     */
    public static synchronized void stopWhatThisRunStarted() {
        if (startedHere.isEmpty()) {
            return;
        }
        if (keepServers()) {
            System.err.println("[interop] PORTSIDE_KEEP_SERVERS is set: leaving " + startedHere + " running (stop them"
                    + " with src/test/interop/servers.sh stop)");
        } else {
            List<String> command = new ArrayList<>(List.of("stop"));
            command.addAll(startedHere);
            String stopProblem = runScript(command.toArray(String[]::new));
            if (stopProblem != null) {
                System.err.println("[interop] could not stop " + startedHere + ": " + stopProblem);
            }
        }
        startedHere = List.of();
        servers = null;
        ipv6Servers = List.of();
        problem = null;
    }

    /** The names in the script's {@code .started} (those its last start brought up itself). */
    private static List<String> startedByTheScript() {
        try {
            return Files.readAllLines(propertiesFile().resolveSibling(".started")).stream().map(String::strip)
                    .filter(n -> !n.isEmpty()).distinct().toList();
        } catch (IOException e) {
            return List.of(); // none started, or the script failed before starting any
        }
    }

    /** Reads the properties file and checks each server greets with 220; null when all is well. */
    private static String check() {
        Path file = propertiesFile();
        if (!Files.isRegularFile(file)) {
            return "no " + file;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            return "cannot read " + file + ": " + e;
        }
        List<ServerInfo> list = new ArrayList<>();
        List<ServerInfo> v6 = new ArrayList<>();
        for (String[] set : new String[][] {{"servers", "main"}, {"ipv6.servers", "ipv6"}}) {
            for (String name : p.getProperty(set[0], "").split(",")) {
                name = name.trim();
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    (set[1].equals("main") ? list : v6).add(entry(p, name));
                } catch (RuntimeException e) {
                    return "bad entry for " + name + " in " + file + ": " + e;
                }
            }
        }
        ipv6Servers = v6.stream().filter(s -> greeting(s) != null).collect(Collectors.toList());
        List<String> missing = new ArrayList<>(REQUIRED_PLAIN);
        missing.add(TLS_SERVER);
        list.forEach(s -> missing.remove(s.name()));
        if (!missing.isEmpty()) {
            return file + " lists no " + missing;
        }
        for (ServerInfo s : list) {
            String greeting = greeting(s);
            if (greeting == null || !greeting.startsWith("220")) {
                return s + " does not greet with 220 (got " + greeting + ")";
            }
            if (!Files.isDirectory(s.homeDir())) {
                return s + " home " + s.homeDir() + " is not a directory";
            }
        }
        servers = List.copyOf(list);
        return null;
    }

    private static ServerInfo entry(Properties p, String name) {
        String k = "server." + name + ".";
        String[] range = p.getProperty(k + "passiveRange").split("-");
        return new ServerInfo(name,
                p.getProperty(k + "host", "127.0.0.1"),
                Integer.parseInt(p.getProperty(k + "port")),
                p.getProperty(k + "user"),
                p.getProperty(k + "password"),
                Boolean.parseBoolean(p.getProperty(k + "tls", "false")),
                Path.of(p.getProperty(k + "home")),
                Integer.parseInt(range[0].trim()),
                Integer.parseInt(range[1].trim()));
    }

    /** First line the server sends, or null when it cannot be reached. */
    static String greeting(ServerInfo s) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(s.host(), s.port()), 3000);
            socket.setSoTimeout(5000);
            BufferedReader r = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line = r.readLine();
            socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return line;
        } catch (IOException e) {
            return null;
        }
    }

    /** Runs servers.sh; returns null on success, else a description with the script's output tail. */
    private static String runScript(String... command) {
        Path script = findScript();
        if (script == null) {
            return "src/test/interop/servers.sh not found from " + Path.of("").toAbsolutePath();
        }
        try {
            Path log = Files.createTempFile("portside-servers-", ".log");
            List<String> argv = new ArrayList<>(List.of("bash", script.toString()));
            argv.addAll(List.of(command));
            Process proc = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            if (!proc.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return "timed out after " + START_TIMEOUT_SECONDS + " s (log " + log + ")";
            }
            String out = Files.readString(log);
            System.err.println("[interop] " + script + " " + String.join(" ", command) + ":\n" + out);
            if (proc.exitValue() != 0) {
                return "exit " + proc.exitValue() + ": " + tail(out, 1500);
            }
            return null;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static Path findScript() {
        String basedir = System.getProperty("basedir");
        for (Path root : new Path[] {basedir == null ? null : Path.of(basedir), Path.of("").toAbsolutePath()}) {
            if (root == null) {
                continue;
            }
            Path p = root.resolve("src/test/interop/servers.sh");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static String tail(String s, int max) {
        return s.length() <= max ? s : "..." + s.substring(s.length() - max);
    }
}
