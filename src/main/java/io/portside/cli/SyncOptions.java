package io.portside.cli;

import io.portside.compare.ComparisonSettings;
import io.portside.compare.EntryFilter;
import io.portside.compare.TimeRule;
import io.portside.ftp.event.Units;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of compare and mirror: what is compared and what a mirror may do.
 *
 * @param dryRun    mirror: print the plan, change nothing
 * @param delete    mirror: delete on the target what the source lacks, after the transfers
 * @param recursive compare: into sub-folders (mirror always is)
 */
record SyncOptions(boolean dryRun, boolean delete, boolean recursive, boolean skipHidden, List<String> include,
                   List<String> exclude, Duration timeOffset, Duration tolerance, long minSize, long maxSize) {

    SyncOptions {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    ComparisonSettings settings(boolean recursive) {
        return new ComparisonSettings(recursive, new EntryFilter(include, exclude, skipHidden, minSize, maxSize),
                new TimeRule(timeOffset, tolerance));
    }

    /** Collects the options while the command line is read. */
    static final class Builder {
        boolean dryRun;
        boolean delete;
        boolean recursive;
        boolean skipHidden;
        final List<String> include = new ArrayList<>();
        final List<String> exclude = new ArrayList<>();
        Duration timeOffset = Duration.ZERO;
        Duration tolerance = Duration.ZERO;
        long minSize = -1;
        long maxSize = -1;

        /** A flag of these options: true when {@code name} was one. */
        boolean flag(String name) {
            switch (name) {
                case "--dry-run" -> dryRun = true;
                case "--delete" -> delete = true;
                case "--recursive", "-r" -> recursive = true;
                case "--skip-hidden" -> skipHidden = true;
                default -> {
                    return false;
                }
            }
            return true;
        }

        void value(String name, String value) throws CliException {
            switch (name) {
                case "--include" -> include.add(glob(name, value));
                case "--exclude" -> exclude.add(glob(name, value));
                case "--time-offset" -> timeOffset = Duration.ofMinutes(whole(name, value, -1440, 1440, "minutes"));
                case "--min-size" -> minSize = size(name, value);
                case "--max-size" -> maxSize = size(name, value);
                default -> tolerance = Duration.ofSeconds(whole(name, value, 0, 86_400, "seconds"));
            }
        }

        SyncOptions build() throws CliException {
            if (EntryFilter.sizesCrossed(minSize, maxSize)) {
                throw CliException.usage("--min-size is larger than --max-size: no file could be both");
            }
            return new SyncOptions(dryRun, delete, recursive, skipHidden, include, exclude, timeOffset, tolerance,
                    minSize, maxSize);
        }

        private static long size(String name, String value) throws CliException {
            try {
                return Units.parseSize(value);
            } catch (NumberFormatException e) {
                throw CliException.usage(name + " must be a size such as 10K, 2M or 1G, not '" + value + "'");
            }
        }

        private static String glob(String name, String value) throws CliException {
            if (value.isEmpty()) {
                throw CliException.usage(name + " needs a pattern, such as *.txt");
            }
            return value;
        }

        private static long whole(String name, String value, long min, long max, String unit) throws CliException {
            try {
                long n = Long.parseLong(value.strip());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // worded below
            }
            throw CliException.usage(name + " must be whole " + unit + " from " + min + " to " + max + ", not '"
                    + value + "'");
        }
    }
}
