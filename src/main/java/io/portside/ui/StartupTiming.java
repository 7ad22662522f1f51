package io.portside.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Measures start-up: the time from the start of the process to the first shown window.
 *
 * <p>Off by default. Turned on by the system property {@code -Dportside.startupTiming=true}
 * or, for an installed launcher that takes no JVM options on its command line, by the
 * environment variable {@code PORTSIDE_STARTUP_TIMING=true}. Then the first call of
 * {@link #windowShown()} prints {@code portside: window shown <N> ms after process start}
 * to standard error.
 */
public final class StartupTiming {
    public static final String PROPERTY = "portside.startupTiming";
    public static final String ENV = "PORTSIDE_STARTUP_TIMING";

    private static final AtomicBoolean REPORTED = new AtomicBoolean();

    private StartupTiming() {
    }

    /** Whether timing was asked for. */
    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY) || "true".equalsIgnoreCase(System.getenv(ENV));
    }

    /**
     * Milliseconds since the operating system started this process, if the OS tells.
     *
     * <p>On Linux both ends are read on the kernel's boot-time clock ({@code /proc/self/stat}
     * start time, {@code /proc/uptime}), to 10 ms. {@link ProcessHandle.Info#startInstant()}
     * is not used there: it adds the boot time from {@code /proc/stat}, which is rounded down to
     * the second (and follows wall-clock steps), so its result can be off by up to a second.
     */
    public static Optional<Long> millisSinceProcessStart() {
        Optional<Long> linux = linuxMillisSinceProcessStart();
        if (linux.isPresent()) {
            return linux;
        }
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis());
    }

    /** Clock ticks per second of /proc/self/stat: USER_HZ, 100 on every Linux ABI. */
    private static final long USER_HZ = 100;

    static Optional<Long> linuxMillisSinceProcessStart() {
        try {
            Path stat = Path.of("/proc/self/stat");
            Path uptime = Path.of("/proc/uptime");
            if (!Files.isReadable(stat) || !Files.isReadable(uptime)) {
                return Optional.empty();
            }
            String s = Files.readString(stat);
            // Fields after the command name "(...)": state is field 3, starttime field 22.
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
            long startTicks = Long.parseLong(f[19]);
            double upSeconds = Double.parseDouble(Files.readString(uptime).trim().split("\\s+")[0]);
            long ms = Math.round(upSeconds * 1000) - startTicks * 1000 / USER_HZ;
            return ms >= 0 ? Optional.of(ms) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Call when a window has been shown; reports once per process, when enabled. */
    public static void windowShown() {
        windowShown(System.err);
    }

    static void windowShown(PrintStream out) {
        if (!enabled() || !REPORTED.compareAndSet(false, true)) {
            return;
        }
        out.println(millisSinceProcessStart()
                .map(ms -> "portside: window shown " + ms + " ms after process start")
                .orElse("portside: window shown (process start time unknown)"));
        out.flush();
    }
}
