package io.portside.compare;

import io.portside.files.FileEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How modification times are compared. The server's times are moved by {@code serverOffset}
 * first (FileZilla's "adjust server time": -60 minutes for a server that lists its times an
 * hour ahead). Each time is taken at its own precision: a LIST line saying "Dec 3 08:14" means
 * some second from 08:14:00 to 08:14:59, "Jun 1 2025" some time that day, MLSD, MDTM and the
 * local disk the second. Two times are the same when every second each may mean lies within
 * {@code tolerance} of every second the other may mean; one is newer when all its seconds are
 * more than {@code tolerance} after all of the other's; anything else is {@link TimeOrder#AMBIGUOUS}
 * (then an MDTM, to the second, decides).
 */
public record TimeRule(Duration serverOffset, Duration tolerance) {
    public static final TimeRule DEFAULT = new TimeRule(Duration.ZERO, Duration.ZERO);

    public TimeRule {
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("a time tolerance cannot be negative");
        }
    }

    /** The remote entry's time as this rule reads it (moved by the offset), or null. */
    public Instant remoteTime(FileEntry remote) {
        return remote.modified() == null ? null : remote.modified().plus(serverOffset);
    }

    public TimeOrder order(FileEntry local, FileEntry remote) {
        Instant r = remoteTime(remote);
        if (local.modified() == null || r == null) {
            return TimeOrder.UNKNOWN;
        }
        long lLo = local.modified().getEpochSecond();
        long lHi = lLo + span(local.timePrecision()) - 1;
        long rLo = r.getEpochSecond();
        long rHi = rLo + span(remote.timePrecision()) - 1;
        long tol = tolerance.getSeconds();
        if (lLo - rHi > tol) {
            return TimeOrder.LOCAL_NEWER;
        }
        if (rLo - lHi > tol) {
            return TimeOrder.REMOTE_NEWER;
        }
        if (Math.max(lHi - rLo, rHi - lLo) <= tol) {
            return TimeOrder.SAME;
        }
        return TimeOrder.AMBIGUOUS;
    }

    /** Seconds a time of this precision may stand for: 1 for a second or finer, 60 for a minute... */
    static long span(ChronoUnit precision) {
        if (precision == null) {
            return 1;
        }
        long s = precision.getDuration().getSeconds();
        return Math.max(1, s);
    }
}
