package io.portside.ftp.capture;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A system capture program: Wireshark's {@code dumpcap} (which Debian, macOS with ChmodBPF and
 * Windows with Npcap let ordinary users run) or {@code tcpdump}. Both write pcap/pcapng to
 * stdout and say on stderr when they listen.
 */
record CaptureTool(String name, Path path) {
    /** Headers are all we read; a little more keeps the FTP commands readable in Wireshark. */
    static final int SNAPLEN = 256;

    /** The programs found, dumpcap first (the one a non-root user is usually allowed to run). */
    static List<CaptureTool> find(String pathVariable) {
        List<CaptureTool> out = new ArrayList<>();
        for (String name : List.of("dumpcap", "tcpdump")) {
            for (Path dir : searchPath(pathVariable)) {
                Path p = dir.resolve(windows() ? name + ".exe" : name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    out.add(new CaptureTool(name, p));
                    break;
                }
            }
        }
        return out;
    }

    /** PATH, then where the tools live when PATH lacks them (sbin for a normal user, Wireshark's folders). */
    static Set<Path> searchPath(String pathVariable) {
        Set<Path> dirs = new LinkedHashSet<>();
        if (pathVariable != null) {
            for (String d : pathVariable.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        for (String d : List.of("/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin", "/usr/local/bin",
                "/Applications/Wireshark.app/Contents/MacOS", "C:\\Program Files\\Wireshark")) {
            dirs.add(Path.of(d));
        }
        return dirs;
    }

    List<String> command(String filter, String iface) {
        List<String> c = new ArrayList<>(List.of(path.toString()));
        if (iface != null) {
            c.addAll(List.of("-i", iface));
        }
        if (name.equals("tcpdump")) {
            // -U and immediate mode: each packet reaches us at once, not when a buffer fills.
            c.addAll(List.of("-U", "--immediate-mode", "-n", "-s", Integer.toString(SNAPLEN), "-w", "-", filter));
        } else {
            c.addAll(List.of("-f", filter, "-s", Integer.toString(SNAPLEN), "-w", "-"));
        }
        return c;
    }

    /** The stderr line that says the filter is set and packets are being captured. */
    boolean saysListening(String stderrLine) {
        return name.equals("tcpdump") ? stderrLine.contains("listening on") : stderrLine.contains("Capturing on");
    }

    /** What a tool's complaint means: no permission, or something else. */
    static boolean meansNoPermission(String stderr) {
        String s = stderr.toLowerCase(Locale.ROOT);
        return s.contains("permission") || s.contains("not permitted") || s.contains("access is denied")
                || s.contains("access denied");
    }

    /**
     * The interface to listen on: every interface on Linux ("any"); elsewhere the loopback one
     * for a server on this machine, otherwise the tool's default interface.
     */
    static String interfaceFor(boolean loopbackServer) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return "any";
        }
        if (!loopbackServer) {
            return null;
        }
        return windows() ? "\\Device\\NPF_Loopback" : "lo0";
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }
}
