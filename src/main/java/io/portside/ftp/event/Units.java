package io.portside.ftp.event;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** Human-readable durations, byte counts and rates for log lines and progress. */
public final class Units {
    private Units() {
    }

    public static String duration(Duration d) {
        if (d == null) {
            return "?";
        }
        double ms = d.toNanos() / 1e6;
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }

    public static String bytes(long n, Locale locale) {
        return String.format(locale, "%,d", n);
    }

    /** Size with a binary unit: 1.5 MiB. */
    public static String size(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[i]);
    }

    /** Bytes per second as MB/s or KB/s (decimal, as network rates are usually given). */
    public static String rate(long bytes, Duration over) {
        double s = over == null ? 0 : over.toNanos() / 1e9;
        if (s <= 0) {
            return "-";
        }
        double perSecond = bytes / s;
        if (perSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.1f MB/s", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kB/s", perSecond / 1e3);
    }

    /**
     * A size as people type it: "500K", "2M", "1.5m", "3G", "80000" (K = 1024 bytes, M = 1024 K,
     * as curl and wget count); the command line's rates and sizes and the window's size limits.
     *
     * @throws NumberFormatException when it is not one
     */
    public static long parseSize(String typed) {
        String v = typed.strip().toUpperCase(Locale.ROOT);
        if (v.endsWith("B")) {
            v = v.substring(0, v.length() - 1);
        }
        long unit = v.endsWith("K") ? 1024 : v.endsWith("M") ? 1024 * 1024 : v.endsWith("G") ? 1024L * 1024 * 1024 : 1;
        String number = unit == 1 ? v : v.substring(0, v.length() - 1).strip();
        BigDecimal bytes = new BigDecimal(number).multiply(BigDecimal.valueOf(unit));
        if (bytes.signum() < 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new NumberFormatException(typed);
        }
        return bytes.longValue();
    }
}
