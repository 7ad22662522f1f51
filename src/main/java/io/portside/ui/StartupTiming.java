package io.portside.ui;

import java.io.PrintStream;
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

    /** Milliseconds since the operating system started this process, if the OS tells. */
    public static Optional<Long> millisSinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis());
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
