package io.portside.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without a pulse: an AnimationTimer runs on every pulse,
 * so the largest gap between two calls is the longest the window was frozen. On a loaded
 * machine wall-clock gaps include time the OS did not schedule the thread at all, so the
 * monitor also records the FX thread's own CPU time between pulses: the work that froze it.
 */
final class PulseGapMonitor extends AnimationTimer {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long last;
    private long lastCpu;
    private volatile long worst;
    private volatile long worstCpu;

    @Override
    public void handle(long now) {
        long cpu = threads.getCurrentThreadCpuTime();
        if (last != 0) {
            worst = Math.max(worst, now - last);
            worstCpu = Math.max(worstCpu, cpu - lastCpu);
        }
        last = now;
        lastCpu = cpu;
    }

    /** Starts measuring afresh (call on the FX thread). */
    void restart() {
        last = 0;
        worst = 0;
        worstCpu = 0;
        start();
    }

    /** The longest wall-clock time between two pulses. */
    double worstMillis() {
        return worst / 1e6;
    }

    /** The most CPU time the FX thread spent between two pulses. */
    double worstCpuMillis() {
        return worstCpu / 1e6;
    }
}
