package io.portside.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rate estimator on a fake clock: bursts, pauses, restarts and resumes from an offset. */
class RateMeterTest {
    private static final long MS = 1_000_000L;
    private static final long KIB = 1024;

    /** The link: 640 KiB every 2 s (a steady 320 KiB/s), sampled ten times a second. */
    @Test
    void aBurstyLinkReadsAsItsAverageOnceTheWindowHasFilled() {
        RateMeter m = new RateMeter(0, 0);
        long bytes = 0;
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (long t = 100; t <= 60_000; t += 100) {
            if (t % 2000 == 100) {
                bytes += 640 * KIB; // the burst lands within the tick after it was sent
            }
            m.sample(t * MS, bytes);
            if (t >= 8_200) {
                lowest = Math.min(lowest, m.rate());
                highest = Math.max(highest, m.rate());
            }
        }
        double truth = 320 * KIB;
        assertTrue(lowest >= truth * 0.75 && highest <= truth * 1.25,
                "rate between " + lowest / KIB + " and " + highest / KIB + " KiB/s, truly 320");
        // the old per-tick smoothing swung from about 0 to several MiB/s on this link
    }

    @Test
    void nothingIsShownDuringTheFirstSecond() {
        RateMeter m = new RateMeter(0, 0);
        m.sample(100 * MS, 640 * KIB);
        assertEquals(0, m.rate());
        m.sample(1_000 * MS, 640 * KIB);
        assertEquals(640 * KIB, m.rate(), 1);
    }

    @Test
    void aSteadyLinkReadsExactlyFromTheStart() {
        RateMeter m = new RateMeter(0, 0);
        for (long t = 100; t <= 20_000; t += 100) {
            m.sample(t * MS, t * 100); // 100 KB/s
            if (t >= 1_000) {
                assertEquals(100_000, m.rate(), 1, "at " + t + " ms");
            }
        }
    }

    /** Resume from an offset: the bytes already in the .part were not moved by this run. */
    @Test
    void aMarkAtTheResumeOffsetDoesNotCountTheOffset() {
        RateMeter m = new RateMeter(0, 0);
        m.mark(0, 50_000_000); // resumed at 50 MB
        for (long t = 100; t <= 5_000; t += 100) {
            m.sample(t * MS, 50_000_000 + t * 10); // 10 KB/s
        }
        assertEquals(10_000, m.rate(), 1);
    }

    /** A retry that starts over (count back at 0) measures afresh instead of falling towards 0. */
    @Test
    void aCountThatGoesBackStartsOver() {
        RateMeter m = new RateMeter(0, 0);
        for (long t = 100; t <= 10_000; t += 100) {
            m.sample(t * MS, t * 1000); // 1 MB/s
        }
        assertEquals(1_000_000, m.rate(), 1);
        long restart = 40_000; // 30 s of retry back-off, then the run starts again from 0
        m.sample(restart * MS, 0);
        for (long t = restart + 100; t <= restart + 3_000; t += 100) {
            m.sample(t * MS, (t - restart) * 20); // 20 KB/s now
        }
        assertEquals(20_000, m.rate(), 1);
    }

    /** A stalled link reads as slowing down within the window, and as 0 once the window is empty. */
    @Test
    void aStallShowsWithinTheWindow() {
        RateMeter m = new RateMeter(0, 0);
        for (long t = 100; t <= 10_000; t += 100) {
            m.sample(t * MS, t * 1000);
        }
        for (long t = 10_100; t <= 14_000; t += 100) {
            m.sample(t * MS, 10_000_000);
        }
        assertTrue(m.rate() < 600_000 && m.rate() > 400_000, "half the window without data: " + m.rate());
        for (long t = 14_100; t <= 19_000; t += 100) {
            m.sample(t * MS, 10_000_000);
        }
        assertEquals(0, m.rate(), 1);
    }
}
