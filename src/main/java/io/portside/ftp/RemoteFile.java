package io.portside.ftp;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One entry of a remote listing.
 *
 * @param size        bytes, or -1 when the listing did not say
 * @param modified    null when unknown
 * @param permissions e.g. {@code rwxr-xr-x}, or null
 * @param linkTarget  for symbolic links, or null
 * @param timePrecision what {@code modified} is exact to: SECONDS from MLSD, MINUTES from a recent LIST line
 *                    ("Dec 3 08:14"), DAYS from an older one ("Jun 1 2025"); null when there is no time
 */
public record RemoteFile(String name, Type type, long size, Instant modified, String permissions, String owner,
                         String group, String linkTarget, ChronoUnit timePrecision) {

    public enum Type { FILE, DIRECTORY, LINK, OTHER }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }
}
