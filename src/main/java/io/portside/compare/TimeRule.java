package io.portside.compare;

import io.portside.files.FileEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How modification times are compared. The server's times are moved by {@code serverOffset}
 * first (FileZilla's "adjust server time": -60 minutes for a server that lists its times an
 * hour ahead). Each time is taken at its own precision: a LIST line saying "Dec 3 08:14" means
 * some second from 08:14:00 to 08:14:59, "Jun 1 2025" some time that day; MLSD, MDTM and the
 * local disk tell the second. Times are compared at the coarser side's precision: one is newer
 * when all the seconds it may mean are more than {@code tolerance} after all the other's; they
 * are the same when they may mean the same second (a local 08:14:37 against a listed 08:14), or
 * when every second each may mean lies within the tolerance of the other's. What is left, a
 * time just outside the listed minute but within the tolerance of it, is {@link TimeOrder#AMBIGUOUS}:
 * then one MDTM, to the second, decides. So a tree is compared on its listings alone (no round
 * trip per file, as lftp and FileZilla do), and a same-sized file changed within the minute
 * its copy was made in is not told apart on a server without MLSD.
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
        if (lLo <= rHi && rLo <= lHi) {
            return TimeOrder.SAME; // at the coarser side's precision they are the same minute (or day)
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
