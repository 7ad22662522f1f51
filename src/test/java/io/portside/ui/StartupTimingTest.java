package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StartupTimingTest {

    @Test
    void processStartIsKnownAndInThePast() {
        long ms = StartupTiming.millisSinceProcessStart().orElseThrow();
        assertTrue(ms >= 0 && ms < 3_600_000, "implausible: " + ms);
    }

    @Test
    void onLinuxTheFigureAgreesWithTheJvmUptime() {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/proc/self/stat").isFile(), "not Linux");
        long jvmUptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        long ms = StartupTiming.linuxMillisSinceProcessStart().orElseThrow();
        // The process starts a little before the JVM's uptime clock does; both are 10 ms-ish exact.
        assertTrue(ms >= jvmUptime - 30 && ms <= jvmUptime + 1000, "proc " + ms + " ms, JVM uptime " + jvmUptime + " ms");
    }

    @Test
    void reportsOnceWhenEnabled() {
        String old = System.getProperty(StartupTiming.PROPERTY);
        System.setProperty(StartupTiming.PROPERTY, "true");
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
            StartupTiming.windowShown(out);
            StartupTiming.windowShown(out);
            String text = buf.toString(StandardCharsets.UTF_8);
            assertTrue(text.matches("portside: window shown \\d+ ms after process start\\R"), text);
            assertEquals(1, text.lines().count());
        } finally {
            if (old == null) {
                System.clearProperty(StartupTiming.PROPERTY);
            } else {
                System.setProperty(StartupTiming.PROPERTY, old);
            }
        }
    }
}
