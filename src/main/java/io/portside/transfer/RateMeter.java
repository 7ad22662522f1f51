package io.portside.transfer;

import java.util.ArrayDeque;

/**
 * Bytes per second over the last {@link #WINDOW_NANOS} of wall time: the bytes moved since a
 * sample taken that long ago, divided by the time between, so a link that delivers in bursts
 * (a throttling server sending 640 KiB every 2 s) reads as its average, not as the size of the
 * last chunk. Until the window has filled, the average since the {@linkplain #mark mark} (the
 * start of a run, or the offset a resume starts from); nothing during the first
 * {@link #SETTLE_NANOS}, when one burst would read as a huge rate.
 *
 * <p>Samples come from one thread (the queue's progress thread); times are {@code System.nanoTime()}.
 */
final class RateMeter {
    static final long WINDOW_NANOS = 8_000_000_000L;
    static final long SETTLE_NANOS = 1_000_000_000L;
    /** Samples closer than this to the previous one are not kept (the rate still uses the newest). */
    private static final long SPACING_NANOS = 200_000_000L;

    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private long markNanos;
    private long lastNanos;
    private long lastBytes;

    RateMeter(long nanos, long bytes) {
        mark(nanos, bytes);
    }

    /** Starts over from {@code bytes} at {@code nanos}: what was moved before does not count. */
    void mark(long nanos, long bytes) {
        samples.clear();
        samples.add(new long[] {nanos, bytes});
        markNanos = nanos;
        lastNanos = nanos;
        lastBytes = bytes;
    }

    /** The byte count at {@code nanos}. A count that went back (the run started over) is a new mark. */
    void sample(long nanos, long bytes) {
        if (bytes < lastBytes) {
            mark(nanos, bytes);
            return;
        }
        lastNanos = nanos;
        lastBytes = bytes;
        if (nanos - samples.peekLast()[0] >= SPACING_NANOS) {
            samples.add(new long[] {nanos, bytes});
        }
        // keep exactly one sample at or before the window's start: the base the rate is taken from
        while (samples.size() > 1 && nanos - secondOldest() >= WINDOW_NANOS) {
            samples.poll();
        }
    }

    private long secondOldest() {
        var it = samples.iterator();
        it.next();
        return it.next()[0];
    }

    /** Bytes per second; 0 while not known yet. */
    double rate() {
        if (lastNanos - markNanos < SETTLE_NANOS) {
            return 0;
        }
        long[] base = samples.peekFirst();
        long since = lastNanos - base[0]; // the window, or a little more (samples are 200 ms apart)
        return since <= 0 ? 0 : (lastBytes - base[1]) * 1e9 / since;
    }
}
