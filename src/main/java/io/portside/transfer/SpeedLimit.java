package io.portside.transfer;

import java.util.concurrent.TimeUnit;

/** A global speed limit shared by all workers: each chunk books its time on one common clock. */
final class SpeedLimit {
    private static final long BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private volatile long bytesPerSecond;
    private long nextFree;

    SpeedLimit(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    void set(long bytesPerSecond) {
        this.bytesPerSecond = Math.max(0, bytesPerSecond);
    }

    long get() {
        return bytesPerSecond;
    }

    /** How much to read at once: small chunks under a low limit, so a pause is noticed quickly. */
    int chunk(int buffer) {
        long bps = bytesPerSecond;
        return bps <= 0 ? buffer : (int) Math.max(1024, Math.min(buffer, bps / 10));
    }

    /** Waits until {@code bytes} more fit under the limit. */
    void take(int bytes) throws InterruptedException {
        long bps = bytesPerSecond;
        if (bps <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            nextFree = Math.max(nextFree, now - BURST_NANOS);
            nextFree += bytes * 1_000_000_000L / bps;
            wait = nextFree - now;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
