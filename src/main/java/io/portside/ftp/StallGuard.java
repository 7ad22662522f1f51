package io.portside.ftp;

import io.portside.ftp.event.FailureCause;
import java.time.Duration;

/**
 * Ends a transfer whose data trickles: the socket timeout only catches total silence, so a
 * server sending one byte a second would otherwise hold a transfer (and a queue worker)
 * forever. Fewer than {@link #MIN_BYTES} bytes in a whole data-timeout window is a stall.
 */
final class StallGuard {
    static final long MIN_BYTES = 1024;

    private final long windowNanos;
    private long windowStart = System.nanoTime();
    private long bytesInWindow;

    StallGuard(Duration dataTimeout) {
        this.windowNanos = dataTimeout.toNanos();
    }

    void moved(int bytes) throws FtpException {
        if (bytes > 0) {
            bytesInWindow += bytes;
        }
        long now = System.nanoTime();
        if (now - windowStart < windowNanos) {
            return;
        }
        if (bytesInWindow < MIN_BYTES) {
            throw new FtpException(UserMessage.of("transfer.stalled", bytesInWindow,
                    Duration.ofNanos(windowNanos).toSeconds()),
                    FailureCause.TIMED_OUT, null);
        }
        windowStart = now;
        bytesInWindow = 0;
    }
}
