package io.portside.transfer;

import java.time.Duration;

/**
 * How often and how patiently a transient failure is retried.
 *
 * @param retries  attempts after the first (0: never retry)
 * @param initial  the wait before the first retry; doubled each time up to {@code max}
 */
public record RetryPolicy(int retries, Duration initial, Duration max) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public RetryPolicy withRetries(int n) {
        return new RetryPolicy(n, initial, max);
    }

    /** The wait before retry number {@code retry} (1-based). */
    public Duration backoff(int retry) {
        long ms = initial.toMillis() << Math.min(20, Math.max(0, retry - 1));
        return Duration.ofMillis(Math.min(ms, max.toMillis()));
    }
}
