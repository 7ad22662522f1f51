package io.portside.transfer;

import java.time.Duration;

/**
 * How the queue behaves; passed in by its owner (no global preferences).
 *
 * @param parallelism      concurrent transfers, 1-10
 * @param perSiteLimit     most connections one site gets at once, 1-10
 * @param downloadLimit    bytes per second for all downloads together, 0 for no limit
 * @param uploadLimit      bytes per second for all uploads together, 0 for no limit
 * @param preserveTimes    copy the source's modification time (MFMT on servers that offer it)
 * @param idleDisconnect   a worker closes its connection after this long without work
 * @param progressInterval how often listeners hear about progress
 * @param saveInterval     how often a changed queue is saved (when a store is attached)
 * @param transferType     which files go as text (ASCII) and which as bytes
 */
public record QueueSettings(int parallelism, int perSiteLimit, RetryPolicy retry, ConflictPolicy conflict,
                            boolean preserveTimes, long downloadLimit, long uploadLimit, Duration idleDisconnect,
                            Duration progressInterval, Duration saveInterval, TypeChoice transferType) {

    public QueueSettings {
        if (parallelism < 1 || parallelism > 10) {
            throw new IllegalArgumentException("parallel transfers must be 1 to 10, not " + parallelism);
        }
        if (perSiteLimit < 1 || perSiteLimit > 10) {
            throw new IllegalArgumentException("connections per site must be 1 to 10, not " + perSiteLimit);
        }
    }

    public static QueueSettings defaults() {
        return new QueueSettings(2, 10, RetryPolicy.defaults(), ConflictPolicy.ASK, false, 0, 0,
                Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofSeconds(5), TypeChoice.BINARY);
    }

    public QueueSettings withParallelism(int n) {
        return new QueueSettings(n, perSiteLimit, retry, conflict, preserveTimes, downloadLimit, uploadLimit, idleDisconnect,
                progressInterval, saveInterval, transferType);
    }

    public QueueSettings withPerSiteLimit(int n) {
        return new QueueSettings(parallelism, n, retry, conflict, preserveTimes, downloadLimit, uploadLimit, idleDisconnect,
                progressInterval, saveInterval, transferType);
    }

    public QueueSettings withRetry(RetryPolicy r) {
        return new QueueSettings(parallelism, perSiteLimit, r, conflict, preserveTimes, downloadLimit, uploadLimit, idleDisconnect,
                progressInterval, saveInterval, transferType);
    }

    public QueueSettings withConflict(ConflictPolicy c) {
        return new QueueSettings(parallelism, perSiteLimit, retry, c, preserveTimes, downloadLimit, uploadLimit, idleDisconnect,
                progressInterval, saveInterval, transferType);
    }

    public QueueSettings withPreserveTimes(boolean p) {
        return new QueueSettings(parallelism, perSiteLimit, retry, conflict, p, downloadLimit, uploadLimit, idleDisconnect,
                progressInterval, saveInterval, transferType);
    }

    /** The same limit for downloads and uploads (the command line's --limit-rate). */
    public QueueSettings withSpeedLimit(long bytesPerSecond) {
        return withSpeedLimits(bytesPerSecond, bytesPerSecond);
    }

    public QueueSettings withSpeedLimits(long download, long upload) {
        return new QueueSettings(parallelism, perSiteLimit, retry, conflict, preserveTimes, download, upload,
                idleDisconnect, progressInterval, saveInterval, transferType);
    }

    /** The limit for one direction, 0 for none. */
    public long speedLimit(Direction d) {
        return d == Direction.UPLOAD ? uploadLimit : downloadLimit;
    }

    public QueueSettings withTransferType(TypeChoice t) {
        return new QueueSettings(parallelism, perSiteLimit, retry, conflict, preserveTimes, downloadLimit, uploadLimit, idleDisconnect,
                progressInterval, saveInterval, t);
    }
}
