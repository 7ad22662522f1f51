package io.portside.files;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One file or folder on either side.
 *
 * @param size        bytes, or -1 when unknown
 * @param modified    null when unknown
 * @param link        a symbolic link whose target the listing could not resolve to a file or folder
 *                    (any link in a remote listing, a dangling link on the local disk); links that
 *                    resolve are entries of their target's kind
 * @param permissions {@code rwxr-xr-x}, or null when the listing had none (always null locally)
 * @param owner       null when the listing had none (always null locally)
 * @param timePrecision what {@code modified} is exact to: NANOS on the local disk, SECONDS from MLSD,
 *                    MINUTES or DAYS from a LIST line; null when {@code modified} is
 */
public record FileEntry(String name, String path, boolean directory, long size, Instant modified, boolean link,
                        String permissions, String owner, ChronoUnit timePrecision) {

    /** An entry whose time (if any) is exact. */
    public FileEntry(String name, String path, boolean directory, long size, Instant modified, boolean link,
                     String permissions, String owner) {
        this(name, path, directory, size, modified, link, permissions, owner, modified == null ? null : ChronoUnit.NANOS);
    }

    /** A plain file or folder: not a link, no permissions or owner known. */
    public FileEntry(String name, String path, boolean directory, long size, Instant modified) {
        this(name, path, directory, size, modified, false, null, null);
    }

    /** What follows the name's last dot ("txt"), or "" when nothing does ("README", ".profile", "notes."). */
    public String extension() {
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1);
    }
}
